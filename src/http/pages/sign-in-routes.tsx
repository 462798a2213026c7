import type { Context, Hono } from 'hono';
import { signIn } from '../../app/sessions/sign-in.js';
import { isDomainError } from '../../core/errors.js';
import type { HttpEnv } from '../env.js';
import { validCsrf } from '../middleware/csrf.js';
import { rememberedDeviceTokens } from '../middleware/remembered-device-cookie.js';
import { setSessionCookie } from '../middleware/session.js';
import { twoFactorSetupPath } from '../middleware/two-factor-setup-gate.js';
import { emailField, maxPasswordLength, readForm } from './form-body.js';
import { emailProblem, type FormProblem, fieldProblem, problemFrom } from './form-problem.js';
import { csrfRefused } from './message-page.js';
import { pageContext, signedIn } from './page-context.js';
import { renderPage } from './render-page.js';
import { nextParam, queryNext } from './safe-next.js';
import { type SignInNotice, SignInPage } from './sign-in-page.js';

const defaultNext = '/security';

/** The `next` worth carrying along: a safe path other than the default. */
function carriedNext(c: Context<HttpEnv>): string | undefined {
  const next = queryNext(c, defaultNext);
  return next === defaultNext ? undefined : next;
}

function noticeFrom(c: Context<HttpEnv>): SignInNotice | undefined {
  if (c.req.query('created') === '1') return 'created';
  if (c.req.query('reset') === '1') return 'reset';
  if (c.req.query('signed_out') === '1') return 'signedOut';
  if (c.req.query('expired') === '1') return 'expired';
  return c.req.query('next') ? 'signInFirst' : undefined;
}

function showForm(c: Context<HttpEnv>, options: { email?: string; problem?: FormProblem } = {}) {
  const { problem } = options;
  if (problem?.retryAfterSeconds) c.header('retry-after', String(problem.retryAfterSeconds));
  const next = carriedNext(c);
  // The language switcher comes back to the safe form of this address, never to a foreign next.
  const path = next ? `/sign-in?next=${nextParam(next)}` : '/sign-in';
  return renderPage(
    c,
    <SignInPage
      page={{ ...pageContext(c), path }}
      email={options.email}
      next={next}
      notice={noticeFrom(c)}
      problem={problem}
      signupOpen={c.get('deps').settings.signupOpen}
    />,
    problem?.status ?? 200,
  );
}

export function signInRoutes(app: Hono<HttpEnv>): void {
  app.get('/sign-in', (c) => {
    if (signedIn(c)) return c.redirect(queryNext(c, defaultNext), 303);
    return showForm(c);
  });

  app.post('/sign-in', submitSignIn);
}

/** The password step: a full session, or one that still owes its second factor. */
async function submitSignIn(c: Context<HttpEnv>) {
  const form = await readForm(c);
  if (!validCsrf(c, form._csrf)) return csrfRefused(c);
  const t = c.get('t');
  const email = emailField(form);
  const password = form.password ?? '';
  const badEmail = emailProblem(t, email);
  if (badEmail) return showForm(c, { email, problem: badEmail });
  if (!password) return showForm(c, { email, problem: fieldProblem('password', t('form.passwordMissing')) });
  try {
    const result = await signIn(c.get('deps'), {
      email,
      password: password.slice(0, maxPasswordLength),
      context: c.get('requestContext'),
      previousToken: c.get('sessionToken'),
      rememberedDeviceTokens: rememberedDeviceTokens(c),
    });
    setSessionCookie(c, result.token);
    if (result.session.state === 'second_factor') {
      const next = carriedNext(c);
      return c.redirect(`/sign-in/second-factor${next ? `?next=${nextParam(next)}` : ''}`, 303);
    }
    if (result.session.state === 'two_factor_setup') return c.redirect(twoFactorSetupPath, 303);
    return c.redirect(queryNext(c, defaultNext), 303);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return showForm(c, { email, problem: problemFrom(t, error) });
  }
}
