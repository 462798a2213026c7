/** A browser and an operating system read from a User-Agent header; null where it says nothing we know. */
export interface DeviceDescription {
  browser: string | null;
  os: string | null;
  /** A phone or tablet, for the icon beside the device. */
  mobile: boolean;
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari".
const browsers: Array<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\bChromium\//, 'Chromium'],
  [/\b(HeadlessChrome|Chrome|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const systems: Array<[RegExp, string]> = [
  [/\biPhone\b/, 'iPhone'],
  [/\biPad\b/, 'iPad'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const firstMatch = (ua: string, table: Array<[RegExp, string]>) =>
  table.find(([pattern]) => pattern.test(ua))?.[1] ?? null;

/** Enough to let a person recognise their own device ("Chrome on Linux"); never used for decisions. */
export function describeDevice(userAgent: string): DeviceDescription {
  const ua = userAgent.slice(0, 512);
  const os = firstMatch(ua, systems);
  return {
    browser: firstMatch(ua, browsers),
    os,
    mobile: os === 'iPhone' || os === 'iPad' || os === 'Android' || /\bMobile\b/.test(ua),
  };
}
