import { afterEach, beforeEach, expect, it } from 'vitest';
import { apiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';
import { type Server, signedInUser } from './fixtures.js';

let server: Server;
beforeEach(async () => {
  server = await testServer();
});
afterEach(() => server.close());

it('keeps the real events in recent activity when an attacker floods refused sign-ins', async () => {
  const ann = await signedInUser(server);
  const attacker = apiClient(server.app, { ip: '198.51.100.66' });
  const answers = [];
  for (let i = 0; i < 40; i++) {
    answers.push(
      (await attacker.post('/api/v1/session', { email: 'ann@example.com', password: `guess ${i}` })).status,
    );
  }
  expect(answers.filter((s) => s === 429).length).toBe(30);
  const activity = (await (await ann.get('/api/v1/me/activity')).json()) as Array<{ type: string }>;
  const types = activity.map((e) => e.type);
  expect(types.filter((t) => t === 'sign_in_rate_limited')).toHaveLength(1);
  expect(types).toContain('sign_in_succeeded');
});
