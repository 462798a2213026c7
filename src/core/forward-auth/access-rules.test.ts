import { describe, expect, it } from 'vitest';
import type { Membership } from '../organizations/organization.js';
import { type AccessRule, decideAccess, rulePath } from './access-rules.js';

const acme: Membership = { organizationId: 'org-acme', organizationName: 'Acme', role: 'admin' };
const beta: Membership = { organizationId: 'org-beta', organizationName: 'Beta', role: 'member' };

const rules: AccessRule[] = [
  { host: 'panel.example', path: '/admin', allow: { roles: ['owner', 'admin'] } },
  { host: 'panel.example', path: '/billing', allow: { organizations: ['Acme'], roles: ['owner'] } },
  { host: 'panel.example', path: '/', allow: { anySignedIn: true } },
  { host: '*.acme.example', path: '/', allow: { organizations: ['org-acme'] } },
  { host: 'beta.example', path: '/', allow: { organizations: ['Beta'] } },
];

describe('decideAccess', () => {
  it.each([
    ['panel.example', '/', [], 'allow'],
    ['panel.example', '/dashboard?x=1', [], 'allow'],
    ['panel.example', '/admin', [acme], 'allow'],
    ['panel.example', '/admin/users', [acme], 'allow'],
    ['panel.example', '/admin', [beta], 'deny'],
    ['panel.example', '/admin', [], 'deny'],
    ['panel.example', '/administrator', [], 'allow'],
    ['panel.example', '/billing', [acme], 'deny'],
    ['panel.example', '/billing', [{ ...acme, role: 'owner' }], 'allow'],
    ['panel.example', '/billing', [{ ...beta, role: 'owner' }], 'deny'],
    ['grafana.acme.example', '/', [acme], 'allow'],
    ['grafana.acme.example', '/', [beta], 'deny'],
    ['acme.example', '/', [acme], 'deny'],
    ['beta.example', '/', [beta], 'allow'],
    ['beta.example', '/', [acme], 'deny'],
    ['other.example', '/', [acme, beta], 'deny'],
    ['PANEL.EXAMPLE', '/admin', [beta], 'deny'],
  ] as const)('%s%s for %j: %s', (host, path, memberships, expected) => {
    expect(decideAccess(rules, { host, path }, memberships)).toBe(expected);
  });

  it.each([
    '/public/../admin',
    '/public/%2e%2e/admin',
    '/%61dmin',
    '//admin',
    '/./admin',
    '/admin/',
    '/ADMIN/../admin',
  ])('reads %s as the admin area, which a member of Beta may not enter', (path) => {
    expect(decideAccess(rules, { host: 'panel.example', path }, [beta])).toBe('deny');
  });

  it.each(['/admin\\x', '/%', '/a%00', '/%252e%252e/admin', 'admin', '/a b'])(
    'denies the unreadable path %j',
    (path) => {
      expect(decideAccess(rules, { host: 'panel.example', path }, [acme])).toBe('deny');
    },
  );

  it('denies when no rule is configured', () => {
    expect(decideAccess([], { host: 'panel.example', path: '/' }, [acme])).toBe('deny');
  });

  it('takes the first matching rule, not the most generous one', () => {
    const ordered: AccessRule[] = [
      { host: 'panel.example', path: '/', allow: { organizations: ['Acme'] } },
      { host: 'panel.example', path: '/', allow: { anySignedIn: true } },
    ];
    expect(decideAccess(ordered, { host: 'panel.example', path: '/' }, [beta])).toBe('deny');
  });
});

describe('rulePath', () => {
  it.each([
    ['/', '/'],
    ['/a/b/', '/a/b/'],
    ['/a//b', '/a/b'],
    ['/a/../../b', '/b'],
    ['/a?x=/../admin', '/a'],
  ])('%s → %s', (raw, expected) => {
    expect(rulePath(raw)).toBe(expected);
  });
});
