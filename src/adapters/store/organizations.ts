import type { Kysely } from 'kysely';
import { normalizeEmail } from '../../core/accounts/email.js';
import type { Invitation, MemberChange } from '../../core/organizations/organization.js';
import type { OrganizationRole } from '../../core/organizations/roles.js';
import type { OrganizationStore } from '../../ports/organization-store.js';
import { type Database, iso, toDate, toDateOrNull } from './schema.js';

const roleRank: Record<OrganizationRole, number> = { owner: 0, admin: 1, member: 2 };

const toInvitation = (row: Database['organization_invitations']): Invitation => ({
  id: row.id,
  tokenHash: row.token_hash,
  organizationId: row.organization_id,
  email: row.email,
  role: row.role as OrganizationRole,
  invitedBy: row.invited_by,
  createdAt: toDate(row.created_at),
  expiresAt: toDate(row.expires_at),
  acceptedAt: toDateOrNull(row.accepted_at),
});

export function kyselyOrganizationStore(db: Kysely<Database>): OrganizationStore {
  const inTransaction = <T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db) : db.transaction().execute(work);

  /**
   * A no-op UPDATE of the organization row: on PostgreSQL it takes the row lock, on SQLite the
   * write lock, so the owner count read after it cannot change before the transaction ends.
   */
  const lockOrganization = (trx: Kysely<Database>, organizationId: string) =>
    trx
      .updateTable('organizations')
      .set((eb) => ({ name: eb.ref('name') }))
      .where('id', '=', organizationId)
      .execute();

  const ownerCount = async (trx: Kysely<Database>, organizationId: string) => {
    const row = await trx
      .selectFrom('organization_members')
      .select((eb) => eb.fn.countAll<string | number>().as('owners'))
      .where('organization_id', '=', organizationId)
      .where('role', '=', 'owner')
      .executeTakeFirst();
    return Number(row?.owners ?? 0);
  };

  /** Runs `write` unless it would take away the organization's last owner. */
  const keepingAnOwner = (
    organizationId: string,
    userId: string,
    losesOwner: (current: OrganizationRole) => boolean,
    write: (trx: Kysely<Database>) => Promise<unknown>,
  ): Promise<MemberChange> =>
    inTransaction(async (trx) => {
      await lockOrganization(trx, organizationId);
      const current = await trx
        .selectFrom('organization_members')
        .select('role')
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      if (!current) return 'not_member';
      const role = current.role as OrganizationRole;
      if (role === 'owner' && losesOwner(role) && (await ownerCount(trx, organizationId)) <= 1) {
        return 'last_owner';
      }
      await write(trx);
      return 'changed';
    });

  return {
    async create(organization, owner) {
      await inTransaction(async (trx) => {
        await trx
          .insertInto('organizations')
          .values({ id: organization.id, name: organization.name, created_at: iso(organization.createdAt) })
          .execute();
        await trx
          .insertInto('organization_members')
          .values({
            organization_id: organization.id,
            user_id: owner.userId,
            role: 'owner',
            joined_at: iso(owner.joinedAt),
          })
          .execute();
      });
    },
    async findById(id) {
      const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { id: row.id, name: row.name, createdAt: toDate(row.created_at) } : null;
    },
    async list({ limit, offset }) {
      const rows = await db
        .selectFrom('organizations')
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((row) => ({ id: row.id, name: row.name, createdAt: toDate(row.created_at) }));
    },
    async membershipsOfUser(userId) {
      const rows = await db
        .selectFrom('organization_members as m')
        .innerJoin('organizations as o', 'o.id', 'm.organization_id')
        .select(['m.organization_id', 'o.name', 'm.role'])
        .where('m.user_id', '=', userId)
        .orderBy('o.name')
        .orderBy('o.id')
        .execute();
      return rows.map((row) => ({
        organizationId: row.organization_id,
        organizationName: row.name,
        role: row.role as OrganizationRole,
      }));
    },
    async roleOf(organizationId, userId) {
      const row = await db
        .selectFrom('organization_members')
        .select('role')
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row ? (row.role as OrganizationRole) : null;
    },
    async membersOf(organizationId) {
      const rows = await db
        .selectFrom('organization_members as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.user_id', 'u.email', 'm.role', 'm.joined_at'])
        .where('m.organization_id', '=', organizationId)
        .orderBy('u.email_normalized')
        .execute();
      return rows
        .map((row) => ({
          userId: row.user_id,
          email: row.email,
          role: row.role as OrganizationRole,
          joinedAt: toDate(row.joined_at),
        }))
        .sort((a, b) => roleRank[a.role] - roleRank[b.role]);
    },
    async lastSignIns(organizationId) {
      // One grouped query over the (user_id, at) index, not one per member.
      const rows = await db
        .selectFrom('audit_events as a')
        .innerJoin('organization_members as m', 'm.user_id', 'a.user_id')
        .select((eb) => ['m.user_id', eb.fn.max('a.at').as('last')])
        .where('m.organization_id', '=', organizationId)
        .where('a.type', '=', 'sign_in_succeeded')
        .groupBy('m.user_id')
        .execute();
      return new Map(rows.map((row) => [row.user_id, toDate(String(row.last))]));
    },
    async addMember(member) {
      // ON CONFLICT DO NOTHING: accepting twice at once, or being added while accepting, adds one row.
      const result = await db
        .insertInto('organization_members')
        .values({
          organization_id: member.organizationId,
          user_id: member.userId,
          role: member.role,
          joined_at: iso(member.joinedAt),
        })
        .onConflict((oc) => oc.columns(['organization_id', 'user_id']).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },
    changeRole(organizationId, userId, role) {
      return keepingAnOwner(
        organizationId,
        userId,
        () => role !== 'owner',
        (trx) =>
          trx
            .updateTable('organization_members')
            .set({ role })
            .where('organization_id', '=', organizationId)
            .where('user_id', '=', userId)
            .execute(),
      );
    },
    removeMember(organizationId, userId) {
      return keepingAnOwner(
        organizationId,
        userId,
        () => true,
        (trx) =>
          trx
            .deleteFrom('organization_members')
            .where('organization_id', '=', organizationId)
            .where('user_id', '=', userId)
            .execute(),
      );
    },
    async createInvitation(invitation) {
      await db
        .insertInto('organization_invitations')
        .values({
          id: invitation.id,
          token_hash: invitation.tokenHash,
          organization_id: invitation.organizationId,
          email: invitation.email,
          email_normalized: normalizeEmail(invitation.email),
          role: invitation.role,
          invited_by: invitation.invitedBy,
          created_at: iso(invitation.createdAt),
          expires_at: iso(invitation.expiresAt),
          accepted_at: null,
        })
        .execute();
    },
    async findValidInvitation(tokenHash, now) {
      const row = await db
        .selectFrom('organization_invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', iso(now))
        .executeTakeFirst();
      return row ? toInvitation(row) : null;
    },
    async consumeInvitation(tokenHash, now) {
      // One atomic UPDATE spends the link: two concurrent accepts cannot both see it unused.
      const row = await db
        .updateTable('organization_invitations')
        .set({ accepted_at: iso(now) })
        .where('token_hash', '=', tokenHash)
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', iso(now))
        .returningAll()
        .executeTakeFirst();
      return row ? toInvitation(row) : null;
    },
    async pendingInvitations(organizationId, now) {
      const rows = await db
        .selectFrom('organization_invitations')
        .selectAll()
        .where('organization_id', '=', organizationId)
        .where('accepted_at', 'is', null)
        .where('expires_at', '>', iso(now))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toInvitation);
    },
  };
}
