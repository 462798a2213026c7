import { afterAll, beforeAll, expect, it } from 'vitest';
import { origin, type TestServer, testServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

const send = (body: Uint8Array | string, contentType: string) =>
  server.app.request(`${origin}/api/v1/accounts`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? new TextEncoder().encode(body) : body,
  });

it('refuses a body that is not JSON with 415, and creates nothing', async () => {
  const answer = await send('{"email":"ann@example.com","password":"a calm lake at dawn"}', 'text/plain');
  expect(answer.status).toBe(415);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(await answer.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' });
  expect(await server.deps.store.users.findByEmail('ann@example.com')).toBeNull();
});

it('refuses JSON that is not valid UTF-8 instead of reading it with replacement characters', async () => {
  const prefix = new TextEncoder().encode('{"email":"ann@example.com","password":"a calm lake ');
  const bytes = new Uint8Array([...prefix, 0xff, 0xfe, ...new TextEncoder().encode(' at dawn"}')]);
  const answer = await send(bytes, 'application/json');
  expect(answer.status).toBe(400);
  expect(await answer.json()).toMatchObject({ code: 'invalid_input' });
  expect(await server.deps.store.users.findByEmail('ann@example.com')).toBeNull();
});

it('still takes JSON with a charset parameter', async () => {
  const answer = await send(
    '{"email":"ann@example.com","password":"a calm lake at dawn"}',
    'application/json; charset=utf-8',
  );
  expect(answer.status).toBe(201);
});
