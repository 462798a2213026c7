import type { Context, Hono } from 'hono';
import type { AppDeps } from '../../../app/deps.js';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { sendDisableCode } from '../../../app/two-factor/change-destination.js';
import { ownActiveMethods } from '../../../app/two-factor/own-two-factor.js';
import { sentCodeState } from '../../../app/two-factor/sent-code-state.js';
import type { TwoFactorMethod } from '../../../core/types.js';
import { sendsCodes } from '../../../factors/registry.js';
import type { HttpEnv } from '../../env.js';
import { formRoute } from '../shared/form-kit.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { codeProblem } from './code-errors.js';
import { type CodeProof, RemoveMethodPage } from './method-pages.js';

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

const removePath = (c: Context<HttpEnv>) =>
  `/security/two-factor/methods/${encodeURIComponent(c.req.param('id') ?? '')}/remove`;

/** "Send code" and "Send again" on the page that turns 2FA off, then back to that page. */
export function removeCodeProofRoute(app: Hono<HttpEnv>): void {
  formRoute(app, '/security/two-factor/methods/:id/remove/send', {
    guard: 'sudo',
    back: removePath,
    handle: async ({ c, auth }) => {
      const method = await ownCodeSender(c, auth);
      if (!method) return c.redirect('/security', 303);
      await sendDisableCode(c.get('deps'), auth, { methodId: method.id, context: c.get('requestContext') });
      return c.redirect(removePath(c), 303);
    },
    problem: (t, error) => codeProblem(t, error, 502),
    rerender: async ({ c, auth }, problem) => {
      const methods = await ownActiveMethods(c.get('deps'), auth);
      const method = methods.find((m) => m.id === c.req.param('id'));
      if (!method) return c.redirect('/security', 303);
      const page = (
        <RemoveMethodPage
          page={pageContext(c)}
          methodId={method.id}
          label={method.label}
          last={methods.length === 1}
          codeProof={await codeProofOf(c.get('deps'), auth, method, problem.message)}
        />
      );
      return renderPage(c, page, problem.status);
    },
  });
}

/** The user's own active method named in the path, when it is one that sends codes. */
async function ownCodeSender(c: Context<HttpEnv>, auth: Authenticated) {
  const methods = await ownActiveMethods(c.get('deps'), auth);
  const method = methods.find((m) => m.id === c.req.param('id'));
  return method && sendsCodes(method.type) ? method : null;
}
