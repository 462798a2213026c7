import { expect } from 'vitest';
import { type ApiClient, apiClient } from './client.js';
import type { testServer } from './test-server.js';
import { password, signUpAndIn } from './two-factor.js';

type Server = Awaited<ReturnType<typeof testServer>>;
export type OutboxEntry = { id: string; channel: string; to: string; subject?: string; text: string };

export async function outbox(server: Server): Promise<OutboxEntry[]> {
  return (await (await apiClient(server.app).get('/dev/outbox.json')).json()) as OutboxEntry[];
}

/** The code in the newest message to `to`, read as a person would: six digits, or six spoken ones. */
export async function lastCodeTo(server: Server, to: string): Promise<string> {
  const message = (await outbox(server)).find((m) => m.to === to);
  const digits = message?.text.replace(/(\d), (?=\d)/g, '$1').match(/\b\d{6}\b/)?.[0];
  if (!digits) throw new Error(`no code was sent to ${to}`);
  return digits;
}

export type CodeMethodInput = { type: 'email'; address: string } | { type: 'sms' | 'voice'; phone: string };

/** Adds a method with sudo and confirms it with the code it was sent. */
export async function addConfirmedMethod(
  server: Server,
  client: ApiClient,
  input: CodeMethodInput,
  to: string,
) {
  const created = await client.post('/api/v1/me/methods', input);
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const confirmed = await client.post(`/api/v1/me/methods/${id}/confirm`, {
    code: await lastCodeTo(server, to),
  });
  expect(confirmed.status).toBe(200);
  // The outbox lists newest first by time: a later message must not share this one's instant.
  server.clock.advance(1000);
  return { id, ...((await confirmed.json()) as { recoveryCodes?: string[] }) };
}

/** A user whose 2FA is an SMS method (and optionally more), signed in with sudo. */
export async function userWithPhone(server: Server, email = 'ann@example.com', phone = '+31612345678') {
  const client = await signUpAndIn(server, email);
  expect((await client.post('/api/v1/me/confirm-password', { password })).status).toBe(204);
  const sms = await addConfirmedMethod(server, client, { type: 'sms', phone }, phone);
  return { client, smsId: sms.id, recoveryCodes: sms.recoveryCodes ?? [], email, phone };
}
