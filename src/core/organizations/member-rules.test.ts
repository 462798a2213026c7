import { describe, expect, it } from 'vitest';
import { isManager, mayGrant, mayManage, organizationName } from './member-rules.js';

describe('member rules', () => {
  it('lets owners manage everyone and admins everyone but owners', () => {
    expect(mayManage('owner', 'owner')).toBe(true);
    expect(mayManage('admin', 'admin')).toBe(true);
    expect(mayManage('admin', 'member')).toBe(true);
    expect(mayManage('admin', 'owner')).toBe(false);
    expect(mayManage('member', 'member')).toBe(false);
  });

  it('never lets an admin make an owner', () => {
    expect(mayGrant('admin', 'owner')).toBe(false);
    expect(mayGrant('admin', 'admin')).toBe(true);
    expect(mayGrant('owner', 'owner')).toBe(true);
    expect(mayGrant('member', 'member')).toBe(false);
  });

  it('counts owners and admins as managers', () => {
    expect([isManager('owner'), isManager('admin'), isManager('member')]).toEqual([true, true, false]);
  });

  it('tidies a name and refuses empty, overlong or deceptive ones', () => {
    expect(organizationName('  Acme   Bank ')).toBe('Acme Bank');
    expect(organizationName('   ')).toBeNull();
    expect(organizationName('x'.repeat(101))).toBeNull();
    expect(organizationName('x'.repeat(100))).toHaveLength(100);
    expect(organizationName('Acme\u202eknaB')).toBeNull();
    expect(organizationName('Acme\u0000')).toBeNull();
  });
});
