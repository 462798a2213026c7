import type { SecretBox } from '../../ports/secret-box.js';

/** Seals a message's body for the row `id`: a copy of the database must not yield a reset link. */
export function sealBody<T extends { text: string; html: string | null }>(
  message: T,
  id: string,
  box: SecretBox,
): T {
  const seal = (text: string, part: string) =>
    box.seal(new TextEncoder().encode(text), `message:${id}:${part}`);
  return {
    ...message,
    text: seal(message.text, 'text'),
    html: message.html === null ? null : seal(message.html, 'html'),
  };
}

/** The body as written, from a row sealed by `sealBody`. */
export function openBody<T extends { id: string; text: string; html: string | null }>(
  message: T,
  box: SecretBox,
): T {
  const open = (sealed: string, part: string) =>
    new TextDecoder().decode(box.open(sealed, `message:${message.id}:${part}`));
  return {
    ...message,
    text: open(message.text, 'text'),
    html: message.html === null ? null : open(message.html, 'html'),
  };
}
