import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../test/support/databases.js';
import { type FakeTwilio, startFakeTwilio } from '../../../test/support/fake-twilio.js';
import { manualClock } from '../../../test/support/manual-clock.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.js';
import type { Store } from '../../ports/store.js';
import { cryptoRandom } from '../crypto/crypto-random.js';
import { kyselyStore } from '../store/kysely-store.js';
import { choosePhoneSender, type PhoneProviderConfig } from './choose-phone-sender.js';

const account = {
  accountSid: 'AC0123456789abcdef0123456789abcdef',
  authToken: 'f00dfeedf00dfeedf00dfeedf00dfeed',
};
const secret = 'whsec_test_0123456789abcdef0123456789abcdef';
const sms = { to: '+46701234567', text: 'Din Twostep-kod är 482 913' };

describe('choosePhoneSender sends through the provider the config names', () => {
  let database: TestDatabase;
  let store: Store;
  let twilio: FakeTwilio;
  let receiver: WebhookReceiver;
  const deps = () => ({ outbox: store.outbox, clock: manualClock(), random: cryptoRandom });
  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    store = kyselyStore(database.db);
    twilio = await startFakeTwilio(account);
    receiver = await startWebhookReceiver(secret);
  });
  afterAll(async () => {
    await Promise.all([twilio.close(), receiver.close()]);
    await database.drop();
  });

  it('outbox: the development outbox', async () => {
    await choosePhoneSender({ provider: 'outbox' }, deps()).sendSms(sms);
    expect(await store.outbox.list(10)).toMatchObject([{ channel: 'sms', ...sms }]);
  });

  it('twilio: the Messages API at the configured base URL', async () => {
    const config: PhoneProviderConfig = {
      provider: 'twilio',
      ...account,
      from: '+15005550006',
      baseUrl: twilio.baseUrl,
    };
    await choosePhoneSender(config, deps()).sendSms(sms);
    expect(twilio.requests.map((r) => [r.resource, r.status, r.form.To])).toEqual([
      ['Messages', 201, sms.to],
    ]);
  });

  it('webhook: a signed POST to the configured URL, timed by the wall clock', async () => {
    await choosePhoneSender({ provider: 'webhook', url: receiver.url, secret }, deps()).sendSms(sms);
    expect(receiver.requests.map((r) => [r.verdict, JSON.parse(r.body).to])).toEqual([['valid', sms.to]]);
  });
});

describe('choosePhoneSender refuses a malformed setting at start', () => {
  const deps = {
    outbox: { add: async () => {}, list: async () => [] },
    clock: manualClock(),
    random: cryptoRandom,
  };
  const twilio = { provider: 'twilio', ...account, from: '+15005550006' } as const;

  it.each([
    [{ ...twilio, accountSid: 'SK0123456789abcdef0123456789abcdef' }, /account SID/],
    [{ ...twilio, authToken: '' }, /auth token/],
    [{ ...twilio, from: '0701234567' }, /E\.164 number .* or a Messaging Service/],
    [{ ...twilio, voiceFrom: 'Twostep' }, /calls must be in E\.164/],
    [{ provider: 'webhook', url: 'http://sms.example.com/hook', secret }, /https/],
    [{ provider: 'webhook', url: 'https://sms.example.com/hook', secret: 'changeme' }, /32 characters/],
  ] satisfies Array<[PhoneProviderConfig, RegExp]>)('%o', (config, problem) => {
    expect(() => choosePhoneSender(config, deps)).toThrow(problem);
  });
});
