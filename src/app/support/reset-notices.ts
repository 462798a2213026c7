import type { Channel, TwoFactorMethod, User } from '../../core/types.js';
import { sentCodeFactorOf } from '../../factors/registry.js';
import type { ResetChannels } from '../../ports/notifier.js';

/** Where a user can be reached: the account address, every e-mail method, every phone method. */
export function channelsOf(user: Pick<User, 'email'>, methods: TwoFactorMethod[]): ResetChannels {
  const active = methods.filter((m) => m.status === 'active' && m.destination);
  const unique = (values: string[]) => [...new Set(values)];
  // By the channel each method's factor sends over, not by its type: a new factor that sends
  // codes by SMS is reached the same way.
  const over = (channel: Channel) =>
    active.filter((m) => sentCodeFactorOf(m.type)?.channel === channel).map((m) => m.destination!);
  const emails = unique([user.email, ...over('email')]).filter(
    (address, i, all) => all.findIndex((a) => a.toLowerCase() === address.toLowerCase()) === i,
  );
  return {
    emails,
    sms: unique(over('sms')),
    voice: unique(over('voice')),
  };
}
