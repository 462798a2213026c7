import type { Context, Hono } from 'hono';
import type { Authenticated } from '../../app/sessions/authenticate.js';
import {
  disableAccount,
  enableAccount,
  resetTwoFactorAsStaff,
  signUserOutEverywhere,
  userOverview,
} from '../../app/support/staff-actions.js';
import { findUserByEmailAsStaff } from '../../app/support/staff-lookups.js';
import { cancelResetAsStaff, shortenResetAsOperator } from '../../app/support/staff-reset-actions.js';
import { maxReasonLength } from '../../app/support/two-factor-reset.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import type { Translate } from '../../i18n/translate.js';
import type { HttpEnv } from '../env.js';
import { emailField } from '../pages/shared/form-body.js';
import { type FormRequest, type FormRoute, formRoute } from '../pages/shared/form-kit.js';
import { type FormProblem, fieldProblem, problemFrom } from '../pages/shared/form-problem.js';
import { pageContext } from '../pages/shared/page-context.js';
import { renderPage } from '../pages/shared/render-page.js';
import { nextParam } from '../pages/shared/safe-next.js';
import { consoleForbidden } from './console-forbidden.js';
import { ConsoleHomePage } from './console-home-page.js';
import { FindUserPage } from './find-user-page.js';
import { staffMember } from './staff-guard.js';
import { type UserNotice, UserPage, userNotices } from './user-page.js';

const userPath = (id: string) => `/console/users/${encodeURIComponent(id)}`;

async function showUser(
  c: Context<HttpEnv>,
  staff: Authenticated,
  id: string,
  resetProblem?: { message: string; reason: string },
) {
  const deps = c.get('deps');
  const overview = await userOverview(deps, id);
  const done = c.req.query('done');
  const notice = done && done in userNotices ? (done as UserNotice) : undefined;
  return renderPage(
    c,
    <UserPage
      page={pageContext(c)}
      staff={staff.user}
      overview={overview}
      resetDelayMs={deps.settings.twoFactorResetDelayMs}
      notice={resetProblem ? undefined : notice}
      resetProblem={resetProblem}
    />,
    resetProblem ? 400 : 200,
  );
}

/**
 * Runs one console action from its form: the token first, then the use case, which checks sudo
 * and whether this staff member may touch this account. Without a fresh password confirmation the
 * staff member confirms it and comes back to the user's page to click again.
 */
function consoleAction(
  work: (request: FormRequest<typeof staffMember>, userId: string) => Promise<UserNotice>,
): FormRoute<typeof staffMember> {
  const userId = (c: Context<HttpEnv>) => c.req.param('id') ?? '';
  return {
    guard: staffMember,
    back: (c) => userPath(userId(c)),
    handle: async (request) =>
      request.c.redirect(
        `${userPath(userId(request.c))}?done=${await work(request, userId(request.c))}`,
        303,
      ),
    on: {
      sudo_required: ({ c }) => c.redirect(`/confirm-password?next=${nextParam(userPath(userId(c)))}`, 303),
      forbidden: ({ c }) => consoleForbidden(c),
    },
    problem: resetProblem,
    rerender: ({ c, auth, form }, problem) =>
      showUser(c, auth, userId(c), {
        message: problem.message,
        reason: (form.reason ?? '').slice(0, maxReasonLength),
      }),
  };
}

/** What a refused 2FA reset shows next to its reason field: none given, one waiting, nothing to reset. */
function resetProblem(t: Translate, error: DomainError): FormProblem | null {
  if (isDomainError(error, 'invalid_input') && error.message === 'reason')
    return fieldProblem('reason', t('console.reset.reasonMissing'));
  if (isDomainError(error, 'invalid_input') && error.message === 'effectiveAt')
    return fieldProblem('hours', t('console.reset.hoursInvalid'));
  if (isDomainError(error, 'reset_pending') || isDomainError(error, 'nothing_to_reset'))
    return problemFrom(t, error);
  return null;
}

/** The console's pages about users: find one, look at them, act on their account. */
export function consoleUserRoutes(app: Hono<HttpEnv>): void {
  app.get('/console', (c) => {
    const staff = staffMember(c);
    return renderPage(c, <ConsoleHomePage page={pageContext(c)} role={staff.user.staffRole ?? 'support'} />);
  });

  app.get('/console/users', async (c) => {
    const staff = staffMember(c);
    const role = staff.user.staffRole ?? 'support';
    const email = emailField({ email: c.req.query('email') ?? '' });
    if (!email) return renderPage(c, <FindUserPage page={pageContext(c)} role={role} />);
    const user = await findUserByEmailAsStaff(c.get('deps'), staff, email);
    if (user) return c.redirect(userPath(user.id), 303);
    return renderPage(
      c,
      <FindUserPage
        page={pageContext(c)}
        role={role}
        email={email}
        problem={c.get('t')('console.users.notFound')}
      />,
      404,
    );
  });

  app.get('/console/users/:id', (c) => showUser(c, staffMember(c), c.req.param('id')));

  formRoute(
    app,
    '/console/users/:id/sign-out',
    consoleAction(async ({ c, auth: staff }, userId) => {
      await signUserOutEverywhere(c.get('deps'), staff, { userId, context: c.get('requestContext') });
      return 'signed-out';
    }),
  );

  formRoute(
    app,
    '/console/users/:id/disable',
    consoleAction(async ({ c, auth: staff }, userId) => {
      await disableAccount(c.get('deps'), staff, { userId, context: c.get('requestContext') });
      return 'disabled';
    }),
  );

  formRoute(
    app,
    '/console/users/:id/enable',
    consoleAction(async ({ c, auth: staff }, userId) => {
      await enableAccount(c.get('deps'), staff, { userId, context: c.get('requestContext') });
      return 'enabled';
    }),
  );

  formRoute(
    app,
    '/console/users/:id/cancel-reset',
    consoleAction(async ({ c, auth: staff }, userId) => {
      await cancelResetAsStaff(c.get('deps'), staff, { userId, context: c.get('requestContext') });
      return 'reset-cancelled';
    }),
  );

  formRoute(
    app,
    '/console/users/:id/shorten-reset',
    consoleAction(async ({ c, auth: staff, form }, userId) => {
      const hours = /^\d{1,4}$/.test(form.hours ?? '') ? Number(form.hours) : Number.NaN;
      if (Number.isNaN(hours)) throw new DomainError('invalid_input', 'effectiveAt');
      const reset = await shortenResetAsOperator(c.get('deps'), staff, {
        userId,
        hours,
        reason: (form.reason ?? '').slice(0, maxReasonLength + 1),
        context: c.get('requestContext'),
      });
      return reset.status === 'done' ? 'reset-done' : 'reset-shortened';
    }),
  );

  formRoute(
    app,
    '/console/users/:id/reset-2fa',
    consoleAction(async ({ c, auth: staff, form }, userId) => {
      const reset = await resetTwoFactorAsStaff(c.get('deps'), staff, {
        userId,
        reason: (form.reason ?? '').slice(0, maxReasonLength + 1),
        context: c.get('requestContext'),
      });
      return reset.status === 'done' ? 'reset-done' : 'reset-requested';
    }),
  );
}
