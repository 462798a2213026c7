import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.js';

describe('audit cursor', () => {
  it('reads back what it wrote', () => {
    const position = { at: new Date('2026-03-03T10:00:00.123Z'), id: 'Zx_9-abc' };
    expect(decodeAuditCursor(encodeAuditCursor(position))).toEqual(position);
  });

  it.each([
    '',
    'garbage',
    Buffer.from('2026-03-03T10:00:00.000Z|').toString('base64url'),
    Buffer.from("2026-03-03T10:00:00.000Z|x' or 1=1").toString('base64url'),
    Buffer.from('2026-13-45T10:00:00.000Z|abc').toString('base64url'),
  ])('refuses a cursor it did not write: %j', (cursor) => {
    expect(() => decodeAuditCursor(cursor)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    try {
      decodeAuditCursor(cursor);
    } catch (error) {
      expect(isDomainError(error, 'invalid_input')).toBe(true);
    }
  });
});
