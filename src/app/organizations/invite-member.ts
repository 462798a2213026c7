import { normalizeEmail } from '../../core/accounts/email.js';
import { DomainError } from '../../core/errors.js';
import { mayGrant } from '../../core/organizations/member-rules.js';
import type { Invitation } from '../../core/organizations/organization.js';
import type { OrganizationRole } from '../../core/organizations/roles.js';
import { hashToken, newId, newToken } from '../../core/sessions/session-token.js';
import type { RequestContext } from '../../core/types.js';
import { assertNewAddress } from '../accounts/input-text.js';
import { requireVerifiedEmail } from '../accounts/verify-email.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { consumeInTurn, rateKeys, rateRules } from '../rate-rules.js';
import type { Authenticated } from '../sessions/authenticate.js';
import { requireSudo } from '../sessions/manage-sessions.js';
import { managerIn } from './organization-access.js';

export const invitationLifetimeDays = 7;

/**
 * E-mails a single-use link (256-bit token, stored hashed, 7 days) that lets the owner of that
 * address join with `role`. Owners and admins invite; admins cannot invite owners. Needs sudo,
 * because it hands out access. The link's host is the configured public URL, never the request's.
 */
export async function inviteMember(
  deps: AppDeps,
  auth: Authenticated,
  input: { organizationId: string; email: string; role: OrganizationRole; context: RequestContext },
): Promise<Pick<Invitation, 'id' | 'email' | 'role' | 'expiresAt'>> {
  const { store, clock, random, limiter, settings } = deps;
  const { organization, role: inviterRole } = await managerIn(store, input.organizationId, auth.user.id);
  if (!mayGrant(inviterRole, input.role)) throw new DomainError('forbidden');
  requireSudo(deps, auth);
  // An unproved account could otherwise send our e-mails to anyone, in its typed address's name.
  await requireVerifiedEmail(deps, auth.user);
  const email = assertNewAddress(input.email);
  const now = clock.now();
  // Invitations are e-mails to strangers: capped per inviter and per organization, so neither a
  // hijacked admin nor an organization made for the purpose turns us into a spam relay.
  await consumeInTurn(limiter, now, [
    [rateKeys.invitationsByInviter(auth.user.id), rateRules.invitationsByInviter],
    [rateKeys.invitationsToOrganization(organization.id), rateRules.invitationsToOrganization],
  ]);
  const invitee = await store.users.findByEmail(email);
  if (invitee && (await store.organizations.roleOf(organization.id, invitee.id))) {
    throw new DomainError('conflict', 'Already a member');
  }
  const token = newToken(random);
  const invitation: Invitation = {
    id: newId(random),
    tokenHash: hashToken(token),
    organizationId: organization.id,
    email,
    role: input.role,
    invitedBy: auth.user.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + invitationLifetimeDays * 24 * 60 * 60_000),
    acceptedAt: null,
  };
  await store.transaction(async (tx) => {
    await tx.organizations.createInvitation(invitation);
    await recordAudit(tx, random, now, {
      userId: auth.user.id,
      type: 'organization_member_invited',
      context: input.context,
      detail: { organizationId: organization.id, email: normalizeEmail(email), role: input.role },
    });
  });
  await deps.notifier.organizationInvitation({
    to: email,
    locale: invitee?.locale ?? input.context.locale,
    inviter: auth.user.email,
    organization: organization.name,
    role: input.role,
    url: `${settings.publicUrl}/invitation?token=${token}`,
    days: invitationLifetimeDays,
  });
  return { id: invitation.id, email, role: invitation.role, expiresAt: invitation.expiresAt };
}
