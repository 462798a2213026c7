import type { Context, Hono } from 'hono';
import { changePassword } from '../../app/accounts/change-password.js';
import type { Authenticated } from '../../app/sessions/authenticate.js';
import { isDomainError } from '../../core/errors.js';
import type { HttpEnv } from '../env.js';
import { validCsrf } from '../middleware/csrf.js';
import { setSessionCookie } from '../middleware/session.js';
import { ChangePasswordPage } from './change-password-page.js';
import { maxPasswordLength, readForm } from './form-body.js';
import { type FormProblem, fieldProblem, newPasswordCodes, problemFrom } from './form-problem.js';
import { csrfRefused } from './message-page.js';
import { pageContext, signedIn, toSignIn } from './page-context.js';
import { renderPage } from './render-page.js';

const path = '/security/password';

function showForm(c: Context<HttpEnv>, auth: Authenticated, problem?: FormProblem) {
  if (problem?.retryAfterSeconds) c.header('retry-after', String(problem.retryAfterSeconds));
  return renderPage(
    c,
    <ChangePasswordPage page={pageContext(c)} email={auth.user.email} problem={problem} />,
    problem?.status ?? 200,
  );
}

const fields = {
  wrong_password: 'currentPassword',
  ...Object.fromEntries(newPasswordCodes.map((code) => [code, 'newPassword'])),
};

export function changePasswordRoutes(app: Hono<HttpEnv>): void {
  app.get(path, (c) => {
    const auth = signedIn(c);
    return auth ? showForm(c, auth) : toSignIn(c, path);
  });

  app.post(path, async (c) => {
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c);
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, path);
    const t = c.get('t');
    const currentPassword = form.currentPassword ?? '';
    const newPassword = form.newPassword ?? '';
    if (!currentPassword)
      return showForm(c, auth, fieldProblem('currentPassword', t('form.passwordMissing')));
    if (newPassword.length > maxPasswordLength)
      return showForm(c, auth, fieldProblem('newPassword', t('error.password_too_long'), 422));
    try {
      const { token } = await changePassword(c.get('deps'), auth, {
        currentPassword: currentPassword.slice(0, maxPasswordLength),
        newPassword,
        context: c.get('requestContext'),
      });
      setSessionCookie(c, token);
      return c.redirect('/security?changed=password', 303);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return showForm(c, auth, problemFrom(t, error, fields));
    }
  });
}
