import { outbox, type Server } from '../attacks/fixtures.js';

/** The token of the newest invitation mailed to `to`, read from the e-mail as the invitee would. */
export async function invitationToken(server: Server, to: string): Promise<string> {
  const link = /\/invitation\?token=([A-Za-z0-9_-]+)/;
  const mail = (await outbox(server)).filter((m) => m.to === to && link.test(m.text)).at(-1);
  const token = mail?.text.match(link)?.[1];
  if (!token) throw new Error(`no invitation mailed to ${to}`);
  return token;
}

/** Gives a user an active SMS method whose label and number are exactly what must never leak. */
export async function withSmsMethod(
  server: Server,
  userId: string,
): Promise<{ label: string; number: string }> {
  const label = 'Work phone Ann 0612345678';
  const number = '+31612345678';
  const now = server.clock.now();
  await server.deps.store.methods.create({
    id: `sms-${userId}`,
    userId,
    type: 'sms',
    label,
    status: 'active',
    secretSealed: null,
    destination: number,
    otp: null,
    lastUsedStep: null,
    createdAt: now,
    confirmedAt: now,
    lastUsedAt: null,
    pendingExpiresAt: null,
  });
  return { label, number };
}
