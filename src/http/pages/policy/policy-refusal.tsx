import type { Context } from 'hono';
import type { HttpEnv } from '../../env.js';
import { MessagePage } from '../message-page.js';
import { pageContext } from '../page-context.js';
import { renderPage } from '../render-page.js';

/** A change the user's 2FA policy refuses, said plainly, with the way back: nothing was changed. */
export function policyRefusal(c: Context<HttpEnv>, code: 'backup_method_required' | 'last_required_method') {
  const page = pageContext(c);
  const { t } = page;
  return renderPage(
    c,
    <MessagePage
      page={page}
      title={t('policy.section.heading')}
      kind="error"
      message={t(`error.${code}`)}
      action={{ href: '/security', label: t('common.backToSecurity') }}
    />,
    409,
  );
}
