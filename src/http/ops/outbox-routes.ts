import type { Hono } from 'hono';
import { listDevelopmentOutbox } from '../../app/ops/development-outbox.js';
import type { HttpEnv } from '../env.js';

/** The development outbox as JSON (docs/api.md). Mounted only when the development transport is on. */
export function outboxJsonRoute(app: Hono<HttpEnv>): void {
  app.get('/dev/outbox.json', async (c) => {
    const messages = await listDevelopmentOutbox(c.get('deps'), 200);
    return c.json(
      messages.map((m) => ({
        id: m.id,
        channel: m.channel,
        to: m.to,
        ...(m.subject ? { subject: m.subject } : {}),
        text: m.text,
        sentAt: m.sentAt.toISOString(),
      })),
    );
  });
}
