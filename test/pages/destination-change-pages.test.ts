import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastCodeTo, outbox } from '../support/code-methods.js';
import { testServer } from '../support/test-server.js';
import { type BrowserClient, password, type Server, signedInBrowser, textOf } from './page-client.js';

const oldNumber = '+31612345678';
const newNumber = '+31687654321';

/** Ann, signed in through the pages, with SMS as her only method (set up through the API). */
async function annWithSms(server: Server): Promise<{ ann: BrowserClient; smsId: string }> {
  const ann = await signedInBrowser(server);
  expect((await ann.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
  const created = await ann.post('/api/v1/me/methods', { type: 'sms', phone: oldNumber });
  const { id } = (await created.json()) as { id: string };
  const code = await lastCodeTo(server, oldNumber);
  expect((await ann.post(`/api/v1/me/methods/${id}/confirm`, { code })).status).toBe(200);
  server.clock.advance(1000);
  return { ann, smsId: id };
}

describe('changing a number and turning off with a sent code, through the pages', () => {
  let server: Server;
  beforeEach(async () => {
    server = await testServer();
  });
  afterEach(() => server.close());

  it('"Change" sends a code to the new number, and only that code switches it', async () => {
    const { ann, smsId } = await annWithSms(server);
    const base = `/security/two-factor/methods/${smsId}/change`;
    const security = await ann.open('/security');
    expect(security.html).toContain(`href="${base}"`);

    const form = await ann.open(base);
    expect(textOf(form.html)).toContain('Codes now go to +31 6 •••• 5678.');
    const forged = await ann.submit(base, { _csrf: 'forged', phone: '06 87654321', country: 'NL' });
    expect(forged.status).toBe(403);
    const same = await ann.submit(base, { _csrf: form.csrf, phone: '06 12345678', country: 'NL' });
    expect(same.status).toBe(400);
    expect(textOf(await same.text())).toContain('Codes already go there.');
    expect((await outbox(server)).some((m) => m.to === newNumber)).toBe(false);

    const sent = await ann.submit(base, { _csrf: form.csrf, phone: '06 87654321', country: 'NL' });
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${base}/code`);
    const codePage = await ann.open(`${base}/code`);
    expect(textOf(codePage.html)).toContain('We sent a code to +31 6 •••• 4321.');
    expect(textOf(codePage.html)).toContain('You can send a new code in 30 seconds.');
    const wrong = await ann.submit(`${base}/code`, { _csrf: codePage.csrf, code: '000000' });
    expect(wrong.status).toBe(400);
    expect(textOf(await wrong.text())).toContain('That code is not correct.');
    // Still the old number until the right code comes back.
    expect(textOf((await ann.open('/security')).html)).toContain('+31 6 •••• 5678');

    const code = await lastCodeTo(server, newNumber);
    const done = await ann.submit(`${base}/code`, {
      _csrf: codePage.csrf,
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });
    expect(done.headers.get('location')).toBe('/security?notice=destination-changed');
    const after = textOf((await ann.open('/security?notice=destination-changed')).html);
    expect(after).toContain('Done: your codes now go to the new address or number.');
    expect(after).toContain('+31 6 •••• 4321');
    expect(after).not.toContain('+31 6 •••• 5678');
  });

  it('"Send again" sends a fresh code to the new number, never the old one, and only after the wait', async () => {
    const { ann, smsId } = await annWithSms(server);
    const base = `/security/two-factor/methods/${smsId}/change`;
    const form = await ann.open(base);
    // Before any change code there is nothing to send again: back to the form.
    const early = await ann.submit(`${base}/resend`, { _csrf: form.csrf });
    expect(early.headers.get('location')).toBe(base);

    await ann.submit(base, { _csrf: form.csrf, phone: '06 87654321', country: 'NL' });
    const first = await lastCodeTo(server, newNumber);
    const tooSoon = await ann.submit(`${base}/resend`, { _csrf: form.csrf });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.headers.get('retry-after')).toBeTruthy();

    server.clock.advance(31_000);
    const toOld = (await outbox(server)).filter((m) => m.to === oldNumber).length;
    const resent = await ann.submit(`${base}/resend`, { _csrf: form.csrf });
    expect(resent.headers.get('location')).toBe(`${base}/code`);
    expect((await outbox(server)).filter((m) => m.to === oldNumber).length).toBe(toOld);
    const second = await lastCodeTo(server, newNumber);
    const codePage = await ann.open(`${base}/code`);
    expect(textOf(codePage.html)).toContain('We sent a code to +31 6 •••• 4321.');
    // The resend killed the first code; the second one switches the number.
    if (first !== second) {
      const stale = await ann.submit(`${base}/code`, { _csrf: codePage.csrf, code: first });
      expect(stale.status).toBe(400);
    }
    const done = await ann.submit(`${base}/code`, { _csrf: codePage.csrf, code: second });
    expect(done.headers.get('location')).toBe('/security?notice=destination-changed');
  });

  it('asks for the password again when sudo has lapsed', async () => {
    const { ann, smsId } = await annWithSms(server);
    server.clock.advance(16 * 60_000);
    const answer = await ann.get(`/security/two-factor/methods/${smsId}/change`);
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toMatch(/^\/confirm-password\?next=/);
  });

  it('turns 2FA off with "Send code" and the code sent for that, in Dutch too', async () => {
    const { ann, smsId } = await annWithSms(server);
    const base = `/security/two-factor/methods/${smsId}/remove`;
    const page = await ann.open(base, { 'accept-language': 'nl' });
    expect(textOf(page.html)).toContain('we sturen een code naar +31 6 •••• 5678');
    const first = await ann.open(base);
    expect(textOf(first.html)).toContain('we send a code to +31 6 •••• 5678');
    const notYet = await ann.submit(base, { _csrf: first.csrf, code: '123456' });
    expect(notYet.status).toBe(400);

    const sent = await ann.submit(`${base}/send`, { _csrf: first.csrf });
    expect(sent.headers.get('location')).toBe(base);
    const again = await ann.submit(`${base}/send`, { _csrf: first.csrf });
    expect(again.status).toBe(429);
    const withCode = await ann.open(base);
    expect(textOf(withCode.html)).toContain('We sent a code to +31 6 •••• 5678.');
    const code = await lastCodeTo(server, oldNumber);
    const off = await ann.submit(base, { _csrf: withCode.csrf, code });
    expect(off.headers.get('location')).toBe('/security?notice=two-factor-off');
  });
});
