import type { Context, Hono } from 'hono';
import { createAccount } from '../../../app/accounts/create-account.js';
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
import { pageContext, signedIn } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { SignUpPage } from './sign-up-page.js';

function showForm(c: Context<HttpEnv>, options: { email?: string; problem?: FormProblem } = {}) {
  const { problem } = options;
  return renderPage(
    c,
    <SignUpPage page={pageContext(c)} email={options.email} problem={problem} />,
    problem?.status ?? 200,
  );
}

function signupClosed(c: Context<HttpEnv>) {
  return renderMessage(c, 403, (t) => ({
    title: t('signUp.closedTitle'),
    kind: 'info',
    message: t('error.signup_closed'),
    action: { href: '/sign-in', label: t('signUp.signIn') },
  }));
}

const passwordField = Object.fromEntries(newPasswordCodes.map((code) => [code, 'password']));

export function signUpRoutes(app: Hono<HttpEnv>): void {
  app.get('/sign-up', (c) => {
    if (!c.get('deps').settings.signupOpen) return signupClosed(c);
    if (signedIn(c)) return c.redirect('/security', 303);
    return showForm(c);
  });

  formRoute(app, '/sign-up', {
    guard: 'none',
    handle: submitSignUp,
    on: { signup_closed: ({ c }) => signupClosed(c) },
    problem: (t, error) => problemFrom(t, error, passwordField),
    rerender: ({ c, form }, problem) => showForm(c, { email: emailField(form), problem }),
  });
}

/** Creates the account and sends the visitor to sign in, whether the address was new or not. */
async function submitSignUp({ c, form, t }: FormRequest<'none'>) {
  if (!c.get('deps').settings.signupOpen) return signupClosed(c);
  const email = emailField(form);
  const password = form.password ?? '';
  const badEmail = emailProblem(t, email);
  if (badEmail) return badEmail;
  if (password.length > maxPasswordLength) return fieldProblem('password', t('error.password_too_long'), 422);
  await createAccount(c.get('deps'), { email, password, context: c.get('requestContext') });
  // The same answer whether the address was new or not (ASVS 6.3.8): the owner gets an e-mail.
  return c.redirect('/sign-in?created=1', 303);
}
