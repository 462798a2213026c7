import type { Context } from 'hono';
import type { HttpEnv } from '../../env.js';
import { renderMessage } from '../shared/message-page.js';

/** A change the user's 2FA policy refuses, said plainly, with the way back: nothing was changed. */
export function policyRefusal(c: Context<HttpEnv>, code: 'backup_method_required' | 'last_required_method') {
  return renderMessage(c, 409, (t) => ({
    title: t('policy.section.heading'),
    kind: 'error',
    message: t(`error.${code}`),
    action: { href: '/security', label: t('common.backToSecurity') },
  }));
}
