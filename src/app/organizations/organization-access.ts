import { DomainError } from '../../core/errors.js';
import { isManager } from '../../core/organizations/member-rules.js';
import type { Organization } from '../../core/organizations/organization.js';
import type { OrganizationRole } from '../../core/organizations/roles.js';
import type { Store } from '../../ports/store.js';

// Ids are base64url; anything else (a NUL, which PostgreSQL refuses in text) cannot name one.
const idShape = /^[A-Za-z0-9_-]{1,64}$/;

export function isIdShaped(id: string): boolean {
  return idShape.test(id);
}

/**
 * The organization and the caller's role in it. Someone outside gets `not_found`, exactly as for
 * an id that does not exist, so organization ids cannot be probed.
 */
export async function membershipIn(
  store: Store,
  organizationId: string,
  userId: string,
): Promise<{ organization: Organization; role: OrganizationRole }> {
  if (!isIdShaped(organizationId)) throw new DomainError('not_found');
  const role = await store.organizations.roleOf(organizationId, userId);
  const organization = role ? await store.organizations.findById(organizationId) : null;
  if (!role || !organization) throw new DomainError('not_found');
  return { organization, role };
}

/** As membershipIn, and the caller must be an owner or admin (else `forbidden`). */
export async function managerIn(store: Store, organizationId: string, userId: string) {
  const membership = await membershipIn(store, organizationId, userId);
  if (!isManager(membership.role)) throw new DomainError('forbidden');
  return membership;
}
