import type { OrganizationRole } from './roles.js';

/**
 * Who may change whom. Owners manage everyone; admins manage admins and members but cannot touch
 * an owner nor make one, so an admin can never lock the owners out of their own organization.
 * Members manage nobody.
 */
export function mayManage(actor: OrganizationRole, target: OrganizationRole): boolean {
  if (actor === 'owner') return true;
  return actor === 'admin' && target !== 'owner';
}

/** Whether `actor` may give someone the role `granted` (by invitation or by a role change). */
export function mayGrant(actor: OrganizationRole, granted: OrganizationRole): boolean {
  return mayManage(actor, granted);
}

/** Owners and admins see the member list's 2FA column and manage members. */
export function isManager(role: OrganizationRole): boolean {
  return role === 'owner' || role === 'admin';
}

const maxNameLength = 100;
const unsafeInName = /[\p{Cs}\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

/** The name as stored: NFC, trimmed, one to a hundred characters, nothing invisible or reordering. */
export function organizationName(input: string): string | null {
  const name = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name.length === 0 || [...name].length > maxNameLength || unsafeInName.test(name)) return null;
  return name;
}
