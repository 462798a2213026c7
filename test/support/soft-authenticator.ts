import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A software security key (ES256, attestation `none`) to drive WebAuthn ceremonies from Node, the
 * way a browser and a key would: it signs whatever origin it is told it runs on, so tests can play
 * a phishing site too. Only test code: the server reads these answers with @simplewebauthn/server.
 */
export class SoftAuthenticator {
  readonly credentialId = randomBytes(16).toString('base64url');
  private readonly keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  signCount: number;

  constructor(
    private readonly origin: string,
    options: { signCount?: number; userVerified?: boolean } = {},
  ) {
    this.signCount = options.signCount ?? 0;
    this.userVerified = options.userVerified ?? true;
  }
  userVerified: boolean;

  /** Answers navigator.credentials.create() options (PublicKeyCredentialCreationOptionsJSON). */
  register(options: Record<string, unknown>, over: { origin?: string; attachment?: string } = {}) {
    const challenge = String(options.challenge);
    const rpId = String((options.rp as { id: string }).id);
    const clientData = this.clientData('webauthn.create', challenge, over.origin);
    const credential = Buffer.from(this.credentialId, 'base64url');
    const authData = Buffer.concat([
      this.authDataHead(rpId, 0x40),
      Buffer.alloc(16),
      Buffer.from([credential.length >> 8, credential.length & 0xff]),
      credential,
      coseKey(this.keys.publicKey),
    ]);
    const attestation = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', new Uint8Array(authData)],
      ]) as never,
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      authenticatorAttachment: over.attachment ?? 'cross-platform',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientData.toString('base64url'),
        attestationObject: Buffer.from(attestation).toString('base64url'),
        transports: ['usb'],
      },
    };
  }

  /** Answers navigator.credentials.get() options (PublicKeyCredentialRequestOptionsJSON). */
  assert(
    options: Record<string, unknown>,
    over: { origin?: string; rpId?: string; signCount?: number } = {},
  ) {
    this.signCount = over.signCount ?? this.signCount + 1;
    const clientData = this.clientData('webauthn.get', String(options.challenge), over.origin);
    const authData = this.authDataHead(over.rpId ?? String(options.rpId), 0);
    const signed = Buffer.concat([authData, createHash('sha256').update(clientData).digest()]);
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientData.toString('base64url'),
        authenticatorData: authData.toString('base64url'),
        signature: sign('sha256', signed, this.keys.privateKey).toString('base64url'),
      },
    };
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** RP ID hash, flags (user present, maybe verified, plus `extra`), counter. */
  private authDataHead(rpId: string, extra: number): Buffer {
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.signCount);
    const flags = 0x01 | (this.userVerified ? 0x04 : 0) | extra;
    return Buffer.concat([createHash('sha256').update(rpId).digest(), Buffer.from([flags]), counter]);
  }
}

/** The public key as a COSE EC2 map: kty 2, alg ES256, crv P-256, x, y. */
function coseKey(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  const key = new Map<number, unknown>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
    [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
  ]);
  return Buffer.from(isoCBOR.encode(key as never));
}
