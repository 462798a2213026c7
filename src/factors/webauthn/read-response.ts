import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';

/**
 * The browser's answer, as JSON text, read into the shape the verifier expects, or null. Only the
 * envelope is checked here; the signed bytes inside are the library's to check.
 */
export function readRegistrationResponse(text: string): RegistrationResponseJSON | null {
  const value = parseObject(text);
  if (!value || !isEnvelope(value)) return null;
  const response = value.response as Record<string, unknown>;
  if (!isText(response.clientDataJSON) || !isText(response.attestationObject)) return null;
  if (response.transports !== undefined && !isTextList(response.transports)) return null;
  return { clientExtensionResults: {}, ...value } as unknown as RegistrationResponseJSON;
}

export function readAuthenticationResponse(text: string): AuthenticationResponseJSON | null {
  const value = parseObject(text);
  if (!value || !isEnvelope(value)) return null;
  const response = value.response as Record<string, unknown>;
  const parts = [response.clientDataJSON, response.authenticatorData, response.signature];
  if (!parts.every(isText)) return null;
  return { clientExtensionResults: {}, ...value } as unknown as AuthenticationResponseJSON;
}

/** The challenge the browser signed, from its client data; null when it is not there. */
export function signedChallenge(clientDataJSON: string): string | null {
  const clientData = parseObject(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
  return clientData && isText(clientData.challenge) ? clientData.challenge : null;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function isEnvelope(value: Record<string, unknown>): boolean {
  return (
    isText(value.id) &&
    isText(value.rawId) &&
    value.type === 'public-key' &&
    value.response !== null &&
    typeof value.response === 'object'
  );
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 8192;
const isTextList = (value: unknown): boolean =>
  Array.isArray(value) && value.length <= 8 && value.every(isText);
