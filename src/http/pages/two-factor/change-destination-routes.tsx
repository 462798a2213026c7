import type { Context, Hono } from 'hono';
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
import type { HttpEnv } from '../../env.js';
import { pageContext } from '../page-context.js';
import { renderPage } from '../render-page.js';
import { ChangeCodePage, ChangeDestinationPage, changePath } from './change-destination-pages.js';
import { codeErrorMessage } from './code-errors.js';
import { codeErrorStatus, maskDestination, phoneCountries, setRetryAfter } from './code-send-answers.js';
import { sudoForm, sudoOrRedirect } from './page-guards.js';

type Form = Record<string, string | undefined>;
type CodeMethodType = 'email' | 'sms' | 'voice';
const base = '/security/two-factor/methods/:id/change';

/** The user's words for a failed send; a destination already in use reads "codes already go there". */
function sendErrorMessage(c: Context<HttpEnv>, error: unknown): string | null {
  const t = c.get('t');
  if (isDomainError(error, 'conflict')) return t('change.same');
  return codeErrorMessage(t, error);
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

async function showForm(c: Context<HttpEnv>, auth: Authenticated, form: Form = {}, error?: unknown) {
  const found = await method(c, auth);
  if (!found) return c.redirect('/security', 303);
  const { countries, country } = phoneCountries(c, form.country);
  const message = error === undefined ? undefined : (sendErrorMessage(c, error) ?? undefined);
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
      error={message}
    />,
    error === undefined ? 200 : codeErrorStatus(error),
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
  status: 200 | 400 | 429 = 200,
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

/** "Change" on the security page: a new address or number, then the code sent to it (a29). */
export function changeDestinationRoutes(app: Hono<HttpEnv>): void {
  app.get(base, async (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    return auth instanceof Response ? auth : await showForm(c, auth);
  });

  app.post(base, async (c) => {
    const checked = await sudoForm(c, c.req.path);
    if (checked instanceof Response) return checked;
    const { form, auth } = checked;
    try {
      await startDestinationChange(c.get('deps'), auth, {
        methodId: c.req.param('id'),
        ...destinationFrom(form),
        context: c.get('requestContext'),
      });
      return c.redirect(`${changePath(c.req.param('id'))}/code`, 303);
    } catch (error) {
      if (isDomainError(error, 'not_found')) return c.redirect('/security', 303);
      if (sendErrorMessage(c, error) === null) throw error;
      setRetryAfter(c, error);
      return showForm(c, auth, form, error);
    }
  });

  app.get(`${base}/code`, async (c) => {
    const auth = sudoOrRedirect(c, c.req.path);
    return auth instanceof Response ? auth : await showCode(c, auth);
  });

  app.post(`${base}/code`, async (c) => {
    const checked = await sudoForm(c, c.req.path);
    if (checked instanceof Response) return checked;
    const { form, auth } = checked;
    const t = c.get('t');
    const code = (form.code ?? '').slice(0, 64);
    if (!code.trim()) return showCode(c, auth, { error: t('code.missing') }, 400);
    try {
      await confirmDestinationChange(c.get('deps'), auth, {
        methodId: c.req.param('id'),
        code: code.replace(/\s/g, ''),
        context: c.get('requestContext'),
      });
      return c.redirect('/security?notice=destination-changed', 303);
    } catch (error) {
      if (isDomainError(error, 'not_found')) return c.redirect('/security', 303);
      const message = codeErrorMessage(t, error);
      if (message === null) throw error;
      return showCode(c, auth, { error: message }, codeErrorStatus(error));
    }
  });

  app.post(`${base}/resend`, async (c) => {
    const back = `${changePath(c.req.param('id'))}/code`;
    const checked = await sudoForm(c, back);
    if (checked instanceof Response) return checked;
    const { auth } = checked;
    const pending = await pendingChange(c, auth);
    if (!pending) return c.redirect('/security', 303);
    if (!pending.change) return c.redirect(changePath(pending.method.id), 303);
    try {
      await resendDestinationChangeCode(c.get('deps'), auth, {
        methodId: pending.method.id,
        context: c.get('requestContext'),
      });
      return c.redirect(back, 303);
    } catch (error) {
      // The code died in between (spent, or its tries used up): start the change again.
      if (isDomainError(error, 'not_found')) return c.redirect(changePath(pending.method.id), 303);
      const message = sendErrorMessage(c, error);
      if (message === null) throw error;
      setRetryAfter(c, error);
      return showCode(c, auth, { sendError: message }, codeErrorStatus(error));
    }
  });
}
