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
import type { HttpEnv } from '../env.js';
import { validCsrf } from '../middleware/csrf.js';
import { emailField, readForm } from '../pages/form-body.js';
import { problemFrom } from '../pages/form-problem.js';
import { csrfRefused } from '../pages/message-page.js';
import { pageContext } from '../pages/page-context.js';
import { renderPage } from '../pages/render-page.js';
import { nextParam } from '../pages/safe-next.js';
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
async function consoleAction(
  c: Context<HttpEnv>,
  work: (staff: Authenticated, id: string, form: Record<string, string>) => Promise<UserNotice>,
) {
  const id = c.req.param('id') ?? '';
  const form = await readForm(c);
  if (!validCsrf(c, form._csrf)) return csrfRefused(c, userPath(id));
  const staff = staffMember(c);
  try {
    const notice = await work(staff, id, form);
    return c.redirect(`${userPath(id)}?done=${notice}`, 303);
  } catch (error) {
    if (isDomainError(error, 'sudo_required')) {
      return c.redirect(`/confirm-password?next=${nextParam(userPath(id))}`, 303);
    }
    if (isDomainError(error, 'forbidden')) return consoleForbidden(c);
    if (isDomainError(error, 'invalid_input') && error.message === 'reason') {
      const reason = (form.reason ?? '').slice(0, maxReasonLength);
      return showUser(c, staff, id, { message: c.get('t')('console.reset.reasonMissing'), reason });
    }
    if (isDomainError(error, 'invalid_input') && error.message === 'effectiveAt') {
      const reason = (form.reason ?? '').slice(0, maxReasonLength);
      return showUser(c, staff, id, { message: c.get('t')('console.reset.hoursInvalid'), reason });
    }
    if (isDomainError(error, 'reset_pending') || isDomainError(error, 'nothing_to_reset')) {
      const reason = (form.reason ?? '').slice(0, maxReasonLength);
      return showUser(c, staff, id, { message: problemFrom(c.get('t'), error).message, reason });
    }
    throw error;
  }
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

  app.post('/console/users/:id/sign-out', (c) =>
    consoleAction(c, async (staff, userId) => {
      await signUserOutEverywhere(c.get('deps'), staff, { userId, context: c.get('requestContext') });
      return 'signed-out';
    }),
  );

  app.post('/console/users/:id/disable', (c) =>
    consoleAction(c, async (staff, userId) => {
      await disableAccount(c.get('deps'), staff, { userId, context: c.get('requestContext') });
      return 'disabled';
    }),
  );

  app.post('/console/users/:id/enable', (c) =>
    consoleAction(c, async (staff, userId) => {
      await enableAccount(c.get('deps'), staff, { userId, context: c.get('requestContext') });
      return 'enabled';
    }),
  );

  app.post('/console/users/:id/cancel-reset', (c) =>
    consoleAction(c, async (staff, userId) => {
      await cancelResetAsStaff(c.get('deps'), staff, { userId, context: c.get('requestContext') });
      return 'reset-cancelled';
    }),
  );

  app.post('/console/users/:id/shorten-reset', (c) =>
    consoleAction(c, async (staff, userId, form) => {
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

  app.post('/console/users/:id/reset-2fa', (c) =>
    consoleAction(c, async (staff, userId, form) => {
      const reset = await resetTwoFactorAsStaff(c.get('deps'), staff, {
        userId,
        reason: (form.reason ?? '').slice(0, maxReasonLength + 1),
        context: c.get('requestContext'),
      });
      return reset.status === 'done' ? 'reset-done' : 'reset-requested';
    }),
  );
}
