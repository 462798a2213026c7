import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Server, signedInUser } from '../attacks/fixtures.js';
import type { ApiClient } from '../support/client.js';
import { testServer } from '../support/test-server.js';

const seconds = (n: number) => n * 1000;

/**
 * Last-seen is written only now and then, so reads stay reads; with a one-minute idle time-out the
 * gap must be a small part of that minute, or a user who keeps working is signed out anyway.
 */
describe('a one-minute idle time-out', () => {
  let server: Server;
  let laptop: ApiClient;
  beforeEach(async () => {
    server = await testServer({ env: { TWOSTEP_SESSION_IDLE_MINUTES: '1' } });
    laptop = await signedInUser(server, 'ann@example.com');
  });
  afterEach(() => server.close());

  it('keeps a session used every 40 seconds', async () => {
    for (let i = 0; i < 6; i++) {
      server.clock.advance(seconds(40));
      expect((await laptop.get('/api/v1/me')).status, `after ${(i + 1) * 40} s`).toBe(200);
    }
  });

  it('still ends it after a minute without use', async () => {
    server.clock.advance(seconds(40));
    expect((await laptop.get('/api/v1/me')).status).toBe(200);
    server.clock.advance(seconds(60));
    expect((await laptop.get('/api/v1/me')).status).toBe(401);
  });
});
