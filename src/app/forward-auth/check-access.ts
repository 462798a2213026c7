import { type AccessRule, type AccessTarget, decideAccess } from '../../core/forward-auth/access-rules.js';
import type { AppDeps } from '../deps.js';
import type { Authenticated } from '../sessions/authenticate.js';

/** Who the proxy may tell the site behind it is signed in. */
export interface ForwardIdentity {
  userId: string;
  email: string;
  /** Organization names, for the site's own group checks. */
  organizations: string[];
}

export type ForwardAccess =
  | { kind: 'allow'; identity: ForwardIdentity }
  | { kind: 'sign_in' }
  | { kind: 'forbidden' };

/**
 * Whether a request a proxy holds may go on to the site it asked for. Only a session that finished
 * every step counts: one that still owes its second factor, or must set 2FA up first, is sent to
 * sign in like no session at all. A page whose address the proxy did not tell us (`target` null)
 * matches no rule.
 */
export async function checkForwardAccess(
  deps: Pick<AppDeps, 'store'>,
  input: { auth: Authenticated | null; target: AccessTarget | null; rules: readonly AccessRule[] },
): Promise<ForwardAccess> {
  const { auth, target, rules } = input;
  if (auth?.session.state !== 'signed_in') return { kind: 'sign_in' };
  if (!target || rules.length === 0) return { kind: 'forbidden' };
  const memberships = await deps.store.organizations.membershipsOfUser(auth.user.id);
  if (decideAccess(rules, target, memberships) === 'deny') return { kind: 'forbidden' };
  return {
    kind: 'allow',
    identity: {
      userId: auth.user.id,
      email: auth.user.email,
      organizations: memberships.map((m) => m.organizationName),
    },
  };
}
