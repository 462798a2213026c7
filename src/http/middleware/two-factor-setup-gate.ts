import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../core/errors.js';
import type { HttpEnv } from '../env.js';

export const twoFactorSetupPath = '/security/two-factor/setup';

type Rule = readonly [methods: readonly string[], path: RegExp];

/**
 * What a session kept to set-up may still reach: the set-up itself (pages and API), the password
 * confirmation that reopens sudo if it ran out, signing in again or out, the language and the
 * static files. Ops endpoints never read the session. Everything else is refused: an allowlist,
 * so a route added later is closed to these sessions until someone opens it here on purpose.
 */
const allowed: readonly Rule[] = [
  [['GET', 'POST'], /^\/security\/two-factor\/setup(\/(email|phone|[A-Za-z0-9_-]+(\/code|\/resend)?))?$/],
  [['GET', 'POST'], /^\/confirm-password$/],
  [['GET', 'POST'], /^\/sign-in$/],
  [['POST'], /^\/sign-out$/],
  [['GET'], /^\/language$/],
  [['GET'], /^\/assets\/[^/]+$/],
  [['GET'], /^\/(healthz|readyz|metrics|dev\/outbox|dev\/outbox\.json)$/],
  [['POST', 'DELETE'], /^\/api\/v1\/session$/],
  [['POST'], /^\/api\/v1\/me\/methods$/],
  [['POST'], /^\/api\/v1\/me\/methods\/[^/]+\/(confirm|resend)$/],
  [['POST'], /^\/api\/v1\/me\/confirm-password$/],
  [['GET'], /^\/api\/v1\/openapi\.json$/],
];

function isAllowed(method: string, path: string): boolean {
  const asked = method === 'HEAD' ? 'GET' : method;
  return allowed.some(([methods, pattern]) => methods.includes(asked) && pattern.test(path));
}

/**
 * T-LOGIN-6: from the policy's deadline, a user without 2FA signs in to a session whose
 * state is `two_factor_setup`. That state lives in the session row, so no cookie, header or
 * parameter of the client can lift it; it ends only when the first method is confirmed, which
 * renews the session. The check costs nothing for every other session: the state came with it.
 */
export function twoFactorSetupGate(): MiddlewareHandler<HttpEnv> {
  return async function twoFactorSetupGateMiddleware(c, next) {
    if (c.get('auth')?.session.state !== 'two_factor_setup' || isAllowed(c.req.method, c.req.path)) {
      await next();
      return;
    }
    if (c.req.path === '/api' || c.req.path.startsWith('/api/'))
      throw new DomainError('two_factor_setup_required');
    return c.redirect(twoFactorSetupPath, 303);
  };
}
