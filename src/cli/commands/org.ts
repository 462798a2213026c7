import { addMemberByEmail } from '../../app/organizations/administer-organizations.js';
import { createOrganization } from '../../app/organizations/create-organization.js';
import { isPlausibleEmail } from '../../core/accounts/email.js';
import { DomainError } from '../../core/errors.js';
import { organizationName } from '../../core/organizations/member-rules.js';
import { type OrganizationRole, organizationRoles } from '../../core/organizations/roles.js';
import { type Command, cliContext, exitCodes, UsageError } from '../command.js';
import { withServer } from '../with-server.js';
import { pagingOptions, readPaging, writePage } from './paging.js';

function email(value: unknown, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!isPlausibleEmail(text)) throw new UsageError(`${what} must be an e-mail address.`);
  return text;
}

function role(value: unknown): OrganizationRole {
  const found = organizationRoles.find((r) => r === value);
  if (!found) throw new UsageError(`--role must be one of ${organizationRoles.join(', ')}.`);
  return found;
}

export const orgCreateCommand: Command = {
  path: ['org', 'create'],
  operands: ['NAME'],
  summary: 'Create an organization with an existing account as its owner',
  details: [
    'The owner must already have an account (see `twostep user add`). The owner can then invite',
    'colleagues from the organization page. Prints the new organization id, which `org add-member`',
    'takes.',
  ],
  options: {
    owner: { type: 'string', value: 'EMAIL', description: 'The account that becomes the owner (required)' },
  },
  async run({ values, positionals }, io) {
    const name = organizationName(positionals[0] ?? '');
    if (!name) throw new UsageError('NAME must be 1 to 100 characters, without control characters.');
    const ownerEmail = email(values.owner, '--owner');
    return withServer(io, async ({ deps }) => {
      const owner = await deps.store.users.findByEmail(ownerEmail);
      if (!owner) throw new DomainError('not_found', `No account with the address ${ownerEmail}.`);
      const organization = await createOrganization(deps, { name, owner, context: cliContext });
      io.stdout.write(
        `Created the organization ${organization.name} (id ${organization.id}), owner ${owner.email}.\n`,
      );
      return exitCodes.ok;
    });
  },
};

export const orgListCommand: Command = {
  path: ['org', 'list'],
  operands: [],
  summary: 'List organizations, oldest first',
  details: [
    'Prints name, id, creation time (UTC), number of members and the owners, one organization a line.',
  ],
  options: pagingOptions('organizations'),
  async run({ values }, io) {
    const paging = readPaging(values);
    const rows = await withServer(io, async ({ deps }) => {
      const organizations = await deps.store.organizations.list(paging);
      return Promise.all(
        organizations.map(async (o) => {
          const members = await deps.store.organizations.membersOf(o.id);
          const owners = members.filter((m) => m.role === 'owner').map((m) => m.email);
          return [
            o.name,
            o.id,
            `${o.createdAt.toISOString().slice(0, 19)}Z`,
            String(members.length),
            owners.join(','),
          ];
        }),
      );
    });
    writePage(io, paging, 'organizations', ['NAME', 'ID', 'CREATED', 'MEMBERS', 'OWNERS'], rows);
    return exitCodes.ok;
  },
};

export const orgAddMemberCommand: Command = {
  path: ['org', 'add-member'],
  operands: ['ORG', 'EMAIL'],
  summary: 'Put an existing account into an organization, without an invitation',
  details: [
    'ORG is the organization id (see `twostep org list`). The account must exist. Someone already',
    'in keeps the role they have: change roles from the organization page, where the rule that an',
    'organization keeps at least one owner applies. Audited in the member’s activity.',
  ],
  options: {
    role: { type: 'string', value: 'R', description: 'owner, admin or member (default member)' },
  },
  async run({ values, positionals }, io) {
    const organizationId = positionals[0] ?? '';
    const memberEmail = email(positionals[1], 'EMAIL');
    const memberRole = values.role === undefined ? 'member' : role(values.role);
    return withServer(io, async ({ deps }) => {
      const result = await addMemberByEmail(deps, {
        organizationId,
        email: memberEmail,
        role: memberRole,
        context: cliContext,
      });
      io.stdout.write(
        result.added
          ? `Added ${memberEmail} to ${result.organizationName} as ${memberRole}.\n`
          : `${memberEmail} is already a member of ${result.organizationName}; nothing changed.\n`,
      );
      return exitCodes.ok;
    });
  },
};
