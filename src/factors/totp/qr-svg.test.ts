import { describe, expect, it } from 'vitest';
import { qrSvg } from './qr-svg.js';

const uri =
  'otpauth://totp/Twostep:alice%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Twostep';

describe('qrSvg', () => {
  it('returns an accessible <svg> element', async () => {
    const svg = await qrSvg(uri, 'QR code for your authenticator app');
    expect(svg).toMatch(/^<svg role="img" aria-label="QR code for your authenticator app" xmlns=/);
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
    expect(svg).toContain('<path');
  });

  it('escapes the label', async () => {
    const svg = await qrSvg(uri, 'Scan "this" <now> & \'then\'');
    expect(svg).toContain('aria-label="Scan &quot;this&quot; &lt;now&gt; &amp; &#39;then&#39;"');
  });

  it('refuses an empty label', async () => {
    await expect(qrSvg(uri, '')).rejects.toThrow(TypeError);
  });
});
