import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import {
  confirmDestinationChange,
  type NewDestination,
  ownCodeMethod,
  startDestinationChange,
} from '../../../app/two-factor/change-destination.js';
import { resendDestinationChangeCode } from '../../../app/two-factor/resend-change-code.js';
import { sentCodeState } from '../../../app/two-factor/sent-code-state.js';
import { isDomainError } from '../../../core/errors.js';
import type { Translate } from '../../../i18n/translate.js';
import type { HttpEnv } from '../../env.js';
import { type FormRequest, formRoute } from '../shared/form-kit.js';
import type { FormProblem } from '../shared/form-problem.js';
import { pageContext } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { ChangeCodePage, ChangeDestinationPage, changePath } from './change-destination-pages.js';
import { codeProblem } from './code-errors.js';
import { maskDestination, phoneCountries } from './code-send-answers.js';
import { sudoOrRedirect } from './page-guards.js';

type Form = Record<string, string | undefined>;
type CodeMethodType = 'email' | 'sms' | 'voice';
const base = '/security/two-factor/methods/:id/change';

/** What a failed send shows; a destination already in use reads "codes already go there". */
function sendProblem(t: Translate, error: unknown): FormProblem | null {
  if (isDomainError(error, 'conflict')) return { message: t('change.same'), field: null, status: 400 };
  return codeProblem(t, error);
}

/** This user's e-mail, SMS or voice method named in the path, or null (another's looks the same). */
async function method(c: Context<HttpEnv>, auth: Authenticated) {
  try {
    return (await ownCodeMethod(c.get('deps'), auth, c.req.param('id') ?? '')).method;
  } catch (error) {
    if (isDomainError(error, 'not_found')) return null;
    throw error;
  }
}

async function showForm(c: Context<HttpEnv>, auth: Authenticated, form: Form = {}, problem?: FormProblem) {
  const found = await method(c, auth);
  if (!found) return c.redirect('/security', 303);
  const { countries, country } = phoneCountries(c, form.country);
  const email = found.type === 'email';
  return renderPage(
    c,
    <ChangeDestinationPage
      page={pageContext(c)}
      methodId={found.id}
      type={found.type as CodeMethodType}
      current={maskDestination(found.type, found.destination)}
      value={((email ? form.address : form.phone) ?? '').slice(0, email ? 254 : 32)}
      country={country}
      countries={countries}
      error={problem?.message}
    />,
    problem?.status ?? 200,
  );
}

/** The live change code of this session: where it went, and when another may be sent. */
async function pendingChange(c: Context<HttpEnv>, auth: Authenticated) {
  const state = await sentCodeState(c.get('deps'), auth, {
    methodId: c.req.param('id') ?? '',
    purpose: 'change',
    status: 'active',
  });
  if (!state) return null;
  const change = state.liveCode && { sentTo: state.liveCode.sentTo, waitSeconds: state.waitSeconds };
  return { method: state.method, change };
}

async function showCode(
  c: Context<HttpEnv>,
  auth: Authenticated,
  messages: { error?: string; sendError?: string } = {},
  status: ContentfulStatusCode = 200,
) {
  const pending = await pendingChange(c, auth);
  if (!pending) return c.redirect('/security', 303);
  if (!pending.change) return c.redirect(changePath(pending.method.id), 303);
  return renderPage(
    c,
    <ChangeCodePage
      page={pageContext(c)}
      methodId={pending.method.id}
      type={pending.method.type as CodeMethodType}
      sentTo={pending.change.sentTo}
      waitSeconds={pending.change.waitSeconds}
      {...messages}
    />,
    status,
  );
}

const destinationFrom = (form: Form): NewDestination =>
  form.address !== undefined
    ? { address: form.address.slice(0, 254) }
    : { phone: (form.phone ?? '').slice(0, 32), country: form.country?.slice(0, 2) };

const toSecurity = ({ c }: FormRequest) => c.redirect('/security', 303);

/** "Change" on the security page: a new address or number, then the code sent to it (T-CODE-5). */
export function changeDestinationRoutes(app: Hono<HttpEnv>): void {
  app.get(base, async (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    return auth instanceof Response ? auth : await showForm(c, auth);
  });

  formRoute(app, base, {
    guard: 'sudo',
    handle: async ({ c, form, auth }) => {
      await startDestinationChange(c.get('deps'), auth, {
        methodId: c.req.param('id') ?? '',
        ...destinationFrom(form),
        context: c.get('requestContext'),
      });
      return c.redirect(`${changePath(c.req.param('id') ?? '')}/code`, 303);
    },
    on: { not_found: toSecurity },
    problem: sendProblem,
    rerender: ({ c, auth, form }, problem) => showForm(c, auth, form, problem),
  });

  app.get(`${base}/code`, async (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    return auth instanceof Response ? auth : await showCode(c, auth);
  });

  formRoute(app, `${base}/code`, {
    guard: 'sudo',
    handle: async ({ c, form, auth, t }) => {
      const code = (form.code ?? '').slice(0, 64);
      if (!code.trim()) return { message: t('code.missing'), field: null, status: 400 };
      await confirmDestinationChange(c.get('deps'), auth, {
        methodId: c.req.param('id') ?? '',
        code: code.replace(/\s/g, ''),
        context: c.get('requestContext'),
      });
      return c.redirect('/security?notice=destination-changed', 303);
    },
    on: { not_found: toSecurity },
    problem: codeProblem,
    rerender: ({ c, auth }, problem) => showCode(c, auth, { error: problem.message }, problem.status),
  });

  formRoute(app, `${base}/resend`, {
    guard: 'sudo',
    back: (c) => `${changePath(c.req.param('id') ?? '')}/code`,
    handle: async ({ c, auth }) => {
      const pending = await pendingChange(c, auth);
      if (!pending) return c.redirect('/security', 303);
      if (!pending.change) return c.redirect(changePath(pending.method.id), 303);
      await resendDestinationChangeCode(c.get('deps'), auth, {
        methodId: pending.method.id,
        context: c.get('requestContext'),
      });
      return c.redirect(`${changePath(pending.method.id)}/code`, 303);
    },
    // The code died in between (spent, or its tries used up): start the change again.
    on: { not_found: ({ c }) => c.redirect(changePath(c.req.param('id') ?? ''), 303) },
    problem: sendProblem,
    rerender: ({ c, auth }, problem) => showCode(c, auth, { sendError: problem.message }, problem.status),
  });
}
