import { hash, verify } from '@node-rs/argon2';
import type { PasswordHasher } from '../../ports/password-hasher.js';

export interface Argon2Parameters {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP Password Storage Cheat Sheet: argon2id, 19 MiB, 2 iterations, 1 lane. */
export const owaspArgon2: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const phcParams = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/;

/**
 * argon2id through @node-rs/argon2, whose hash and verify run on libuv's thread pool, so the
 * event loop keeps serving while a password is hashed.
 */
export function argon2Hasher(parameters: Argon2Parameters = owaspArgon2): PasswordHasher {
  const options = {
    algorithm: 2 /* Algorithm.Argon2id: a const enum, unusable under verbatimModuleSyntax */,
    ...parameters,
  };
  return {
    hash: (password) => hash(password, options),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    needsRehash(stored) {
      const match = phcParams.exec(stored);
      if (!match) return true;
      const [m, t, p] = match.slice(1).map(Number) as [number, number, number];
      return m < parameters.memoryCost || t < parameters.timeCost || p < parameters.parallelism;
    },
  };
}
