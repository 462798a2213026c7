import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { pendingResetFor } from '../../../app/support/two-factor-reset.js';
import { ownSignInChoices } from '../../../app/two-factor/own-two-factor.js';
import { rememberDeviceDays } from '../../../app/two-factor/remember-device-period.js';
import { sendSignInCode } from '../../../app/two-factor/send-sign-in-code.js';
import { verifySecondFactor } from '../../../app/two-factor/verify-second-factor.js';
import { isDomainError } from '../../../core/errors.js';
import type { FactorType } from '../../../factors/registry.js';
import { sendsCodes, signsOnDevice } from '../../../factors/registry.js';
import type { HttpEnv } from '../../env.js';
import { validCsrf } from '../../middleware/csrf.js';
import { setRememberedDeviceCookie } from '../../middleware/remembered-device-cookie.js';
import { setSessionCookie } from '../../middleware/session.js';
import { readForm } from '../shared/form-body.js';
import { csrfRefused, renderMessage } from '../shared/message-page.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { nextParam, queryNext } from '../shared/safe-next.js';
import { codeStepState } from './code-step-state.js';
import { rememberFieldName } from './remember-device-field.js';
import { SecondFactorPage } from './second-factor-page.js';

const path = '/sign-in/second-factor';

export function pending(c: Context<HttpEnv>): Authenticated | null {
  const auth = c.get('auth');
  return auth?.session.state === 'second_factor' ? auth : null;
}

/** Back to the password, saying why: the pending sign-in is gone (expired, or too many wrong codes). */
export function startOver(c: Context<HttpEnv>) {
  const next = c.req.query('next');
  return c.redirect(`/sign-in?expired=1${next ? `&next=${nextParam(queryNext(c))}` : ''}`, 303);
}

function lockedOut(c: Context<HttpEnv>) {
  return renderMessage(c, 400, (t) => ({
    title: t('unlock.title'),
    kind: 'error',
    message: t('error.second_factor_locked'),
    action: { href: '/sign-in', label: t('unlock.home') },
  }));
}

export async function show(
  c: Context<HttpEnv>,
  auth: Authenticated,
  error?: string,
  status: 200 | 400 | 429 | 502 = 200,
  rememberChecked = false,
): Promise<Response> {
  const deps = c.get('deps');
  const { methods } = await ownSignInChoices(deps, auth);
  const method = methods.find((m) => m.id === c.req.query('method')) ?? methods[0];
  if (!method) return startOver(c);
  const codeStep = await codeStepState(deps, auth, method.id);
  // A security key is asked with a fresh challenge each time the page is drawn; nothing is sent.
  const securityKey = signsOnDevice(method.type)
    ? await sendSignInCode(deps, auth, { methodId: method.id, context: c.get('requestContext') })
    : null;
  const rememberDays = await rememberDeviceDays(deps, auth.user.id);
  // Someone may have talked support into a reset: the real owner signing in must learn of it.
  const pendingReset = await pendingResetFor(deps, auth.user.id);
  const next = c.req.query('next') ? queryNext(c) : undefined;
  return renderPage(
    c,
    <SecondFactorPage
      page={pageContext(c)}
      method={method}
      others={methods.filter((m) => m !== method)}
      next={next}
      codeStep={codeStep}
      securityKey={securityKey ?? undefined}
      error={error}
      remember={rememberDays > 0 ? { days: rememberDays, checked: rememberChecked } : undefined}
      pendingResetAt={pendingReset?.effectiveAt ?? null}
    />,
    status,
  );
}

/** What the code is checked as: the method asked for (the primary if none), as the page showed it. */
async function codeTypeOf(
  c: Context<HttpEnv>,
  auth: Authenticated,
): Promise<{ type: FactorType; methodId: string | undefined }> {
  const methodId = c.req.query('method');
  if (methodId === 'recovery_code') return { type: 'recovery_code', methodId: undefined };
  const { methods } = await ownSignInChoices(c.get('deps'), auth);
  const method = methods.find((m) => m.id === methodId) ?? methods[0];
  if (method && (sendsCodes(method.type) || signsOnDevice(method.type)))
    return { type: method.type as FactorType, methodId: method.id };
  return { type: 'totp', methodId };
}

export function secondFactorPageRoutes(app: Hono<HttpEnv>): void {
  app.get(path, async (c) => {
    const auth = pending(c);
    return auth ? await show(c, auth) : startOver(c);
  });

  app.post(path, async (c) => {
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c);
    const auth = pending(c);
    if (!auth) return startOver(c);
    const t = c.get('t');
    const { type, methodId } = await codeTypeOf(c, auth);
    // A security key's answer is JSON of a few hundred bytes; a typed code is short.
    const signed = signsOnDevice(type);
    const code = signed ? (form.answer ?? '').slice(0, 8192) : (form.code ?? '').slice(0, 64);
    const wrong = signed ? t('webauthn.error.refused') : t('error.wrong_code');
    if (!code.trim()) return show(c, auth, signed ? wrong : t('code.missing'), 400);
    // A box ticked on a page rendered before the period was set to 0 is ignored, not an error.
    const ticked = form[rememberFieldName] === '1';
    const rememberDevice = ticked && (await rememberDeviceDays(c.get('deps'), auth.user.id)) > 0;
    try {
      const outcome = await verifySecondFactor(c.get('deps'), auth, {
        type,
        code,
        methodId,
        context: c.get('requestContext'),
        rememberDevice,
      });
      // Locked, every code gets this answer, right or wrong: the owner unlocks from the e-mail.
      if (!outcome.ok && outcome.locked) return lockedOut(c);
      // The fifth wrong code ends the pending sign-in; say so instead of asking again.
      if (!outcome.ok && outcome.signInEnded) return startOver(c);
      if (!outcome.ok) return show(c, auth, wrong, 400, ticked);
      const { token, rememberedDevice } = outcome;
      setSessionCookie(c, token);
      if (rememberedDevice) await setRememberedDeviceCookie(c, auth.user.id, rememberedDevice);
      return c.redirect(queryNext(c), 303);
    } catch (error) {
      if (isDomainError(error, 'rate_limited')) {
        c.header('retry-after', String(error.retryAfterSeconds ?? 60));
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
        return show(c, auth, t('error.rate_limited', { minutes }), 429, ticked);
      }
      throw error;
    }
  });
}
