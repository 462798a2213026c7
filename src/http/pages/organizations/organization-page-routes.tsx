import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
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
import type { Translate } from '../../../i18n/translate.js';
import type { HttpEnv } from '../../env.js';
import { organizationPolicyForm } from '../policy/organization-policy-routes.js';
import { type FormRequest, type FormRoute, formRoute, problemsFor } from '../shared/form-kit.js';
import { type FormProblem, fieldProblem, problemFrom } from '../shared/form-problem.js';
import { renderMessage } from '../shared/message-page.js';
import { pageContext, signedIn, toSignIn } from '../shared/page-context.js';
import { renderPage } from '../shared/render-page.js';
import { nextParam } from '../shared/safe-next.js';
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
  extra: { invite?: { email: string; role: string; error?: string }; status?: ContentfulStatusCode } = {},
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
 * What the use cases of an organization's forms may refuse: 404 (not a member) and 403 (role too
 * low); without sudo the user confirms the password and comes back to click again.
 */
const memberRefusals: FormRoute<'signedIn'>['on'] = {
  sudo_required: ({ c }) => c.redirect(`/confirm-password?next=${nextParam(orgBack(c))}`, 303),
  not_found: ({ c }) => notFound(c),
  forbidden: ({ c }) => forbidden(c, orgBack(c)),
};

const orgBack = (c: Context<HttpEnv>) => orgPath(c.req.param('id') ?? '');

/** A change to an organization's members from a page form, then back to its page with a notice. */
const memberChange = (work: (request: FormRequest<'signedIn'>) => Promise<OrganizationNotice>) =>
  ({
    guard: 'signedIn',
    back: orgBack,
    handle: async (request) => request.c.redirect(`${orgBack(request.c)}?notice=${await work(request)}`, 303),
    on: {
      ...memberRefusals,
      last_owner: ({ c }) => c.redirect(`${orgBack(c)}?notice=last-owner`, 303),
      invalid_input: ({ c }) => c.redirect(orgBack(c), 303),
    },
  }) satisfies FormRoute<'signedIn'>;

/** A new organization's name that was refused: too long, empty, or too many made at once. */
function nameProblem(t: Translate, error: DomainError): FormProblem | null {
  if (isDomainError(error, 'rate_limited')) return problemFrom(t, error);
  if (isDomainError(error, 'invalid_input'))
    return { message: t('orgs.create.invalid'), field: 'name', status: 422 };
  return null;
}

/** The invitee's address as typed, and the role it was for. */
const inviteFields = (form: Record<string, string>) => ({
  email: (form.email ?? '').trim(),
  role: asRole(form.role) ?? 'member',
});

export function organizationPageRoutes(app: Hono<HttpEnv>): void {
  app.get('/organizations', async (c) => {
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, '/organizations');
    const memberships = await ownMemberships(c.get('deps'), auth);
    return renderPage(c, <OrganizationsPage page={pageContext(c)} memberships={memberships} />);
  });

  formRoute(app, '/organizations', {
    guard: 'signedIn',
    back: () => '/organizations',
    handle: async ({ c, form, auth }) => {
      const organization = await createOrganization(c.get('deps'), {
        name: form.name ?? '',
        owner: auth.user,
        context: c.get('requestContext'),
      });
      return c.redirect(`${orgPath(organization.id)}?notice=created`, 303);
    },
    problem: nameProblem,
    rerender: async ({ c, form, auth }, problem) => {
      const memberships = await ownMemberships(c.get('deps'), auth);
      return renderPage(
        c,
        <OrganizationsPage
          page={pageContext(c)}
          memberships={memberships}
          nameValue={form.name ?? ''}
          nameError={problem.message}
        />,
        problem.status,
      );
    },
  });

  app.get('/organizations/:id', async (c) => {
    const id = c.req.param('id');
    const auth = signedIn(c);
    if (!auth) return toSignIn(c, orgPath(id));
    return showOrganization(c, auth, id);
  });

  formRoute(app, '/organizations/:id/invitations', {
    guard: 'signedIn',
    back: orgBack,
    handle: async ({ c, form, auth, t }) => {
      const { email, role } = inviteFields(form);
      // Shown through showOrganization, so an outsider still gets the same 404 as for any other form.
      if (!isPlausibleEmail(email))
        return fieldProblem('email', email ? t('form.emailInvalid') : t('form.emailMissing'), 422);
      const organizationId = c.req.param('id') ?? '';
      await inviteMember(c.get('deps'), auth, {
        organizationId,
        email,
        role,
        context: c.get('requestContext'),
      });
      return c.redirect(`${orgPath(organizationId)}?notice=invited`, 303);
    },
    on: {
      ...memberRefusals,
      conflict: ({ c }) => c.redirect(`${orgBack(c)}?notice=already-member`, 303),
    },
    problem: (t, error) =>
      isDomainError(error, 'invalid_input')
        ? fieldProblem('email', t('form.emailInvalid'), 422)
        : isDomainError(error, 'email_unverified')
          ? { message: t('error.email_unverified'), field: null, status: 403 }
          : problemsFor('rate_limited')(t, error),
    rerender: ({ c, form, auth }, problem) =>
      showOrganization(c, auth, c.req.param('id') ?? '', {
        invite: { ...inviteFields(form), error: problem.message },
        status: problem.status,
      }),
  });

  formRoute(
    app,
    '/organizations/:id/members/:userId/role',
    memberChange(async ({ c, auth, form }) => {
      const role = asRole(form.role);
      if (!role) throw new DomainError('invalid_input');
      await changeMemberRole(c.get('deps'), auth, {
        organizationId: c.req.param('id') ?? '',
        userId: c.req.param('userId') ?? '',
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

  formRoute(
    app,
    '/organizations/:id/members/:userId/remove',
    memberChange(async ({ c, auth }) => {
      await removeMember(c.get('deps'), auth, {
        organizationId: c.req.param('id') ?? '',
        userId: c.req.param('userId') ?? '',
        context: c.get('requestContext'),
      });
      return 'removed';
    }),
  );

  // The token rides in the query, never the path: request logs record paths, not queries.
  app.get('/invitation', async (c) => {
    return showInvitation(c, c.req.query('token') ?? '', signedIn(c));
  });

  formRoute(app, '/invitation', {
    guard: 'signedIn',
    back: (_c, form) => `/invitation?token=${encodeURIComponent(form.token ?? '')}`,
    handle: async ({ c, form, auth }) => {
      const token = form.token ?? '';
      const joined = await acceptInvitation(c.get('deps'), auth, { token, context: c.get('requestContext') });
      return c.redirect(`${orgPath(joined.organizationId)}?notice=joined`, 303);
    },
    // Used, expired, unknown or for another address: the page explains which, and nothing changed.
    on: {
      invitation_invalid: refusedInvitation,
      forbidden: refusedInvitation,
      email_unverified: ({ c }) => unverifiedInvitee(c),
    },
  });
}

function refusedInvitation({ c, form, auth }: FormRequest<'signedIn'>) {
  return showInvitation(c, form.token ?? '', auth, { refused: true });
}
