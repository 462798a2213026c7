import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { addMethod } from '../../../app/two-factor/add-method.js';
import { confirmMethod } from '../../../app/two-factor/confirm-method.js';
import { pendingTotpSetup } from '../../../app/two-factor/pending-totp-setup.js';
import { isDomainError } from '../../../core/errors.js';
import { formatSecretForTyping } from '../../../factors/totp/new-totp-secret.js';
import { qrSvg } from '../../../factors/totp/qr-svg.js';
import type { HttpEnv } from '../../env.js';
import { validCsrf } from '../../middleware/csrf.js';
import { readForm } from '../form-body.js';
import { csrfRefused } from '../message-page.js';
import { pageContext } from '../page-context.js';
import { setupOffer } from '../policy/setup-offer.js';
import { renderPage } from '../render-page.js';
import { methodConfirmed } from './method-confirmed.js';
import { sudoOrRedirect } from './page-guards.js';
import { ScanPage, SetupExpiredPage, SetupIntroPage } from './setup-pages.js';

const setupPath = '/security/two-factor/setup';

async function showScan(c: Context<HttpEnv>, auth: Authenticated, methodId: string, error?: string) {
  const deps = c.get('deps');
  const setup = await pendingTotpSetup(deps, auth, methodId);
  if (!setup) return renderPage(c, <SetupExpiredPage page={pageContext(c)} />, 410);
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

export function setupRoutes(app: Hono<HttpEnv>): void {
  app.get(setupPath, async (c) => {
    const auth = sudoOrRedirect(c, setupPath);
    if (auth instanceof Response) return auth;
    return renderPage(c, <SetupIntroPage page={pageContext(c)} {...(await setupOffer(c, auth))} />);
  });

  app.post(setupPath, async (c) => {
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c);
    const auth = sudoOrRedirect(c, setupPath);
    if (auth instanceof Response) return auth;
    const offer = await setupOffer(c, auth);
    if (!offer.allowed.some((choice) => choice === (form.method ?? 'totp'))) {
      const refused = c.get('t')('error.method_not_allowed');
      return renderPage(c, <SetupIntroPage page={pageContext(c)} error={refused} {...offer} />, 403);
    }
    // E-mail, SMS and calls ask for an address or number first, on pages of their own.
    if (form.method === 'email') return c.redirect(`${setupPath}/email`, 303);
    if (form.method === 'webauthn') return c.redirect(`${setupPath}/security-key`, 303);
    if (form.method === 'sms' || form.method === 'voice')
      return c.redirect(`${setupPath}/phone?type=${form.method}`, 303);
    try {
      const label = (form.label ?? '').trim().slice(0, 64) || undefined;
      const context = c.get('requestContext');
      const { id } = await addMethod(c.get('deps'), auth, { type: 'totp', input: { label }, context });
      return c.redirect(`${setupPath}/${encodeURIComponent(id)}`, 303);
    } catch (error) {
      if (!isDomainError(error, 'method_limit_reached')) throw error;
      return renderPage(
        c,
        <SetupIntroPage
          page={pageContext(c)}
          error={c.get('t')('error.method_limit_reached')}
          {...(await setupOffer(c, auth))}
        />,
        409,
      );
    }
  });

  app.get(`${setupPath}/:id`, async (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    return auth instanceof Response ? auth : await showScan(c, auth, c.req.param('id'));
  });

  app.post(`${setupPath}/:id`, async (c) => {
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c);
    const auth = sudoOrRedirect(c, c.req.path);
    if (auth instanceof Response) return auth;
    const t = c.get('t');
    const code = (form.code ?? '').slice(0, 64);
    if (!code.trim()) return showScan(c, auth, c.req.param('id'), t('code.missing'));
    try {
      const result = await confirmMethod(c.get('deps'), auth, {
        methodId: c.req.param('id'),
        code,
        context: c.get('requestContext'),
      });
      return methodConfirmed(c, auth, result);
    } catch (error) {
      if (isDomainError(error, 'wrong_code'))
        return showScan(c, auth, c.req.param('id'), t('error.wrong_code'));
      if (isDomainError(error, 'rate_limited')) {
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
        return showScan(c, auth, c.req.param('id'), t('error.rate_limited', { minutes }));
      }
      if (isDomainError(error, 'not_found') || isDomainError(error, 'setup_expired')) {
        return renderPage(c, <SetupExpiredPage page={pageContext(c)} />, 410);
      }
      throw error;
    }
  });
}
