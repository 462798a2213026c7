/** What a member may do in an organization: owners and admins manage members; admins cannot touch owners. */
export type OrganizationRole = 'owner' | 'admin' | 'member';

export const organizationRoles: readonly OrganizationRole[] = ['owner', 'admin', 'member'];
