import type { Context, Hono } from 'hono';
import { changePassword } from '../../../app/accounts/change-password.js';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import type { HttpEnv } from '../../env.js';
import { setSessionCookie } from '../../middleware/session.js';
import { maxPasswordLength } from '../shared/form-body.js';
import { formRoute } from '../shared/form-kit.js';
import { type FormProblem, fieldProblem, newPasswordCodes, problemFrom } from '../shared/form-problem.js';
import { pageContext, signedIn, toSignIn } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { ChangePasswordPage } from './change-password-page.js';

const path = '/security/password';

function showForm(c: Context<HttpEnv>, auth: Authenticated, problem?: FormProblem) {
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

  formRoute(app, path, {
    guard: 'signedIn',
    handle: async ({ c, form, auth, t }) => {
      const currentPassword = form.currentPassword ?? '';
      const newPassword = form.newPassword ?? '';
      if (!currentPassword) return fieldProblem('currentPassword', t('form.passwordMissing'));
      if (newPassword.length > maxPasswordLength)
        return fieldProblem('newPassword', t('error.password_too_long'), 422);
      const { token } = await changePassword(c.get('deps'), auth, {
        currentPassword: currentPassword.slice(0, maxPasswordLength),
        newPassword,
        context: c.get('requestContext'),
      });
      setSessionCookie(c, token);
      return c.redirect('/security?changed=password', 303);
    },
    problem: (t, error) => problemFrom(t, error, fields),
    rerender: ({ c, auth }, problem) => showForm(c, auth, problem),
  });
}
