import { describe, expect, it } from 'vitest';
import {
  assert,
  createIssueFactory,
  defineIssueCodes,
  err,
  hasErrors,
  isSesamError,
  ok,
  resultOf,
  SesamError,
  unwrap,
} from '../../src/core/issues/index';

const CODES = defineIssueCodes({
  T_ONE: { family: 'FORMAT', message: 'attendu {expected}, reçu {received}', ref: 'SPEC §1' },
  T_WARN: { family: 'RULE', severity: 'warning', message: 'attention' },
});
const issue = createIssueFactory(CODES);

describe('issues', () => {
  it('builds issues from the code table', () => {
    const i = issue('T_ONE', { path: ['a', 0], expected: 'N', received: 'X', source: { record: 2, column: 5 } });
    expect(i).toEqual({
      code: 'T_ONE',
      family: 'FORMAT',
      severity: 'error',
      path: ['a', 0],
      message: 'attendu N, reçu X',
      expected: 'N',
      received: 'X',
      source: { record: 2, column: 5 },
      ref: 'SPEC §1',
    });
    expect(issue('T_WARN').severity).toBe('warning');
    expect(issue('T_ONE').message).toBe('attendu ?, reçu ?');
    expect(issue('T_ONE', { message: 'autre', severity: 'warning', ref: 'X' })).toMatchObject({ message: 'autre', severity: 'warning', ref: 'X' });
    expect(() => (issue as (c: string) => unknown)('NOPE')).toThrow();
    // Untrusted details never make the factory throw, and `$` patterns are kept verbatim.
    const junk = [{ toString: false }] as unknown as string;
    expect(issue('T_ONE', { received: junk }).received).toBe('[{"toString":false}]');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(issue('T_ONE', { received: [cyclic, { toString: false }] }).received).toBe('array');
    expect(issue('T_ONE', { received: { a: 1 } }).received).toBe('{"a":1}');
    expect(issue('T_ONE', { received: Symbol('s') }).received).toBe('Symbol(s)');
    expect(issue('T_ONE', { received: 12, expected: null }).message).toBe('attendu null, reçu 12');
    expect(issue('T_ONE', { received: "$& $' $`" }).message).toBe("attendu ?, reçu $& $' $`");
    expect(issue('T_ONE', { received: { toString: () => 'X' } }).received).toBe('X');
    expect(issue('T_ONE', { received: 5n }).received).toBe('5');
  });

  it('builds results', () => {
    const w = issue('T_WARN');
    const e = issue('T_ONE');
    expect(ok(1)).toEqual({ ok: true, value: 1, issues: [] });
    expect(err(e, w)).toEqual({ ok: false, issues: [e, w] });
    expect(resultOf(1, [w])).toEqual({ ok: true, value: 1, issues: [w] });
    expect(resultOf(1, [w, e]).ok).toBe(false);
    expect(hasErrors([w])).toBe(false);
    expect(hasErrors([w, e])).toBe(true);
  });

  it('unwraps or throws a SesamError carrying the issues', () => {
    expect(unwrap(ok(3))).toBe(3);
    const e = issue('T_ONE');
    try {
      unwrap(err(e));
      expect.fail('should throw');
    } catch (x) {
      expect(isSesamError(x)).toBe(true);
      expect((x as SesamError).code).toBe('UNWRAP');
      expect((x as SesamError).issues).toEqual([e]);
    }
  });

  it('recognises SesamErrors across class copies', () => {
    const copy = Object.assign(new Error('x'), { name: 'SesamError', code: 'IO' });
    expect(isSesamError(copy)).toBe(true);
    expect(isSesamError(new Error('x'))).toBe(false);
    expect(isSesamError('x')).toBe(false);
    const withCause = new SesamError('IO', 'disk', { cause: new Error('EIO') });
    expect(withCause.cause).toBeInstanceOf(Error);
    expect(withCause.message).toBe('[sesam-billing] disk');
    expect(() => assert(false, 'nope')).toThrow(/nope/);
    expect(() => assert(true, 'fine')).not.toThrow();
  });
});
