import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { addMethod } from '../../../app/two-factor/add-method.js';
import { confirmMethod } from '../../../app/two-factor/confirm-method.js';
import { pendingTotpSetup } from '../../../app/two-factor/pending-totp-setup.js';
import { formatSecretForTyping } from '../../../factors/totp/new-totp-secret.js';
import { qrSvg } from '../../../factors/totp/qr-svg.js';
import type { HttpEnv } from '../../env.js';
import { setupOffer } from '../policy/setup-offer.js';
import { formRoute, problemsFor } from '../shared/form-kit.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { methodConfirmed } from './method-confirmed.js';
import { sudoOrRedirect } from './page-guards.js';
import { ScanPage, SetupExpiredPage, SetupIntroPage } from './setup-pages.js';

const setupPath = '/security/two-factor/setup';

async function showScan(c: Context<HttpEnv>, auth: Authenticated, methodId: string, error?: string) {
  const deps = c.get('deps');
  const setup = await pendingTotpSetup(deps, auth, methodId);
  if (!setup) return setupExpired(c);
  const t = c.get('t');
  return renderPage(
    c,
    <ScanPage
      page={pageContext(c)}
      methodId={methodId}
      account={`${deps.settings.issuer} (${auth.user.email})`}
      qrSvg={await qrSvg(setup.otpauthUri, t('setup.scan.qrLabel', { account: auth.user.email }))}
      typedKey={formatSecretForTyping(setup.secret)}
      error={error}
    />,
    error ? 400 : 200,
  );
}

const setupExpired = (c: Context<HttpEnv>) => renderPage(c, <SetupExpiredPage page={pageContext(c)} />, 410);

export function setupRoutes(app: Hono<HttpEnv>): void {
  app.get(setupPath, async (c) => {
    const auth = sudoOrRedirect(c, setupPath);
    if (auth instanceof Response) return auth;
    return renderPage(c, <SetupIntroPage page={pageContext(c)} {...(await setupOffer(c, auth))} />);
  });

  formRoute(app, setupPath, {
    guard: 'sudo',
    handle: async ({ c, form, auth, t }) => {
      const offer = await setupOffer(c, auth);
      if (!offer.allowed.some((choice) => choice === (form.method ?? 'totp'))) {
        return { message: t('error.method_not_allowed'), field: null, status: 403 };
      }
      // E-mail, SMS and calls ask for an address or number first, on pages of their own.
      if (form.method === 'email') return c.redirect(`${setupPath}/email`, 303);
      if (form.method === 'webauthn') return c.redirect(`${setupPath}/security-key`, 303);
      if (form.method === 'sms' || form.method === 'voice')
        return c.redirect(`${setupPath}/phone?type=${form.method}`, 303);
      const label = (form.label ?? '').trim().slice(0, 64) || undefined;
      const context = c.get('requestContext');
      const { id } = await addMethod(c.get('deps'), auth, { type: 'totp', input: { label }, context });
      return c.redirect(`${setupPath}/${encodeURIComponent(id)}`, 303);
    },
    problem: problemsFor('method_limit_reached'),
    rerender: async ({ c, auth }, problem) =>
      renderPage(
        c,
        <SetupIntroPage page={pageContext(c)} error={problem.message} {...(await setupOffer(c, auth))} />,
        problem.status,
      ),
  });

  app.get(`${setupPath}/:id`, async (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    return auth instanceof Response ? auth : await showScan(c, auth, c.req.param('id'));
  });

  formRoute(app, `${setupPath}/:id`, {
    guard: 'sudo',
    handle: async ({ c, form, auth, t }) => {
      const code = (form.code ?? '').slice(0, 64);
      if (!code.trim()) return { message: t('code.missing'), field: null, status: 400 };
      const result = await confirmMethod(c.get('deps'), auth, {
        methodId: c.req.param('id') ?? '',
        code,
        context: c.get('requestContext'),
      });
      return methodConfirmed(c, auth, result);
    },
    on: { not_found: ({ c }) => setupExpired(c), setup_expired: ({ c }) => setupExpired(c) },
    problem: problemsFor('wrong_code', 'rate_limited'),
    rerender: ({ c, auth }, problem) => showScan(c, auth, c.req.param('id') ?? '', problem.message),
  });
}
