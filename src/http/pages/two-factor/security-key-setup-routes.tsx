import type { Hono } from 'hono';
import { addMethod } from '../../../app/two-factor/add-method.js';
import { confirmMethod } from '../../../app/two-factor/confirm-method.js';
import type { HttpEnv } from '../../env.js';
import { formRoute } from '../shared/form-kit.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { methodConfirmed } from './method-confirmed.js';
import { sudoOrRedirect } from './page-guards.js';
import { SecurityKeyIntroPage, SecurityKeyTouchPage, securityKeySetupPath } from './security-key-pages.js';
import { SetupExpiredPage } from './setup-pages.js';

/** "Security key or this device's fingerprint / face": kind and name, touch, done. */
export function securityKeySetupRoutes(app: Hono<HttpEnv>): void {
  app.get(securityKeySetupPath, (c) => {
    const auth = sudoOrRedirect(c, securityKeySetupPath);
    if (auth instanceof Response) return auth;
    return renderPage(c, <SecurityKeyIntroPage page={pageContext(c)} />);
  });

  formRoute(app, securityKeySetupPath, {
    guard: 'sudo',
    back: () => securityKeySetupPath,
    handle: async ({ c, form, auth }) => {
      const input = {
        label: (form.label ?? '').trim().slice(0, 64) || undefined,
        attachment: form.attachment === 'platform' ? 'platform' : 'cross-platform',
      };
      const { id, options } = await addMethod(c.get('deps'), auth, {
        type: 'webauthn',
        input,
        context: c.get('requestContext'),
      });
      return renderPage(
        c,
        <SecurityKeyTouchPage page={pageContext(c)} methodId={id} options={options ?? {}} />,
      );
    },
    problem: (t, error) =>
      error.code === 'method_limit_reached' || error.code === 'method_not_allowed'
        ? { message: t(`error.${error.code}`), field: null, status: 409 }
        : null,
    rerender: ({ c }, problem) =>
      renderPage(c, <SecurityKeyIntroPage page={pageContext(c)} error={problem.message} />, problem.status),
  });

  formRoute(app, `${securityKeySetupPath}/:id`, {
    guard: 'sudo',
    back: () => securityKeySetupPath,
    handle: async ({ c, form, auth }) => {
      const result = await confirmMethod(c.get('deps'), auth, {
        methodId: c.req.param('id') ?? '',
        code: (form.answer ?? '').slice(0, 8192),
        context: c.get('requestContext'),
      });
      return methodConfirmed(c, auth, result);
    },
    on: {
      not_found: ({ c }) => renderPage(c, <SetupExpiredPage page={pageContext(c)} />, 410),
      setup_expired: ({ c }) => renderPage(c, <SetupExpiredPage page={pageContext(c)} />, 410),
    },
    problem: (t, error) =>
      error.code === 'wrong_code' || error.code === 'rate_limited'
        ? { message: t('webauthn.error.refused'), field: null, status: 400 }
        : null,
    rerender: ({ c }, problem) =>
      renderPage(c, <SecurityKeyIntroPage page={pageContext(c)} error={problem.message} />, problem.status),
  });
}
