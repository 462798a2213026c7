import type { Hono } from 'hono';
import { listDevelopmentOutbox } from '../../../app/ops/development-outbox.js';
import type { HttpEnv } from '../../env.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { OutboxPage } from './outbox-page.js';

/** Mounted only while the development transport stands in for e-mail and SMS (docs/api.md). */
export function outboxPageRoute(app: Hono<HttpEnv>): void {
  app.get('/dev/outbox', async (c) => {
    if (!c.get('http').devOutbox) return c.notFound();
    const messages = await listDevelopmentOutbox(c.get('deps'), 100);
    return renderPage(c, <OutboxPage page={pageContext(c)} messages={messages} />);
  });
}
