import type { Context, Hono } from 'hono';
import { signIn } from '../../../app/sessions/sign-in.js';
import type { HttpEnv } from '../../env.js';
import { rememberedDeviceTokens } from '../../middleware/remembered-device-cookie.js';
import { setSessionCookie } from '../../middleware/session.js';
import { twoFactorSetupPath } from '../../middleware/two-factor-setup-gate.js';
import { emailField, maxPasswordLength } from '../shared/form-body.js';
import { type FormRequest, formRoute } from '../shared/form-kit.js';
import { emailProblem, type FormProblem, fieldProblem } from '../shared/form-problem.js';
import { pageContext, signedIn } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { nextParam, queryNext } from '../shared/safe-next.js';
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

  formRoute(app, '/sign-in', {
    guard: 'none',
    handle: submitSignIn,
    rerender: ({ c, form }, problem) => showForm(c, { email: emailField(form), problem }),
  });
}

/** The password step: a full session, or one that still owes its second factor. */
async function submitSignIn({ c, form, t }: FormRequest<'none'>) {
  const email = emailField(form);
  const password = form.password ?? '';
  const badEmail = emailProblem(t, email);
  if (badEmail) return badEmail;
  if (!password) return fieldProblem('password', t('form.passwordMissing'));
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
}
