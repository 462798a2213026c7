/**
 * The public half of a security key or of this device's fingerprint / face, registered as a
 * method of type `webauthn`. Binary values are base64url, as the browser sends them.
 */
export interface WebauthnCredential {
  methodId: string;
  userId: string;
  /** The id the authenticator gave the credential; unique across every user. */
  credentialId: string;
  /** COSE public key. */
  publicKey: string;
  /** The authenticator's signature counter at its last use; 0 for authenticators that keep none. */
  signCount: number;
  /** How the browser reached it (`usb`, `nfc`, `ble`, `internal`, `hybrid`): a hint for the next sign-in. */
  transports: string[];
  /** The make and model of the authenticator (all zeroes when it does not say). */
  aaguid: string;
  /** A passkey synced to the user's cloud account rather than bound to one device. */
  backedUp: boolean;
  /**
   * `required` for this device's fingerprint / face (the device checks who holds it);
   * `preferred` for a roaming security key, whose touch is the second factor.
   */
  userVerification: 'required' | 'preferred';
  createdAt: Date;
}
