import { createAccount } from '../../src/app/accounts/create-account.js';
import type { AppDeps } from '../../src/app/deps.js';
import { benchPassword } from './bench-server.js';

const context = { ip: 'bench', userAgent: 'twostep-bench', locale: 'en' };

/**
 * Creates `count` accounts through the sign-up use case (real argon2id hashes), a few at a time
 * so the hashing keeps the thread pool busy without queueing everything at once.
 */
export async function createBenchUsers(deps: AppDeps, prefix: string, count: number): Promise<string[]> {
  const emails = Array.from({ length: count }, (_, i) => `${prefix}-${i}@bench.example`);
  for (let i = 0; i < emails.length; i += 4) {
    await Promise.all(
      emails
        .slice(i, i + 4)
        .map((email) =>
          createAccount(deps, { email, password: benchPassword, context, bypassSignupClosed: true }),
        ),
    );
  }
  return emails;
}

/** A distinct IPv4 address for the n-th request, so no per-address limit is reached. */
export function benchAddress(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** Signs one account in over HTTP and returns its session cookie (`name=value`). */
export async function signInCookie(url: string, email: string, address: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password: benchPassword }),
  });
  const body = (await response.json()) as { state?: string };
  if (response.status !== 200 || body.state !== 'signed_in') {
    throw new Error(`Sign-in before the measurement failed: ${response.status} ${JSON.stringify(body)}`);
  }
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('twostep_session='));
  if (!cookie) throw new Error('Sign-in set no session cookie');
  return cookie.split(';')[0]!;
}
