import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { addMethod, resendSetupCode } from '../../../app/two-factor/add-method.js';
import { confirmMethod } from '../../../app/two-factor/confirm-method.js';
import { sentCodeState } from '../../../app/two-factor/sent-code-state.js';
import { isDomainError } from '../../../core/errors.js';
import type { HttpEnv } from '../../env.js';
import { pageContext } from '../page-context.js';
import { renderPage } from '../render-page.js';
import { codeErrorMessage } from './code-errors.js';
import { codeErrorStatus, phoneCountries, setRetryAfter } from './code-send-answers.js';
import { CodeConfirmPage, EmailSetupPage, PhoneSetupPage, setupPath } from './code-setup-pages.js';
import { methodConfirmed } from './method-confirmed.js';
import { sudoForm, sudoOrRedirect } from './page-guards.js';
import { SetupExpiredPage } from './setup-pages.js';

type Form = Record<string, string | undefined>;
const phoneType = (c: Context<HttpEnv>) => (c.req.query('type') === 'voice' ? 'voice' : 'sms');

function showPhone(c: Context<HttpEnv>, form: Form, error?: unknown) {
  const { countries, country } = phoneCountries(c, form.country);
  const message = error === undefined ? undefined : (codeErrorMessage(c.get('t'), error) ?? undefined);
  return renderPage(
    c,
    <PhoneSetupPage
      page={pageContext(c)}
      type={phoneType(c)}
      phone={(form.phone ?? '').slice(0, 32)}
      country={country}
      countries={countries}
      error={message}
    />,
    error === undefined ? 200 : codeErrorStatus(error),
  );
}

async function showConfirm(
  c: Context<HttpEnv>,
  auth: Authenticated,
  messages: { error?: string; sendError?: string } = {},
  status: 200 | 400 | 429 = 200,
) {
  // Only the user's own pending set-up, and only before it expires.
  const setup = await sentCodeState(c.get('deps'), auth, {
    methodId: c.req.param('id') ?? '',
    purpose: 'enroll',
    status: 'pending',
  });
  if (!setup) return renderPage(c, <SetupExpiredPage page={pageContext(c)} />, 410);
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

const codePath = (id: string) => `${setupPath}/${encodeURIComponent(id)}/code`;

function addRoutes(app: Hono<HttpEnv>): void {
  app.get(`${setupPath}/email`, (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    if (auth instanceof Response) return auth;
    return renderPage(c, <EmailSetupPage page={pageContext(c)} address={auth.user.email} />);
  });

  app.post(`${setupPath}/email`, async (c) => {
    const checked = await sudoForm(c, c.req.path);
    if (checked instanceof Response) return checked;
    const address = (checked.form.address ?? '').slice(0, 254);
    try {
      const { id } = await addMethod(c.get('deps'), checked.auth, {
        type: 'email',
        input: { address },
        context: c.get('requestContext'),
      });
      return c.redirect(codePath(id), 303);
    } catch (error) {
      const message = codeErrorMessage(c.get('t'), error);
      if (message === null) throw error;
      const page = <EmailSetupPage page={pageContext(c)} address={address} error={message} />;
      return renderPage(c, page, codeErrorStatus(error));
    }
  });

  app.get(`${setupPath}/phone`, (c) => {
    const auth = sudoOrRedirect(c, `${c.req.path}?type=${phoneType(c)}`);
    return auth instanceof Response ? auth : showPhone(c, {});
  });

  app.post(`${setupPath}/phone`, async (c) => {
    const checked = await sudoForm(c, `${c.req.path}?type=${phoneType(c)}`);
    if (checked instanceof Response) return checked;
    const { form, auth } = checked;
    try {
      const { id } = await addMethod(c.get('deps'), auth, {
        type: phoneType(c),
        input: { phone: (form.phone ?? '').slice(0, 32), country: form.country?.slice(0, 2) },
        context: c.get('requestContext'),
      });
      return c.redirect(codePath(id), 303);
    } catch (error) {
      if (codeErrorMessage(c.get('t'), error) === null) throw error;
      return showPhone(c, form, error);
    }
  });
}

/** The first code: a wrong one asks again, the right one turns the method on. */
async function confirmCode(c: Context<HttpEnv>): Promise<Response> {
  const checked = await sudoForm(c, c.req.path);
  if (checked instanceof Response) return checked;
  const { form, auth } = checked;
  const t = c.get('t');
  const code = (form.code ?? '').slice(0, 64);
  if (!code.trim()) return showConfirm(c, auth, { error: t('code.missing') }, 400);
  try {
    const result = await confirmMethod(c.get('deps'), auth, {
      methodId: c.req.param('id') ?? '',
      code,
      context: c.get('requestContext'),
    });
    return methodConfirmed(c, auth, result);
  } catch (error) {
    if (isDomainError(error, 'not_found') || isDomainError(error, 'setup_expired'))
      return renderPage(c, <SetupExpiredPage page={pageContext(c)} />, 410);
    const message = codeErrorMessage(t, error);
    if (message === null) throw error;
    return showConfirm(c, auth, { error: message }, codeErrorStatus(error));
  }
}

function confirmRoutes(app: Hono<HttpEnv>): void {
  app.get(`${setupPath}/:id/code`, async (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    return auth instanceof Response ? auth : await showConfirm(c, auth);
  });

  app.post(`${setupPath}/:id/code`, confirmCode);

  app.post(`${setupPath}/:id/resend`, async (c) => {
    const back = codePath(c.req.param('id'));
    const checked = await sudoForm(c, back);
    if (checked instanceof Response) return checked;
    try {
      await resendSetupCode(c.get('deps'), checked.auth, {
        methodId: c.req.param('id'),
        context: c.get('requestContext'),
      });
      return c.redirect(back, 303);
    } catch (error) {
      if (isDomainError(error, 'not_found') || isDomainError(error, 'setup_expired'))
        return renderPage(c, <SetupExpiredPage page={pageContext(c)} />, 410);
      const message = codeErrorMessage(c.get('t'), error);
      if (message === null) throw error;
      setRetryAfter(c, error);
      return showConfirm(c, checked.auth, { sendError: message }, codeErrorStatus(error));
    }
  });
}

/** Seed 001's e-mail, SMS and call methods: the address or number, then its first code. */
export function codeSetupRoutes(app: Hono<HttpEnv>): void {
  addRoutes(app);
  confirmRoutes(app);
}
