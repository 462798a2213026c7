import { createHash } from 'node:crypto';
import type { Random } from '../../ports/random.js';
import type { SecretBox } from '../../ports/secret-box.js';
import { createSecretBox, deriveKey } from './secret-box.js';

/**
 * Everything derived from the master secret key and the keys it replaced: the secret box (current
 * key seals, all keys open), and the recovery-code peppers (current first). A key's id is a short
 * fingerprint, so the configuration needs no separate id and a wrong key is noticed, not used.
 */
export function keyRing(current: Uint8Array, previous: Uint8Array[], random: Random) {
  const all = [current, ...previous];
  const boxKeys = new Map(
    all.map((master) => [fingerprint(master), deriveKey(master, 'twostep secret box v1')]),
  );
  const secretBox: SecretBox = createSecretBox({ keys: boxKeys, currentKeyId: fingerprint(current), random });
  return {
    secretBox,
    recoveryPeppers: all.map((master) => deriveKey(master, 'twostep recovery codes v1')),
    csrfKey: deriveKey(current, 'twostep csrf v1'),
  };
}

function fingerprint(master: Uint8Array): string {
  return createHash('sha256').update('twostep key id').update(master).digest('base64url').slice(0, 8);
}
