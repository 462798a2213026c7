import type { StaffRole, User } from '../../core/types.js';
import type { AppDeps } from '../deps.js';

/** One account as an operator's list shows it: who, whether 2FA is on and with what, staff role. */
export interface RosterEntry {
  user: User;
  /** The types of the confirmed methods, each once, in the order they were added; empty: 2FA is off. */
  methodTypes: string[];
  staffRole: StaffRole | null;
}

/** A page of accounts, oldest first, with their 2FA state: for `twostep user list`. */
export async function listUsersWithTwoFactor(
  deps: Pick<AppDeps, 'store'>,
  paging: { limit: number; offset: number },
): Promise<RosterEntry[]> {
  const users = await deps.store.users.list(paging);
  return Promise.all(
    users.map(async (user) => {
      const methods = await deps.store.methods.listForUser(user.id);
      const active = methods.filter((m) => m.status === 'active').map((m) => m.type);
      return { user, methodTypes: [...new Set(active)], staffRole: user.staffRole };
    }),
  );
}
