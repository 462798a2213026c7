import type { FactorPorts } from '../../factors/factor.js';
import { relyingPartyOf } from '../../factors/webauthn/relying-party.js';
import type { Store } from '../../ports/store.js';
import type { AppDeps } from '../deps.js';

/** What a factor may touch, from `store` (the transaction's, when there is one). */
export function factorPorts(
  deps: Pick<AppDeps, 'secretBox' | 'random' | 'recoveryPeppers' | 'settings'>,
  store: Store,
): FactorPorts {
  return {
    methods: store.methods,
    codeChallenges: store.codeChallenges,
    recoveryCodes: store.recoveryCodes,
    webauthnCredentials: store.webauthnCredentials,
    secretBox: deps.secretBox,
    random: deps.random,
    peppers: deps.recoveryPeppers,
    relyingParty: relyingPartyOf(deps.settings.publicUrl, deps.settings.issuer),
  };
}
