import type { Context, Hono } from 'hono';
import { recentActivity } from '../../../app/accounts/account-activity.js';
import { isEmailVerified } from '../../../app/accounts/verify-email.js';
import { effectivePolicyFor } from '../../../app/policy/effective-policy.js';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { listSessions, revokeOtherSessions, revokeSession } from '../../../app/sessions/manage-sessions.js';
import { ownTwoFactorSummary } from '../../../app/two-factor/own-two-factor.js';
import { rememberDeviceDays } from '../../../app/two-factor/remember-device-period.js';
import type { HttpEnv } from '../../env.js';
import { clearSessionCookie } from '../../middleware/session.js';
import { type FormRequest, type FormRoute, formRoute } from '../shared/form-kit.js';
import { pageContext, signedIn, toSignIn } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { rememberedDevicesFor } from './remembered-devices-routes.js';
import { type SecurityNotice, SecurityPage } from './security-page.js';

const activityLimit = 20;

const notices: Record<string, SecurityNotice> = {
  'changed=password': 'passwordChanged',
  'revoked=device': 'deviceSignedOut',
  'revoked=others': 'othersSignedOut',
  'revoked=gone': 'deviceGone',
  'notice=two-factor-on': 'twoFactorOn',
  'notice=codes-new': 'codesNew',
  'notice=method-added': 'methodAdded',
  'notice=method-removed': 'methodRemoved',
  'notice=two-factor-off': 'twoFactorOff',
  'notice=primary-changed': 'primaryChanged',
  'notice=renamed': 'renamed',
  'notice=destination-changed': 'destinationChanged',
  'notice=device-forgotten': 'deviceForgotten',
  'notice=devices-forgotten': 'devicesForgotten',
  'notice=device-already-forgotten': 'deviceAlreadyForgotten',
};

function noticeFrom(c: Context<HttpEnv>): SecurityNotice | undefined {
  const changed = c.req.query('changed');
  const revoked = c.req.query('revoked');
  const notice = c.req.query('notice');
  if (notice) return notices[`notice=${notice}`];
  return notices[changed ? `changed=${changed}` : `revoked=${revoked}`];
}

async function showSecurity(c: Context<HttpEnv>, auth: Authenticated) {
  const deps = c.get('deps');
  const [summary, sessions, events, remembered, rememberDays, policy, emailVerified] = await Promise.all([
    ownTwoFactorSummary(deps, auth),
    listSessions(deps, auth),
    recentActivity(deps, auth, activityLimit),
    rememberedDevicesFor(c, auth),
    rememberDeviceDays(deps, auth.user.id),
    effectivePolicyFor(deps, auth.user.id),
    isEmailVerified(deps, auth.user),
  ]);
  const resend = c.req.query('verification');
  return renderPage(
    c,
    <SecurityPage
      page={pageContext(c)}
      email={auth.user.email}
      summary={summary}
      sessions={sessions.filter((s) => s.state === 'signed_in')}
      currentSessionId={auth.session.id}
      events={events}
      remembered={
        remembered.devices.length > 0 || (summary.enabled && rememberDays > 0) ? remembered : undefined
      }
      notice={noticeFrom(c)}
      policy={policy}
      emailVerified={emailVerified}
      resend={resend === 'sent' || resend === 'wait' ? resend : undefined}
    />,
  );
}

/**
 * A device sign-out. Without a recent password confirmation the user is sent to confirm it and
 * comes back here to click again (sudo mode, ASVS 7.5.2).
 */
const deviceSignOut = (work: (request: FormRequest<'signedIn'>) => Promise<string>) =>
  ({
    guard: 'signedIn',
    back: () => '/security',
    handle: async (request) => request.c.redirect(await work(request), 303),
    on: {
      sudo_required: ({ c }) => c.redirect('/confirm-password?next=/security', 303),
      not_found: ({ c }) => c.redirect('/security?revoked=gone', 303),
    },
  }) satisfies FormRoute<'signedIn'>;

export function securityRoutes(app: Hono<HttpEnv>): void {
  app.get('/security', async (c) => {
    const auth = signedIn(c);
    return auth ? showSecurity(c, auth) : toSignIn(c, '/security');
  });

  formRoute(
    app,
    '/security/sessions/revoke-others',
    deviceSignOut(async ({ c, auth }) => {
      await revokeOtherSessions(c.get('deps'), auth, c.get('requestContext'));
      return '/security?revoked=others';
    }),
  );

  formRoute(
    app,
    '/security/sessions/:id/revoke',
    deviceSignOut(async ({ c, auth }) => {
      const sessionId = (c.req.param('id') ?? '').slice(0, 128);
      await revokeSession(c.get('deps'), auth, { sessionId, context: c.get('requestContext') });
      if (sessionId !== auth.session.id) return '/security?revoked=device';
      // Revoking this very session is signing out.
      clearSessionCookie(c);
      return '/sign-in?signed_out=1';
    }),
  );
}
