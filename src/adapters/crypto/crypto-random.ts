import { randomBytes, randomInt } from 'node:crypto';
import type { Random } from '../../ports/random.js';

/** Node's CSPRNG: the only randomness production uses. */
export const cryptoRandom: Random = {
  bytes: (length) => new Uint8Array(randomBytes(length)),
  int: (max) => randomInt(max),
};
