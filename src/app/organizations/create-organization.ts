import { DomainError } from '../../core/errors.js';
import { organizationName } from '../../core/organizations/member-rules.js';
import type { Organization } from '../../core/organizations/organization.js';
import { newId } from '../../core/sessions/session-token.js';
import type { RequestContext, User } from '../../core/types.js';
import { recordAudit } from '../audit.js';
import type { AppDeps } from '../deps.js';
import { consumeAll } from '../rate-rules.js';

/** Enough for any real customer; stops one account from filling the database with organizations. */
const creationLimit = { limit: 10, windowSeconds: 60 * 60 };

/** Creates an organization whose first owner is `owner`; audited in the owner's trail. */
export async function createOrganization(
  deps: Pick<AppDeps, 'store' | 'clock' | 'random' | 'limiter'>,
  input: { name: string; owner: Pick<User, 'id'>; context: RequestContext },
): Promise<Organization> {
  const { store, clock, random, limiter } = deps;
  const name = organizationName(input.name);
  if (!name) throw new DomainError('invalid_input', 'Organization name must be 1 to 100 characters');
  const now = clock.now();
  await consumeAll(limiter, now, [[`org:create:${input.owner.id}`, creationLimit]]);
  const organization = { id: newId(random), name, createdAt: now };
  await store.transaction(async (tx) => {
    await tx.organizations.create(organization, { userId: input.owner.id, joinedAt: now });
    await recordAudit(tx, random, now, {
      userId: input.owner.id,
      type: 'organization_created',
      context: input.context,
      detail: { organizationId: organization.id, organization: name },
    });
  });
  return organization;
}
