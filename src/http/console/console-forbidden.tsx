import type { Context } from 'hono';
import type { HttpEnv } from '../env.js';
import { MessagePage } from '../pages/message-page.js';
import { pageContext } from '../pages/page-context.js';
import { renderPage } from '../pages/render-page.js';

/** A signed-in customer who opened a console address: no hint of what lies behind it. */
export function consoleForbidden(c: Context<HttpEnv>) {
  const page = pageContext(c);
  const { t } = page;
  return renderPage(
    c,
    <MessagePage
      page={page}
      title={t('console.forbidden.title')}
      kind="error"
      message={t('console.forbidden.message')}
      action={{ href: '/security', label: t('console.forbidden.back') }}
    />,
    403,
  );
}
