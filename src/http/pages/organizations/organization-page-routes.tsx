import type { Context, Hono } from 'hono';
import {
  acceptInvitation,
  isInvitee,
  previewInvitation,
} from '../../../app/organizations/accept-invitation.js';
import { createOrganization } from '../../../app/organizations/create-organization.js';
import { inviteMember } from '../../../app/organizations/invite-member.js';
import { changeMemberRole, managedMember, removeMember } from '../../../app/organizations/manage-members.js';
import { ownMemberships, viewOrganization } from '../../../app/organizations/view-organization.js';
import type { Authenticated } from '../../../app/sessions/authenticate.js';
import { isPlausibleEmail } from '../../../core/accounts/email.js';
import { DomainError, isDomainError } from '../../../core/errors.js';
import { type OrganizationRole, organizationRoles } from '../../../core/organizations/roles.js';
import type { HttpEnv } from '../../env.js';
import { validCsrf } from '../../middleware/csrf.js';
import { readForm } from '../form-body.js';
import { csrfRefused, renderMessage } from '../message-page.js';
import { pageContext, signedIn, toSignIn } from '../page-context.js';
import { organizationPolicyForm } from '../policy/organization-policy-routes.js';
import { renderPage } from '../render-page.js';
import { nextParam } from '../safe-next.js';
import { InvitationPage } from './invitation-page.js';
import { type OrganizationNotice, OrganizationPage, organizationNotices } from './organization-page.js';
import { OrganizationsPage } from './organizations-page.js';
import { RemoveMemberPage } from './remove-member-page.js';

const orgPath = (id: string) => `/organizations/${encodeURIComponent(id)}`;

/** An invitee whose address is unproved: the invitation waits, and the way to the link is shown. */
function unverifiedInvitee(c: Context<HttpEnv>) {
  return renderMessage(c, 403, (t) => ({
    title: t('verifyEmail.notice.title'),
    kind: 'info',
    message: t('error.email_unverified'),
    action: { href: '/security', label: t('verifyEmail.toSecurity') },
  }));
}

const asRole = (value: string | undefined): OrganizationRole | null =>
  organizationRoles.find((r) => r === value) ?? null;

function noticeFrom(c: Context<HttpEnv>): OrganizationNotice | undefined {
  const notice = c.req.query('notice');
  return notice && notice in organizationNotices ? (notice as OrganizationNotice) : undefined;
}

/**
 * The invitation behind a token, for whoever is signed in. After a refused accept (`refused`) the
 * page answers 403 and offers no "join" button; an unknown token is a 400 either way.
 */
async function showInvitation(
  c: Context<HttpEnv>,
  token: string,
  auth: Authenticated | null,
  { refused = false } = {},
) {
  const invitation = await previewInvitation(c.get('deps'), token);
  const invitee = !refused && Boolean(invitation && auth && isInvitee(invitation, auth.user.email));
  return renderPage(
    c,
    <InvitationPage
      page={pageContext(c)}
      token={token}
      invitation={invitation}
      current={auth?.user.email ?? null}
      isInvitee={invitee}
    />,
    invitation ? (refused ? 403 : 200) : 400,
  );
}

/** Outside the organization, or no such id: the same 404 page, so ids cannot be probed. */
function notFound(c: Context<HttpEnv>) {
  return renderMessage(c, 404, (t) => ({
    title: t('org.notFound'),
    kind: 'error',
    message: t('error.not_found'),
    action: { href: '/organizations', label: t('org.back') },
  }));
}

function forbidden(c: Context<HttpEnv>, back: string) {
  return renderMessage(c, 403, (t) => ({
    title: t('orgs.title'),
    kind: 'error',
    message: t('error.forbidden'),
    action: { href: back, label: t('org.back') },
  }));
}

async function showOrganization(
  c: Context<HttpEnv>,
  auth: Authenticated,
  id: string,
  extra: {
    invite?: { email: string; role: string; error?: string };
    status?: 200 | 400 | 403 | 422 | 429;
  } = {},
) {
  try {
    const view = await viewOrganization(c.get('deps'), auth, id);
    return renderPage(
      c,
      <OrganizationPage
        page={pageContext(c)}
        view={view}
        selfId={auth.user.id}
        notice={noticeFrom(c)}
        invite={extra.invite}
        policy={await organizationPolicyForm(c, id)}
      />,
      extra.status ?? 200,
    );
  } catch (error) {
    if (isDomainError(error, 'not_found')) return notFound(c);
    throw error;
  }
}

/**
 * A change to an organization from a page form: CSRF first, then sign-in, then the use case. The
 * use case decides 404 (not a member) and 403 (role too low); without sudo the user confirms the
 * password and comes back to click again.
 */
async function memberChange(
  c: Context<HttpEnv>,
  work: (auth: Authenticated, form: Record<string, string>) => Promise<OrganizationNotice>,
) {
  const id = c.req.param('id') ?? '';
  const back = orgPath(id);
  const form = await readForm(c);
  if (!validCsrf(c, form._csrf)) return csrfRefused(c, back);
  const auth = signedIn(c);
  if (!auth) return toSignIn(c, back);
  try {
    return c.redirect(`${back}?notice=${await work(auth, form)}`, 303);
  } catch (error) {
    if (isDomainError(error, 'sudo_required'))
      return c.redirect(`/confirm-password?next=${nextParam(back)}`, 303);
    if (isDomainError(error, 'not_found')) return notFound(c);
    if (isDomainError(error, 'forbidden')) return forbidden(c, back);
    if (isDomainError(error, 'last_owner')) return c.redirect(`${back}?notice=last-owner`, 303);
    if (isDomainError(error, 'invalid_input')) return c.redirect(back, 303);
    throw error;
  }
}

