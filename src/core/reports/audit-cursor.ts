import { DomainError } from '../errors.js';

/** Where a page of the audit log ended: the last event's time and id. */
export interface AuditPosition {
  at: Date;
  id: string;
}

/**
 * The opaque `cursor` of the audit explorer. It only says where to continue, never what to show,
 * so a tampered cursor can skip rows of the caller's own filter but never widen it.
 */
export function encodeAuditCursor(position: AuditPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`, 'utf8').toString('base64url');
}

const cursorShape = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([A-Za-z0-9_-]{1,64})$/;

/** Reads a cursor back; anything we did not write is `invalid_input`. */
export function decodeAuditCursor(cursor: string): AuditPosition {
  const match = cursorShape.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const at = match?.[1] ? new Date(match[1]) : null;
  if (!match?.[2] || !at || Number.isNaN(at.getTime())) {
    throw new DomainError('invalid_input', 'cursor is not one this server gave out');
  }
  return { at, id: match[2] };
}
