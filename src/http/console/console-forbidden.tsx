import type { Context } from 'hono';
import type { HttpEnv } from '../env.js';
import { renderMessage } from '../pages/shared/message-page.js';

/** A signed-in customer who opened a console address: no hint of what lies behind it. */
export function consoleForbidden(c: Context<HttpEnv>) {
  return renderMessage(c, 403, (t) => ({
    title: t('console.forbidden.title'),
    kind: 'error',
    message: t('console.forbidden.message'),
    action: { href: '/security', label: t('console.forbidden.back') },
  }));
}
