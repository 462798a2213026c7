import type { Hono } from 'hono';
import { addMethod } from '../../../app/two-factor/add-method.js';
import { confirmMethod } from '../../../app/two-factor/confirm-method.js';
import { isDomainError } from '../../../core/errors.js';
import type { HttpEnv } from '../../env.js';
import { pageContext } from '../page-context.js';
import { renderPage } from '../render-page.js';
import { methodConfirmed } from './method-confirmed.js';
import { sudoForm, sudoOrRedirect } from './page-guards.js';
import { SecurityKeyIntroPage, SecurityKeyTouchPage, securityKeySetupPath } from './security-key-pages.js';
import { SetupExpiredPage } from './setup-pages.js';

/** "Security key or this device's fingerprint / face": kind and name, touch, done. */
export function securityKeySetupRoutes(app: Hono<HttpEnv>): void {
  app.get(securityKeySetupPath, (c) => {
    const auth = sudoOrRedirect(c, securityKeySetupPath);
    if (auth instanceof Response) return auth;
    return renderPage(c, <SecurityKeyIntroPage page={pageContext(c)} />);
  });

  app.post(securityKeySetupPath, async (c) => {
    const checked = await sudoForm(c, securityKeySetupPath);
    if (checked instanceof Response) return checked;
    const { form, auth } = checked;
    const t = c.get('t');
    const input = {
      label: (form.label ?? '').trim().slice(0, 64) || undefined,
      attachment: form.attachment === 'platform' ? 'platform' : 'cross-platform',
    };
    try {
      const { id, options } = await addMethod(c.get('deps'), auth, {
        type: 'webauthn',
        input,
        context: c.get('requestContext'),
      });
      return renderPage(
        c,
        <SecurityKeyTouchPage page={pageContext(c)} methodId={id} options={options ?? {}} />,
      );
    } catch (error) {
      const known = ['method_limit_reached', 'method_not_allowed'] as const;
      const code = known.find((k) => isDomainError(error, k));
      if (!code) throw error;
      return renderPage(c, <SecurityKeyIntroPage page={pageContext(c)} error={t(`error.${code}`)} />, 409);
    }
  });

  app.post(`${securityKeySetupPath}/:id`, async (c) => {
    const checked = await sudoForm(c, securityKeySetupPath);
    if (checked instanceof Response) return checked;
    const { form, auth } = checked;
    const t = c.get('t');
    try {
      const result = await confirmMethod(c.get('deps'), auth, {
        methodId: c.req.param('id'),
        code: (form.answer ?? '').slice(0, 8192),
        context: c.get('requestContext'),
      });
      return methodConfirmed(c, auth, result);
    } catch (error) {
      if (isDomainError(error, 'not_found') || isDomainError(error, 'setup_expired'))
        return renderPage(c, <SetupExpiredPage page={pageContext(c)} />, 410);
      const refused = isDomainError(error, 'wrong_code') || isDomainError(error, 'rate_limited');
      if (!refused) throw error;
      const message = t('webauthn.error.refused');
      return renderPage(c, <SecurityKeyIntroPage page={pageContext(c)} error={message} />, 400);
    }
  });
}
