import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDate } from '../../../src/core/date/index';
import { euros, unwrap } from '../../../src/core/index';
import {
  computeBankMovements,
  decodeCfonbAmount,
  encodeCfonbAmount,
  parseCfonb120,
  serializeCfonb120,
} from '../../../src/returns/bank/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { cfonbFileArb, moneyArb } from './arbitraries';
import { runs } from '../../helpers/runs';

const FIXTURE = readFileSync(new URL('../../fixtures/bank/releve-cpam.cfonb', import.meta.url));

describe('decodeCfonbAmount', () => {
  it('reads the overpunch sign and last digit', () => {
    expect(decodeCfonbAmount('0000000000322J', 2)).toEqual({ ok: true, montant: { centimes: -3221 } });
    expect(decodeCfonbAmount('0000000001904}', 2)).toEqual({ ok: true, montant: { centimes: -19040 } });
    expect(decodeCfonbAmount('0000000000974I', 2)).toEqual({ ok: true, montant: { centimes: 9749 } });
    expect(decodeCfonbAmount('0000000000120{', 2)).toEqual({ ok: true, montant: { centimes: 1200 } });
  });
  it('scales by the nombre de décimales', () => {
    expect(decodeCfonbAmount('0000000000012{', 0)).toEqual({ ok: true, montant: { centimes: 12000 } });
    expect(decodeCfonbAmount('0000000001201{', 3)).toEqual({ ok: true, montant: { centimes: 1201 } });
    expect(decodeCfonbAmount('0000000001200A', 3)).toEqual({ ok: false, reason: 'precision' });
  });
  it('refuses a bad sign character or non-digits', () => {
    expect(decodeCfonbAmount('00000000001200', 2)).toEqual({ ok: false, reason: 'format' });
    expect(decodeCfonbAmount('0000000 00120{', 2)).toEqual({ ok: false, reason: 'format' });
  });
});

describe('parseCfonb120', () => {
  it('reads the synthetic CPAM statement', () => {
    const file = expectOk(parseCfonb120(FIXTURE));
    expect(file.statements).toHaveLength(1);
    const s = file.statements[0]!;
    expect(s.compte).toEqual({ codeBanque: '30004', codeGuichet: '00123', devise: 'EUR', nombreDecimales: 2, numeroCompte: '00012345678' });
    expect(s.ancienSolde).toEqual({ date: plainDate('2025-03-04'), montant: euros('1520.30') });
    expect(s.nouveauSolde.montant).toEqual(euros('1614.90'));
    expect(s.mouvements.map((m) => m.montant)).toEqual([euros('86.50'), euros('12.00'), euros('-3.90')]);
    expect(s.mouvements[0]!.complements.map((c) => c.qualifiant)).toEqual(['LIB', 'NPY', 'REF']);
    expect(s.mouvements[0]!.reference).toBe('NOE250305001');
    expect(s.mouvements[2]!.record).toBe(7);
  });
  it('flattens to movements with the compléments in the libellé', () => {
    const ms = computeBankMovements(unwrap(parseCfonb120(FIXTURE)));
    expect(ms[0]!.libelle).toBe('VIR SEPA CPAM PARIS PAIEMENT NOEMIE 250305 CPAM 751 CPAM DE PARIS VIR250305751');
    expect(ms[0]!.source).toEqual({ format: 'cfonb120', record: 2 });
  });
  it('takes the JJMMAA century pivot as referenceDate (dateReference: deprecated name)', () => {
    expect(expectOk(parseCfonb120(FIXTURE, { referenceDate: plainDate('1950-01-01') })).statements[0]!.ancienSolde.date).toBe('1925-03-04');
    expect(expectOk(parseCfonb120(FIXTURE, { dateReference: plainDate('1950-01-01') })).statements[0]!.ancienSolde.date).toBe('1925-03-04');
    expectIssue(parseCfonb120(FIXTURE, { referenceDate: 'hier' as never }), 'INPUT_TYPE', ['options', 'referenceDate']);
  });
  it('accepts CRLF, blank lines and back-to-back records', () => {
    const text = FIXTURE.toString('latin1');
    const crlf = text.replace(/\n/g, '\r\n\r\n');
    expect(expectOk(parseCfonb120(crlf))).toEqual(expectOk(parseCfonb120(text)));
    expect(expectOk(parseCfonb120(text.replace(/\n/g, '')))).toEqual(expectOk(parseCfonb120(text)));
  });
  it('pads stripped trailing blanks unless told not to', () => {
    const stripped = FIXTURE.toString('latin1').split('\n').map((l) => l.trimEnd()).join('\n');
    expectOk(parseCfonb120(stripped));
    expectIssue(parseCfonb120(stripped, { padShortRecords: false }), 'BANK_CFONB_RECORD_LENGTH');
  });
  it('reports a balance that does not add up, with the statement index', () => {
    const text = FIXTURE.toString('latin1').replace('0000000016149{', '0000000016148{');
    expectIssue(parseCfonb120(text), 'BANK_CFONB_BALANCE_MISMATCH', ['statements', 0]);
    const warned = parseCfonb120(text, { balanceCheck: 'warning' });
    expect(warned.ok).toBe(true);
    expect(parseCfonb120(text, { balanceCheck: 'off' }).issues).toEqual([]);
  });
  it('reports sequencing errors and unknown codes with their record', () => {
    const lines = FIXTURE.toString('latin1').split('\n');
    const noHead = lines.slice(1).join('\n');
    const i = expectIssue(parseCfonb120(noHead), 'BANK_CFONB_SEQUENCE', ['records', 0]);
    expect(i.source?.record).toBe(1);
    expectIssue(parseCfonb120(lines.slice(0, -2).join('\n')), 'BANK_CFONB_SEQUENCE');
    expectIssue(parseCfonb120(`${lines[0]!.replace(/^01/, '09')}\n`), 'BANK_CFONB_RECORD_CODE', ['records', 0]);
  });
  it('reports a bad amount and a bad date', () => {
    const text = FIXTURE.toString('latin1');
    expectIssue(parseCfonb120(text.replace('0000000000865{', '0000000000865X')), 'BANK_CFONB_AMOUNT', ['records', 1, 'montant']);
    expectIssue(parseCfonb120(text.replace('VIR SEPA CPAM', 'VIR SEPA CPAM').replace('05050325  050325', '05320325  050325')), 'BANK_CFONB_DATE', ['records', 1, 'dateComptable']);
  });
  it('reports an account change between 01 and 07', () => {
    const lines = FIXTURE.toString('latin1').split('\n');
    lines[7] = lines[7]!.replace('00012345678', '00012345679');
    expectIssue(parseCfonb120(lines.join('\n')), 'BANK_CFONB_ACCOUNT_MISMATCH');
  });
});

