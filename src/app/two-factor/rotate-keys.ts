import { totpSealContext } from '../../factors/totp/totp-factor.js';
import type { AppDeps } from '../deps.js';

/**
 * Re-seals every stored secret under the current key (`twostep keys rotate`). Run it after moving
 * the old key to TWOSTEP_PREVIOUS_SECRET_KEYS; once it reports zero left, the old key can go.
 * Each secret is re-sealed with its own row id as associated data, one row at a time.
 */
export async function rotateSecretKeys(
  deps: Pick<AppDeps, 'store' | 'secretBox'>,
): Promise<{ resealed: number; total: number }> {
  const { store, secretBox } = deps;
  const sealed = await store.methods.listSealedSecrets();
  let resealed = 0;
  for (const { id, secretSealed } of sealed) {
    if (!secretBox.needsRotation(secretSealed)) continue;
    const aad = totpSealContext(id);
    await store.methods.updateSealedSecret(id, secretBox.seal(secretBox.open(secretSealed, aad), aad));
    resealed++;
  }
  return { resealed, total: sealed.length };
}
