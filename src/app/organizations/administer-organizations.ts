import { DomainError } from '../../core/errors.js';
import type { OrganizationRole } from '../../core/organizations/roles.js';
import type { RequestContext } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { isIdShaped } from './organization-access.js';

/**
 * For the operator's CLI: puts an existing account straight into an organization, without an
 * invitation, because whoever runs the CLI already controls the server. Audited in that user's trail.
 */
export async function addMemberByEmail(
  deps: Pick<AppDeps, 'store' | 'clock' | 'random'>,
  input: { organizationId: string; email: string; role: OrganizationRole; context: RequestContext },
): Promise<{ organizationName: string; added: boolean }> {
  const { store, clock, random } = deps;
  const organization = isIdShaped(input.organizationId)
    ? await store.organizations.findById(input.organizationId)
    : null;
  if (!organization) throw new DomainError('not_found', 'No such organization');
  const user = await store.users.findByEmail(input.email);
  if (!user) throw new DomainError('not_found', 'No account with that e-mail address');
  const now = clock.now();
  const added = await store.transaction(async (tx) => {
    const inserted = await tx.organizations.addMember({
      organizationId: organization.id,
      userId: user.id,
      role: input.role,
      joinedAt: now,
    });
    if (inserted) {
      await recordAudit(tx, random, now, {
        userId: user.id,
        type: 'organization_member_added',
        context: input.context,
        detail: { organizationId: organization.id, organization: organization.name, role: input.role },
      });
    }
    return inserted;
  });
  return { organizationName: organization.name, added };
}
