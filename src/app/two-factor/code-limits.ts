import { ipPrefix } from '../../core/net/ip-prefix.js';
import type { RateLimit } from '../../ports/rate-limiter.js';

/**
 * How many codes may be sent, against SMS pumping and toll fraud (T-CODE-4): per
 * destination, so many accounts cannot flood one number; per account, so one account cannot cycle
 * numbers; per network, so one client cannot do either at scale. The 30-second cool-down between
 * two codes of one method comes first and is not counted here.
 */
export const codeSendRules = {
  destination: { limit: 5, windowSeconds: 60 * 60 },
  account: { limit: 20, windowSeconds: 24 * 60 * 60 },
  network: { limit: 30, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimit>;

export const codeSendKeys = {
  destination: (destination: string) => `code:d:${destination.toLowerCase()}`,
  account: (userId: string) => `code:a:${userId}`,
  network: (ip: string) => `code:n:${ipPrefix(ip)}`,
};
