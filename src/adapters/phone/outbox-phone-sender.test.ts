import { afterEach, beforeEach, expect, it } from 'vitest';
import { apiClient } from '../../../test/support/client.js';
import { testServer } from '../../../test/support/test-server.js';
import { outboxPhoneSender } from './outbox-phone-sender.js';

let server: Awaited<ReturnType<typeof testServer>>;
beforeEach(async () => {
  server = await testServer();
});
afterEach(() => server.close());

it('shows texts and calls in /dev/outbox.json, newest first, as a developer reads them', async () => {
  const { store, clock, random } = server.deps;
  const phone = outboxPhoneSender(store.outbox, clock, random);
  await phone.sendSms({ to: '+46701234567', text: 'Din Twostep-kod är 482 913' });
  server.clock.advance(1_000);
  await phone.call({ to: '+31612345678', text: 'Uw code is 4, 8, 2, 9, 1, 3.', language: 'nl-NL' });

  const answer = await apiClient(server.app).get('/dev/outbox.json');
  expect(answer.status).toBe(200);
  expect(await answer.json()).toEqual([
    {
      id: expect.any(String),
      channel: 'voice',
      to: '+31612345678',
      text: 'Uw code is 4, 8, 2, 9, 1, 3.',
      sentAt: '2026-11-23T09:00:01.000Z',
    },
    {
      id: expect.any(String),
      channel: 'sms',
      to: '+46701234567',
      text: 'Din Twostep-kod är 482 913',
      sentAt: '2026-11-23T09:00:00.000Z',
    },
  ]);
});
