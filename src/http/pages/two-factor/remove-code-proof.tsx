import type { Hono } from 'hono';
import type { AppDeps } from '../../../app/deps.js';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { sendDisableCode } from '../../../app/two-factor/change-destination.js';
import { ownActiveMethods } from '../../../app/two-factor/own-two-factor.js';
import { sentCodeState } from '../../../app/two-factor/sent-code-state.js';
import { isDomainError } from '../../../core/errors.js';
import type { TwoFactorMethod } from '../../../core/types.js';
import { sendsCodes } from '../../../factors/registry.js';
import type { HttpEnv } from '../../env.js';
import { validCsrf } from '../../middleware/csrf.js';
import { readForm } from '../form-body.js';
import { csrfRefused } from '../message-page.js';
import { pageContext } from '../page-context.js';
import { renderPage } from '../render-page.js';
import { codeErrorMessage } from './code-errors.js';
import { type CodeProof, RemoveMethodPage } from './method-pages.js';
import { sudoOrRedirect } from './page-guards.js';

/** Where the code for turning off stands, for a method that sends codes; undefined for others. */
export async function codeProofOf(
  deps: AppDeps,
  auth: Authenticated,
  method: TwoFactorMethod,
  sendError?: string,
): Promise<CodeProof | undefined> {
  const state = await sentCodeState(deps, auth, {
    methodId: method.id,
    purpose: 'disable',
    status: 'active',
  });
  if (!state) return undefined;
  return {
    type: state.type,
    sentTo: state.sentTo,
    sent: state.liveCode !== null,
    waitSeconds: state.waitSeconds,
    ...(sendError ? { sendError } : {}),
  };
}

/** A code typed to turn 2FA off: six digits are the sent code; anything longer a recovery code. */
export function sentCodeType(method: TwoFactorMethod, code: string) {
  return /^\s*\d{3}\s?\d{3}\s*$/.test(code) ? (method.type as 'email' | 'sms' | 'voice') : 'recovery_code';
}

/** "Send code" and "Send again" on the page that turns 2FA off, then back to that page. */
export function removeCodeProofRoute(app: Hono<HttpEnv>): void {
  app.post('/security/two-factor/methods/:id/remove/send', async (c) => {
    const back = `/security/two-factor/methods/${encodeURIComponent(c.req.param('id'))}/remove`;
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c);
    const auth = sudoOrRedirect(c, back);
    if (auth instanceof Response) return auth;
    const deps = c.get('deps');
    const methods = await ownActiveMethods(deps, auth);
    const method = methods.find((m) => m.id === c.req.param('id'));
    if (!method || !sendsCodes(method.type)) return c.redirect('/security', 303);
    try {
      await sendDisableCode(deps, auth, { methodId: method.id, context: c.get('requestContext') });
      return c.redirect(back, 303);
    } catch (error) {
      const message = codeErrorMessage(c.get('t'), error);
      if (message === null) throw error;
      const rateLimited = isDomainError(error, 'rate_limited');
      if (rateLimited) c.header('retry-after', String(error.retryAfterSeconds ?? 60));
      const page = (
        <RemoveMethodPage
          page={pageContext(c)}
          methodId={method.id}
          label={method.label}
          last={methods.length === 1}
          codeProof={await codeProofOf(deps, auth, method, message)}
        />
      );
      return renderPage(c, page, rateLimited ? 429 : 502);
    }
  });
}
