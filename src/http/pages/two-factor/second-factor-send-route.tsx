import type { Context, Hono } from 'hono';
import { sendSignInCode } from '../../../app/two-factor/send-sign-in-code.js';
import type { HttpEnv } from '../../env.js';
import { formRoute } from '../shared/form-kit.js';
import { nextParam, queryNext } from '../shared/safe-next.js';
import { codeProblem } from './code-errors.js';
import { pending, show, startOver } from './second-factor-routes.js';

/**
 * "Send code" and "Send again" at the second step: only when the user asks, never on page load,
 * then back to the step, which now asks for the code.
 */
export function secondFactorSendRoute(app: Hono<HttpEnv>): void {
  formRoute(app, '/sign-in/second-factor/send', {
    guard: (c) => pending(c) ?? startOver(c),
    handle: async ({ c, auth }) => {
      await sendSignInCode(c.get('deps'), auth, {
        methodId: c.req.query('method') ?? '',
        context: c.get('requestContext'),
      });
      return c.redirect(stepPath(c), 303);
    },
    on: { not_found: ({ c }) => c.redirect(stepPath(c), 303) },
    problem: (t, error) => codeProblem(t, error, 502),
    rerender: ({ c, auth }, problem) => show(c, auth, problem.message, problem.status as 429 | 502),
  });
}

/** The second step for the method asked about, which now asks for the code. */
function stepPath(c: Context<HttpEnv>) {
  const methodId = c.req.query('method') ?? '';
  const next = c.req.query('next');
  return `/sign-in/second-factor?method=${encodeURIComponent(methodId)}${next ? `&next=${nextParam(queryNext(c))}` : ''}`;
}
