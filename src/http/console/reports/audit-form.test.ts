import { describe, expect, it } from 'vitest';
import { auditFormQuery, parseAuditForm } from './audit-form.js';

describe('parseAuditForm', () => {
  it('reads every filter; "until" includes its whole day', () => {
    const result = parseAuditForm({
      email: ' Ann@Example.com ',
      organization: 'o1',
      type: 'sign_in_failed',
      from: '2026-10-01',
      until: '2026-10-31',
    });
    expect(result).toEqual({
      ok: true,
      values: {
        email: 'Ann@Example.com',
        organization: 'o1',
        type: 'sign_in_failed',
        from: '2026-10-01',
        until: '2026-10-31',
      },
      query: {
        email: 'Ann@Example.com',
        organizationId: 'o1',
        types: ['sign_in_failed'],
        from: new Date('2026-10-01T00:00:00Z'),
        until: new Date('2026-11-01T00:00:00Z'),
      },
    });
  });

  it('leaves out what is empty', () => {
    const result = parseAuditForm({});
    expect(result.ok && result.query).toEqual({
      email: undefined,
      organizationId: undefined,
      types: undefined,
      from: undefined,
      until: undefined,
    });
  });

  it('matches nothing for a malformed event type rather than ignoring the filter', () => {
    const result = parseAuditForm({ type: "x' OR 1=1" });
    expect(result.ok && result.query.types).toEqual([]);
  });

  it.each([
    [{ from: 'yesterday' }],
    [{ until: '2026-02-31' }],
    [{ from: '2026-10-02', until: '2026-10-01' }],
  ])('refuses a date range that is not one: %j', (params) => {
    expect(parseAuditForm(params)).toMatchObject({ ok: false, problem: 'badRange' });
  });

  it('keeps the same day on both ends', () => {
    expect(parseAuditForm({ from: '2026-10-01', until: '2026-10-01' }).ok).toBe(true);
  });
});

describe('auditFormQuery', () => {
  it('writes only the filters that are set, escaped', () => {
    const values = { email: 'a+b@example.com', organization: '', type: '', from: '2026-10-01', until: '' };
    expect(auditFormQuery(values, { cursor: 'abc' })).toBe(
      '?email=a%2Bb%40example.com&from=2026-10-01&cursor=abc',
    );
    expect(auditFormQuery({ email: '', organization: '', type: '', from: '', until: '' })).toBe('');
  });
});
