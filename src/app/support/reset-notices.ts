import type { TwoFactorMethod, User } from '../../core/types.js';
import type { ResetChannels } from '../../ports/notifier.js';

/** Where a user can be reached: the account address, every e-mail method, every phone method. */
export function channelsOf(user: Pick<User, 'email'>, methods: TwoFactorMethod[]): ResetChannels {
  const active = methods.filter((m) => m.status === 'active' && m.destination);
  const unique = (values: string[]) => [...new Set(values)];
  const emails = unique([
    user.email,
    ...active.filter((m) => m.type === 'email').map((m) => m.destination!),
  ]).filter((address, i, all) => all.findIndex((a) => a.toLowerCase() === address.toLowerCase()) === i);
  return {
    emails,
    sms: unique(active.filter((m) => m.type === 'sms').map((m) => m.destination!)),
    voice: unique(active.filter((m) => m.type === 'voice').map((m) => m.destination!)),
  };
}
