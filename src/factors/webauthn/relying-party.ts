/**
 * Who the browser signs for. A signature is bound to this origin and RP ID, so a look-alike site
 * gets nothing it could relay: that binding is what makes security keys phishing-resistant.
 */
export interface RelyingParty {
  /** The host name of the public address, e.g. `login.example.com`. */
  id: string;
  /** What the browser shows while asking for the key: the issuer name. */
  name: string;
  /** Scheme, host and port of the public address, e.g. `https://login.example.com`. */
  origin: string;
}

/** The relying party of a public address (TWOSTEP_PUBLIC_URL); a path in it plays no part. */
export function relyingPartyOf(publicUrl: string, name: string): RelyingParty {
  const url = new URL(publicUrl);
  return { id: url.hostname, name, origin: url.origin };
}