export function organizationPageRoutes(app: Hono<HttpEnv>): void {
  app.get('/organizations', async (c) => {
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, '/organizations');
    const memberships = await ownMemberships(c.get('deps'), auth);
    return renderPage(c, <OrganizationsPage page={pageContext(c)} memberships={memberships} />);
  });

  app.post('/organizations', async (c) => {
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c, '/organizations');
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, '/organizations');
    const deps = c.get('deps');
    const name = form.name ?? '';
    try {
      const organization = await createOrganization(deps, {
        name,
        owner: auth.user,
        context: c.get('requestContext'),
      });
      return c.redirect(`${orgPath(organization.id)}?notice=created`, 303);
    } catch (error) {
      if (!isDomainError(error, 'invalid_input') && !isDomainError(error, 'rate_limited')) throw error;
      const t = c.get('t');
      const message = isDomainError(error, 'rate_limited')
        ? t('error.rate_limited', { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) })
        : t('orgs.create.invalid');
      const memberships = await ownMemberships(deps, auth);
      return renderPage(
        c,
        <OrganizationsPage
          page={pageContext(c)}
          memberships={memberships}
          nameValue={name}
          nameError={message}
        />,
        isDomainError(error, 'rate_limited') ? 429 : 422,
      );
    }
  });

  app.get('/organizations/:id', async (c) => {
    const id = c.req.param('id');
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, orgPath(id));
    return showOrganization(c, auth, id);
  });

  app.post('/organizations/:id/invitations', async (c) => {
    const id = c.req.param('id');
    const form = await readForm(c);
    if (!validCsrf(c, form._csrf)) return csrfRefused(c, orgPath(id));
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, orgPath(id));
    const t = c.get('t');
    const email = (form.email ?? '').trim();
    const role = asRole(form.role) ?? 'member';
    const again = (error: string, status: 400 | 403 | 422 | 429) =>
      showOrganization(c, auth, id, { invite: { email, role, error }, status });
    if (!isPlausibleEmail(email)) {
      // Shown through showOrganization, so an outsider still gets the same 404 as for any other form.
      return again(email ? t('form.emailInvalid') : t('form.emailMissing'), 422);
    }
    try {
      await inviteMember(c.get('deps'), auth, {
        organizationId: id,
        email,
        role,
        context: c.get('requestContext'),
      });
      return c.redirect(`${orgPath(id)}?notice=invited`, 303);
    } catch (error) {
      if (isDomainError(error, 'sudo_required'))
        return c.redirect(`/confirm-password?next=${nextParam(orgPath(id))}`, 303);
      if (isDomainError(error, 'not_found')) return notFound(c);
      if (isDomainError(error, 'forbidden')) return forbidden(c, orgPath(id));
      if (isDomainError(error, 'conflict')) return c.redirect(`${orgPath(id)}?notice=already-member`, 303);
      if (isDomainError(error, 'invalid_input')) return again(t('form.emailInvalid'), 422);
      if (isDomainError(error, 'email_unverified')) return again(t('error.email_unverified'), 403);
      if (isDomainError(error, 'rate_limited'))
        return again(
          t('error.rate_limited', { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) }),
          429,
        );
      throw error;
    }
  });

  app.post('/organizations/:id/members/:userId/role', (c) =>
    memberChange(c, async (auth, form) => {
      const role = asRole(form.role);
      if (!role) throw new DomainError('invalid_input');
      await changeMemberRole(c.get('deps'), auth, {
        organizationId: c.req.param('id'),
        userId: c.req.param('userId'),
        role,
        context: c.get('requestContext'),
      });
      return 'role-changed';
    }),
  );

  app.get('/organizations/:id/members/:userId/remove', async (c) => {
    const id = c.req.param('id');
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, orgPath(id));
    try {
      const { organization, member } = await managedMember(c.get('deps'), auth, {
        organizationId: id,
        userId: c.req.param('userId'),
      });
      return renderPage(
        c,
        <RemoveMemberPage page={pageContext(c)} organization={organization} member={member} />,
      );
    } catch (error) {
      if (isDomainError(error, 'not_found')) return notFound(c);
      if (isDomainError(error, 'forbidden')) return forbidden(c, orgPath(id));
      throw error;
    }
  });

  app.post('/organizations/:id/members/:userId/remove', (c) =>
    memberChange(c, async (auth) => {
      await removeMember(c.get('deps'), auth, {
        organizationId: c.req.param('id'),
        userId: c.req.param('userId'),
        context: c.get('requestContext'),
      });
      return 'removed';
    }),
  );

  // The token rides in the query, never the path: request logs record paths, not queries.
  app.get('/invitation', async (c) => {
    return showInvitation(c, c.req.query('token') ?? '', signedIn(c));
  });

  app.post('/invitation', async (c) => {
    const form = await readForm(c);
    const token = form.token ?? '';
    const here = `/invitation?token=${encodeURIComponent(token)}`;
    if (!validCsrf(c, form._csrf)) return csrfRefused(c, here);
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, here);
    try {
      const joined = await acceptInvitation(c.get('deps'), auth, { token, context: c.get('requestContext') });
      return c.redirect(`${orgPath(joined.organizationId)}?notice=joined`, 303);
    } catch (error) {
      // Used, expired, unknown or for another address: the page explains which, and nothing changed.
      if (isDomainError(error, 'invitation_invalid') || isDomainError(error, 'forbidden')) {
        return showInvitation(c, token, auth, { refused: true });
      }
      if (isDomainError(error, 'email_unverified')) return unverifiedInvitee(c);
      throw error;
    }
  });
}
