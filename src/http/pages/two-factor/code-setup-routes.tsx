import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { addMethod, resendSetupCode } from '../../../app/two-factor/add-method.js';
import { confirmMethod } from '../../../app/two-factor/confirm-method.js';
import { sentCodeState } from '../../../app/two-factor/sent-code-state.js';
import type { HttpEnv } from '../../env.js';
import { type FormRequest, type FormRoute, formRoute } from '../shared/form-kit.js';
import type { FormProblem } from '../shared/form-problem.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { codeProblem } from './code-errors.js';
import { phoneCountries } from './code-send-answers.js';
import { CodeConfirmPage, EmailSetupPage, PhoneSetupPage, setupPath } from './code-setup-pages.js';
import { methodConfirmed } from './method-confirmed.js';
import { sudoOrRedirect } from './page-guards.js';
import { SetupExpiredPage } from './setup-pages.js';

type Form = Record<string, string | undefined>;
const phoneType = (c: Context<HttpEnv>) => (c.req.query('type') === 'voice' ? 'voice' : 'sms');

function showPhone(c: Context<HttpEnv>, form: Form, problem?: FormProblem) {
  const { countries, country } = phoneCountries(c, form.country);
  return renderPage(
    c,
    <PhoneSetupPage
      page={pageContext(c)}
      type={phoneType(c)}
      phone={(form.phone ?? '').slice(0, 32)}
      country={country}
      countries={countries}
      error={problem?.message}
    />,
    problem?.status ?? 200,
  );
}

async function showConfirm(
  c: Context<HttpEnv>,
  auth: Authenticated,
  messages: { error?: string; sendError?: string } = {},
  status: ContentfulStatusCode = 200,
) {
  // Only the user's own pending set-up, and only before it expires.
  const setup = await sentCodeState(c.get('deps'), auth, {
    methodId: c.req.param('id') ?? '',
    purpose: 'enroll',
    status: 'pending',
  });
  if (!setup) return setupExpired(c);
  return renderPage(
    c,
    <CodeConfirmPage
      page={pageContext(c)}
      methodId={setup.method.id}
      type={setup.type}
      sentTo={setup.sentTo}
      waitSeconds={setup.waitSeconds}
      {...messages}
    />,
    status,
  );
}

const setupExpired = (c: Context<HttpEnv>) => renderPage(c, <SetupExpiredPage page={pageContext(c)} />, 410);
const expiredAnswers = {
  not_found: ({ c }: FormRequest) => setupExpired(c),
  setup_expired: ({ c }: FormRequest) => setupExpired(c),
};

const codePath = (id: string) => `${setupPath}/${encodeURIComponent(id)}/code`;

function addRoutes(app: Hono<HttpEnv>): void {
  app.get(`${setupPath}/email`, (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    if (auth instanceof Response) return auth;
    return renderPage(c, <EmailSetupPage page={pageContext(c)} address={auth.user.email} />);
  });

  formRoute(app, `${setupPath}/email`, {
    guard: 'sudo',
    handle: async ({ c, form, auth }) => {
      const { id } = await addMethod(c.get('deps'), auth, {
        type: 'email',
        input: { address: (form.address ?? '').slice(0, 254) },
        context: c.get('requestContext'),
      });
      return c.redirect(codePath(id), 303);
    },
    problem: codeProblem,
    rerender: ({ c, form }, problem) => {
      const address = (form.address ?? '').slice(0, 254);
      const page = <EmailSetupPage page={pageContext(c)} address={address} error={problem.message} />;
      return renderPage(c, page, problem.status);
    },
  });

  app.get(`${setupPath}/phone`, (c) => {
    const auth = sudoOrRedirect(c, `${c.req.path}?type=${phoneType(c)}`);
    return auth instanceof Response ? auth : showPhone(c, {});
  });

  formRoute(app, `${setupPath}/phone`, {
    guard: 'sudo',
    back: (c) => `${c.req.path}?type=${phoneType(c)}`,
    handle: async ({ c, form, auth }) => {
      const { id } = await addMethod(c.get('deps'), auth, {
        type: phoneType(c),
        input: { phone: (form.phone ?? '').slice(0, 32), country: form.country?.slice(0, 2) },
        context: c.get('requestContext'),
      });
      return c.redirect(codePath(id), 303);
    },
    problem: codeProblem,
    rerender: ({ c, form }, problem) => showPhone(c, form, problem),
  });
}

/** The first code: a wrong one asks again, the right one turns the method on. */
const confirmCode: FormRoute<'sudo'> = {
  guard: 'sudo',
  handle: async ({ c, form, auth, t }) => {
    const code = (form.code ?? '').slice(0, 64);
    if (!code.trim()) return { message: t('code.missing'), field: null, status: 400 };
    const result = await confirmMethod(c.get('deps'), auth, {
      methodId: c.req.param('id') ?? '',
      code,
      context: c.get('requestContext'),
    });
    return methodConfirmed(c, auth, result);
  },
  on: expiredAnswers,
  problem: codeProblem,
  rerender: ({ c, auth }, problem) => showConfirm(c, auth, { error: problem.message }, problem.status),
};

function confirmRoutes(app: Hono<HttpEnv>): void {
  app.get(`${setupPath}/:id/code`, async (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    return auth instanceof Response ? auth : await showConfirm(c, auth);
  });

  formRoute(app, `${setupPath}/:id/code`, confirmCode);

  formRoute(app, `${setupPath}/:id/resend`, {
    guard: 'sudo',
    back: (c) => codePath(c.req.param('id') ?? ''),
    handle: async ({ c, auth }) => {
      const methodId = c.req.param('id') ?? '';
      await resendSetupCode(c.get('deps'), auth, { methodId, context: c.get('requestContext') });
      return c.redirect(codePath(methodId), 303);
    },
    on: expiredAnswers,
    problem: codeProblem,
    rerender: ({ c, auth }, problem) => showConfirm(c, auth, { sendError: problem.message }, problem.status),
  });
}

/** Setting up the e-mail, SMS and call methods: the address or number, then its first code. */
export function codeSetupRoutes(app: Hono<HttpEnv>): void {
  addRoutes(app);
  confirmRoutes(app);
}
