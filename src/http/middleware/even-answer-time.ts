import type { MiddlewareHandler } from 'hono';
import type { HttpEnv } from '../env.js';

/**
 * The answers that must not tell whether an address has an account (sign-up, a password-reset
 * request) take at least `floorMs`, whichever path the use case took. Queuing the e-mails already
 * keeps the mail server out of the answer; what is left differs by a few database writes, which a
 * patient attacker could still average out over many requests. Padding both paths to one floor
 * removes that last difference; the floor is above what either path takes on a healthy server, so
 * the two medians meet there. Only these anonymous, rarely used forms pay the wait.
 */
export function evenAnswerTime(floorMs: number): MiddlewareHandler<HttpEnv> {
  return async function evenAnswerTimeMiddleware(c, next) {
    if (c.req.method !== 'POST') return next();
    const started = performance.now();
    try {
      await next();
    } finally {
      const left = floorMs - (performance.now() - started);
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    }
  };
}

/** Above argon2 at OWASP's cost plus a few writes, with room for a busy machine. */
export const signUpAnswerFloorMs = 600;
/** Above a look-up, a token and a few writes, with room for a busy machine. */
export const resetRequestAnswerFloorMs = 250;
