import type { Context, Hono } from 'hono';
import { requestPasswordReset, resetLinkState, resetPassword } from '../../../app/accounts/password-reset.js';
import type { HttpEnv } from '../../env.js';
import { emailField, maxPasswordLength } from '../shared/form-body.js';
import { type FormRequest, formRoute } from '../shared/form-kit.js';
import {
  emailProblem,
  type FormProblem,
  fieldProblem,
  newPasswordCodes,
  problemFrom,
} from '../shared/form-problem.js';
import { renderMessage } from '../shared/message-page.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { ForgotPasswordPage } from './forgot-password-page.js';
import { ResetPasswordPage } from './reset-password-page.js';

function showForgot(c: Context<HttpEnv>, email?: string, problem?: FormProblem) {
  return renderPage(
    c,
    <ForgotPasswordPage page={pageContext(c)} email={email} problem={problem} />,
    problem?.status ?? 200,
  );
}

/** The same page for every address, known or not (ASVS 6.3.8). */
function linkSent(c: Context<HttpEnv>) {
  return renderMessage(c, 200, (t) => ({
    title: t('forgot.sentTitle'),
    kind: 'success',
    message: t('forgot.sent'),
    detail: t('forgot.sentHint'),
    action: { href: '/sign-in', label: t('forgot.backToSignIn') },
  }));
}

function linkInvalid(c: Context<HttpEnv>) {
  return renderMessage(c, 400, (t) => ({
    title: t('reset.invalidTitle'),
    kind: 'error',
    message: t('error.reset_token_invalid'),
    detail: t('reset.invalidHint'),
    action: { href: '/forgot-password', label: t('reset.requestNew') },
  }));
}

// What our reset tokens look like (base64url); anything else is refused before the store is asked.
const tokenShape = /^[A-Za-z0-9_-]{20,128}$/;

/** The account a reset token opens, while it is unused and unexpired; nothing is spent. */
async function resetTarget(c: Context<HttpEnv>, token: unknown): Promise<{ email: string } | null> {
  if (typeof token !== 'string' || !tokenShape.test(token)) return null;
  return resetLinkState(c.get('deps'), token);
}

const passwordField = Object.fromEntries(newPasswordCodes.map((code) => [code, 'password']));

export function passwordResetRoutes(app: Hono<HttpEnv>): void {
  app.get('/forgot-password', (c) => (c.req.query('sent') === '1' ? linkSent(c) : showForgot(c)));

  formRoute(app, '/forgot-password', {
    guard: 'none',
    handle: async ({ c, form, t }) => {
      const email = emailField(form);
      const badEmail = emailProblem(t, email);
      if (badEmail) return badEmail;
      await requestPasswordReset(c.get('deps'), { email, context: c.get('requestContext') });
      return c.redirect('/forgot-password?sent=1', 303);
    },
    rerender: ({ c, form }, problem) => showForgot(c, emailField(form), problem),
  });

  app.get('/reset-password', async (c) => {
    const token = c.req.query('token');
    const user = await resetTarget(c, token);
    if (!user) return linkInvalid(c);
    return renderPage(c, <ResetPasswordPage page={pageContext(c)} token={token!} email={user.email} />);
  });

  formRoute(app, '/reset-password', {
    guard: 'none',
    // A refused form goes back to its own link while the token looks like one.
    back: (_c, form) => {
      const token = form.token ?? '';
      return tokenShape.test(token) ? `/reset-password?token=${token}` : '/forgot-password';
    },
    handle: submitReset,
    on: { reset_token_invalid: ({ c }) => linkInvalid(c) },
    problem: (t, error) => problemFrom(t, error, passwordField),
    rerender: showReset,
  });
}

/** Sets the new password from the link's token; re-checked here, spent once inside the use case. */
async function submitReset({ c, form, t }: FormRequest<'none'>) {
  if (!(await resetTarget(c, form.token))) return linkInvalid(c);
  const password = form.password ?? '';
  if (password.length > maxPasswordLength) return fieldProblem('password', t('error.password_too_long'), 422);
  await resetPassword(c.get('deps'), {
    token: form.token!,
    newPassword: password,
    context: c.get('requestContext'),
  });
  return c.redirect('/sign-in?reset=1', 303);
}

/** The reset form again; a link that died meanwhile says so instead. */
async function showReset({ c, form }: FormRequest<'none'>, problem: FormProblem) {
  const user = await resetTarget(c, form.token);
  if (!user) return linkInvalid(c);
  const token = form.token!;
  return renderPage(
    c,
    <ResetPasswordPage
      page={{ ...pageContext(c), path: `/reset-password?token=${token}` }}
      token={token}
      email={user.email}
      problem={problem}
    />,
    problem.status,
  );
}
