import { describeDevice } from '../core/device-name.js';
import type { Translate } from './translate.js';

/** "Chrome on Linux" in the reader's language, from a stored User-Agent. */
export function deviceLabel(t: Translate, userAgent: string): string {
  const { browser, os } = describeDevice(userAgent);
  if (!browser && !os) return t('device.unknown');
  if (!os) return browser!;
  return t('device.browserOnOs', { browser: browser ?? t('device.someBrowser'), os });
}