describe('serializeCfonb120', () => {
  it('writes the fixture back byte for byte', () => {
    expect(unwrap(serializeCfonb120(unwrap(parseCfonb120(FIXTURE))))).toBe(FIXTURE.toString('latin1'));
  });
  it('refuses a libellé longer than its zone', () => {
    const file = unwrap(parseCfonb120(FIXTURE));
    const s = file.statements[0]!;
    const long = { statements: [{ ...s, mouvements: [{ ...s.mouvements[0]!, libelle: 'X'.repeat(32) }] }] };
    expectIssue(serializeCfonb120(long), 'BANK_CFONB_RECORD_LENGTH', ['statements', 0, 'mouvements', 0, 'libelle']);
  });
});

describe('properties', () => {
  test.prop([moneyArb, fc.integer({ min: 2, max: 5 })])('amount encode/decode round trip', (m, d) => {
    const text = encodeCfonbAmount(m, d);
    expect(text).toHaveLength(14);
    expect(decodeCfonbAmount(text!, d)).toEqual({ ok: true, montant: m });
  });
  test.prop([cfonbFileArb])('parse(serialize(x)) = x', (file) => {
    expect(expectOk(parseCfonb120(unwrap(serializeCfonb120(file))))).toEqual(file);
  });
  test.prop([cfonbFileArb])('back-to-back records read the same', (file) => {
    expect(expectOk(parseCfonb120(unwrap(serializeCfonb120(file, { lineEnd: '' }))))).toEqual(file);
  });
  test.prop([fc.uint8Array({ maxLength: 600 })], { numRuns: runs(2000) })('never throws on random bytes', (bytes) => {
    const r = parseCfonb120(bytes);
    expect(typeof r.ok).toBe('boolean');
  });
  test.prop([fc.integer({ min: 0, max: FIXTURE.length - 1 }), fc.integer({ min: 0, max: 255 })], { numRuns: runs(2000) })('never throws on a mutated fixture', (at, byte) => {
    const copy = Uint8Array.from(FIXTURE);
    copy[at] = byte;
    const r = parseCfonb120(copy);
    expect(typeof r.ok).toBe('boolean');
  });
});
