import { randomBytes, randomInt } from 'node:crypto';

/** The one source of randomness (a CSPRNG in production), a port so the core stays pure. */
export interface Random {
  bytes(length: number): Uint8Array;
  /** Uniform integer in [0, max). */
  int(max: number): number;
}

export const cryptoRandom: Random = {
  bytes: (length) => new Uint8Array(randomBytes(length)),
  int: (max) => randomInt(max),
};
