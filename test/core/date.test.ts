import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import {
  addDays,
  ageAt,
  compareDates,
  daysBetween,
  daysInMonth,
  formatAaaammjj,
  formatAammjj,
  fromEpochDays,
  isPlainDate,
  parseAaaammjj,
  parseAammjj,
  parsePlainDate,
  plainDate,
  plainDateOf,
  toEpochDays,
  toYmd,
} from '../../src/core/date/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';

describe('PlainDate', () => {
  it('validates ISO dates', () => {
    expect(isPlainDate('2024-02-29')).toBe(true);
    expect(isPlainDate('2023-02-29')).toBe(false);
    expect(isPlainDate('1900-02-29')).toBe(false);
    expect(isPlainDate('2000-02-29')).toBe(true);
    expect(isPlainDate(20240101)).toBe(false);
    expectIssue(parsePlainDate('2024-13-01', ['date']), 'DATE_INVALID', ['date']);
    expectIssue(parsePlainDate('01/02/2024'), 'DATE_FORMAT');
    expectIssue(parsePlainDate(undefined), 'DATE_FORMAT');
    expect(expectOk(parsePlainDate('2024-12-22'))).toBe('2024-12-22');
    expect(() => plainDate('2024-02-30')).toThrow();
    expect(() => plainDateOf(2024, 0, 1)).toThrow();
    expect(daysInMonth(2024, 4)).toBe(30);
  });

  it('does day arithmetic without time zones', () => {
    const d = plainDate('2024-12-22');
    expect(addDays(d, 10)).toBe('2025-01-01');
    expect(addDays(d, -366)).toBe('2023-12-22');
    expect(daysBetween(plainDate('2024-05-15'), plainDate('2024-05-27'))).toBe(12);
    expect(toEpochDays(plainDate('1970-01-02'))).toBe(1);
    expect(fromEpochDays(-1)).toBe('1969-12-31');
    expect(compareDates(d, plainDate('2024-12-21'))).toBe(1);
    expect(compareDates(d, d)).toBe(0);
    expect(compareDates(plainDate('2024-01-01'), d)).toBe(-1);
    expect(toYmd(d)).toEqual({ year: 2024, month: 12, day: 22 });
    expect(toEpochDays(plainDate('0050-06-01'))).toBeLessThan(0);
  });

  it('computes ages in completed years', () => {
    expect(ageAt(plainDate('2008-03-15'), plainDate('2026-03-14'))).toBe(17);
    expect(ageAt(plainDate('2008-03-15'), plainDate('2026-03-15'))).toBe(18);
    expect(ageAt(plainDate('2008-02-29'), plainDate('2026-02-28'))).toBe(17);
    expect(ageAt(plainDate('2008-02-29'), plainDate('2026-03-01'))).toBe(18);
  });
});

describe('spec formats', () => {
  it('reads AAMMJJ with a century rule', () => {
    const referenceDate = plainDate('2026-11-23');
    expect(expectOk(parseAammjj('261122', { referenceDate }))).toBe('2026-11-22');
    expect(expectOk(parseAammjj('991231', { referenceDate }))).toBe('1999-12-31');
    expect(expectOk(parseAammjj('700101', { referenceDate }))).toBe('2070-01-01');
    expect(expectOk(parseAammjj('770101', { referenceDate }))).toBe('1977-01-01');
    expect(expectOk(parseAammjj('261124', { referenceDate, century: 'past' }))).toBe('1926-11-24');
    expect(expectOk(parseAammjj('261123', { referenceDate, century: 'past' }))).toBe('2026-11-23');
    expect(expectOk(parseAammjj('080315', { referenceDate, century: 'past' }))).toBe('2008-03-15');
    expectIssue(parseAammjj('2611', { referenceDate, path: ['x'] }), 'DATE_SPEC_FORMAT', ['x']);
    expectIssue(parseAammjj('230229', { referenceDate }), 'DATE_SPEC_INVALID');
    expect(expectOk(parseAammjj('240229', { referenceDate: plainDate('1950-01-01') }))).toBe('1924-02-29');
    expect(formatAammjj(plainDate('2024-12-22'))).toBe('241222');
    expect(expectOk(parseAammjj('200101', { referenceDate: plainDate('2080-01-01') }))).toBe('2120-01-01');
  });
  it('needs its pivot (never the clock); the 0.2 name `reference` is deprecated and still read', () => {
    expectIssue(parseAammjj('261122', {} as never), 'INPUT_MISSING', ['options', 'referenceDate']);
    expect(expectOk(parseAammjj('991231', { reference: plainDate('2026-11-23') }))).toBe('1999-12-31');
    expect(expectOk(parseAammjj('991231', { referenceDate: plainDate('2126-11-23'), reference: plainDate('2026-11-23') } as never))).toBe('2099-12-31');
  });

  it('reads AAAAMMJJ', () => {
    expect(expectOk(parseAaaammjj('20241222'))).toBe('2024-12-22');
    expectIssue(parseAaaammjj('2024122'), 'DATE_SPEC_FORMAT');
    expectIssue(parseAaaammjj('20241232'), 'DATE_SPEC_INVALID');
    expect(formatAaaammjj(plainDate('2024-12-22'))).toBe('20241222');
  });
});

describe('properties', () => {
  const date = fc.date({ min: new Date('1901-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) =>
    plainDateOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()),
  );
  test.prop([date, fc.integer({ min: -20000, max: 20000 })])('addDays and daysBetween are inverse', (d, n) => {
    expect(daysBetween(d, addDays(d, n))).toBe(n);
  });
  test.prop([date])('AAAAMMJJ round-trips; AAMMJJ round-trips within 50 years of the reference', (d) => {
    expect(expectOk(parseAaaammjj(formatAaaammjj(d)))).toBe(d);
    expect(expectOk(parseAammjj(formatAammjj(d), { referenceDate: d }))).toBe(d);
    expect(expectOk(parseAammjj(formatAammjj(d), { referenceDate: addDays(d, 3650), century: 'past' }))).toBe(d);
  });
  test.prop([fc.string()])('parsers never throw', (s) => {
    expect(() => parsePlainDate(s)).not.toThrow();
    expect(() => parseAammjj(s, { referenceDate: plainDate('2026-01-01') })).not.toThrow();
    expect(() => parseAaaammjj(s)).not.toThrow();
  });
});
