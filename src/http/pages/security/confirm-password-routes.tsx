import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { confirmPassword } from '../../../app/sessions/confirm-password.js';
import type { HttpEnv } from '../../env.js';
import { setSessionCookie } from '../../middleware/session.js';
import { maxPasswordLength } from '../shared/form-body.js';
import { formRoute } from '../shared/form-kit.js';
import { type FormProblem, fieldProblem, problemFrom } from '../shared/form-problem.js';
import { pageContext, signedIn, toSignIn } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { nextParam, safeNext } from '../shared/safe-next.js';
import { ConfirmPasswordPage } from './confirm-password-page.js';

function showForm(c: Context<HttpEnv>, auth: Authenticated, problem?: FormProblem) {
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

  formRoute(app, '/confirm-password', {
    guard: 'signedIn',
    back: herePath,
    handle: async ({ c, form, auth, t }) => {
      const password = form.password ?? '';
      if (!password) return fieldProblem('password', t('form.passwordMissing'));
      const { token } = await confirmPassword(c.get('deps'), auth, {
        password: password.slice(0, maxPasswordLength),
        context: c.get('requestContext'),
      });
      setSessionCookie(c, token);
      return c.redirect(safeNext(c.req.query('next')), 303);
    },
    problem: (t, error) => problemFrom(t, error, { wrong_password: 'password' }),
    rerender: ({ c, auth }, problem) => showForm(c, auth, problem),
  });
}
