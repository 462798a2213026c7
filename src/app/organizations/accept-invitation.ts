import { normalizeEmail } from '../../core/accounts/email.js';
import { DomainError } from '../../core/errors.js';
import type { Invitation } from '../../core/organizations/organization.js';
import type { OrganizationRole } from '../../core/organizations/roles.js';
import { hashToken } from '../../core/sessions/session-token.js';
import type { RequestContext } from '../../core/types.js';
import { requireVerifiedEmail } from '../accounts/verify-email.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';

// newToken() gives 43 base64url characters; anything else cannot be one of ours.
const tokenShape = /^[A-Za-z0-9_-]{43}$/;

export interface InvitationPreview {
  organizationName: string;
  email: string;
  role: OrganizationRole;
  expiresAt: Date;
}

async function validInvitation(deps: Pick<AppDeps, 'store' | 'clock'>, token: string) {
  if (!tokenShape.test(token)) return null;
  return deps.store.organizations.findValidInvitation(hashToken(token), deps.clock.now());
}

/** What the accept page shows before anyone clicks; null when the link is unknown, used or expired. */
export async function previewInvitation(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  token: string,
): Promise<InvitationPreview | null> {
  const invitation = await validInvitation(deps, token);
  const organization = invitation ? await deps.store.organizations.findById(invitation.organizationId) : null;
  if (!invitation || !organization) return null;
  return {
    organizationName: organization.name,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
  };
}

/** Whether the signed-in account is the one the invitation was sent to. */
export function isInvitee(invitation: Pick<Invitation, 'email'>, email: string): boolean {
  return normalizeEmail(invitation.email) === normalizeEmail(email);
}

/**
 * Joins the organization. Only the account with the invited address may accept, so a forwarded or
 * leaked link lets nobody else in; the link is spent in the same transaction that adds the member,
 * so of two concurrent accepts one joins and the other finds the link used.
 */
export async function acceptInvitation(
  deps: Pick<AppDeps, 'store' | 'clock' | 'random'>,
  auth: Authenticated,
  input: { token: string; context: RequestContext },
): Promise<{ organizationId: string; organizationName: string; role: OrganizationRole }> {
  const { store, clock, random } = deps;
  const invitation = await validInvitation(deps, input.token);
  if (!invitation) throw new DomainError('invitation_invalid');
  if (!isInvitee(invitation, auth.user.email)) throw new DomainError('forbidden');
  // The invited address must be the account's own, not one typed at sign-up to catch the link.
  await requireVerifiedEmail(deps, auth.user);
  const now = clock.now();
  return store.transaction(async (tx) => {
    const spent = await tx.organizations.consumeInvitation(invitation.tokenHash, now);
    const organization = spent ? await tx.organizations.findById(spent.organizationId) : null;
    if (!spent || !organization) throw new DomainError('invitation_invalid');
    // Someone already in keeps the role they have: an invitation never demotes.
    await tx.organizations.addMember({
      organizationId: organization.id,
      userId: auth.user.id,
      role: spent.role,
      joinedAt: now,
    });
    const role = (await tx.organizations.roleOf(organization.id, auth.user.id)) ?? spent.role;
    await recordAudit(tx, random, now, {
      userId: auth.user.id,
      type: 'organization_invitation_accepted',
      context: input.context,
      detail: { organizationId: organization.id, organization: organization.name, role },
    });
    return { organizationId: organization.id, organizationName: organization.name, role };
  });
}
