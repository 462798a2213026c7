import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../app/sessions/authenticate.js';
import { confirmPassword } from '../../app/sessions/confirm-password.js';
import { isDomainError } from '../../core/errors.js';
import type { HttpEnv } from '../env.js';
import { validCsrf } from '../middleware/csrf.js';
import { setSessionCookie } from '../middleware/session.js';
import { ConfirmPasswordPage } from './confirm-password-page.js';
import { maxPasswordLength, readForm } from './form-body.js';
import { type FormProblem, fieldProblem, problemFrom } from './form-problem.js';
import { csrfRefused } from './message-page.js';
import { pageContext, signedIn, toSignIn } from './page-context.js';
import { renderPage } from './render-page.js';
import { nextParam, safeNext } from './safe-next.js';

function showForm(c: Context<HttpEnv>, auth: Authenticated, problem?: FormProblem) {
  if (problem?.retryAfterSeconds) c.header('retry-after', String(problem.retryAfterSeconds));
  return renderPage(
    c,
    <ConfirmPasswordPage
      page={{ ...pageContext(c), path: herePath(c) }}
      email={auth.user.email}
      next={safeNext(c.req.query('next'))}
      problem={problem}
    />,
    problem?.status ?? 200,
  );
}

/** This page's address with its `next` made safe: the only form of it we ever link to. */
const herePath = (c: Context<HttpEnv>) =>
  `/confirm-password?next=${nextParam(safeNext(c.req.query('next')))}`;

export function confirmPasswordRoutes(app: Hono<HttpEnv>): void {
  app.get('/confirm-password', (c) => {
    const auth = signedIn(c);
    return auth ? showForm(c, auth) : toSignIn(c, herePath(c));
  });

  app.post('/confirm-password', async (c) => {
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c);
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, herePath(c));
    const password = form.password ?? '';
    if (!password) return showForm(c, auth, fieldProblem('password', c.get('t')('form.passwordMissing')));
    try {
      const { token } = await confirmPassword(c.get('deps'), auth, {
        password: password.slice(0, maxPasswordLength),
        context: c.get('requestContext'),
      });
      setSessionCookie(c, token);
      return c.redirect(safeNext(c.req.query('next')), 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return showForm(c, auth, problemFrom(c.get('t'), error, { wrong_password: 'password' }));
    }
  });
}
