import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDate } from '../../../src/core/date/index';
import { euros } from '../../../src/core/index';
import type { Issue } from '../../../src/core/index';
import { parseBankCsv, serializeBankCsv, streamBankCsv } from '../../../src/returns/bank/index';
import type { BankCsvEvent, BankCsvOptions, BankMovement } from '../../../src/returns/bank/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { csvMovementsArb } from './arbitraries';

const FIXTURE = readFileSync(new URL('../../fixtures/bank/releve-cpam.csv', import.meta.url), 'utf8');

/** Runs the streaming reader over chunks; movements and issues apart. */
async function streamAll(chunks: Iterable<string> | AsyncIterable<string>, o: BankCsvOptions = {}): Promise<{ movements: BankMovement[]; issues: Issue[] }> {
  const movements: BankMovement[] = [];
  const issues: Issue[] = [];
  for await (const ev of streamBankCsv(chunks, o) as AsyncIterable<BankCsvEvent>) {
    if (ev.kind === 'movement') movements.push(ev.movement);
    else issues.push(ev.issue);
  }
  return { movements, issues };
}

/** `total` characters made of `unit` repeated, as 1 MiB chunks (never one big string). */
function* repeated(unit: string, total: number, head = 'Date;Libellé;Montant\n'): Generator<string> {
  yield head;
  const chunk = unit.repeat(Math.ceil((1 << 20) / unit.length));
  for (let n = 0; n < total; n += chunk.length) yield chunk;
}

describe('parseBankCsv', () => {
  it('reads the fixture (semicolon, decimal comma, JJ/MM/AAAA)', () => {
    const ms = expectOk(parseBankCsv(FIXTURE));
    expect(ms.map((m) => m.montant)).toEqual([euros('86.50'), euros('12.00'), euros('-3.90')]);
    expect(ms[0]!.date).toBe(plainDate('2025-03-05'));
    expect(ms[0]!.source).toEqual({ format: 'csv', record: 2 });
  });
  it('reads split débit / crédit columns, ISO dates, thousands separators and quotes', () => {
    const text = 'Date,Libellé,Débit,Crédit\n2025-03-05,"VIR CPAM, PARIS",,1 234.50\n2025-03-06,FRAIS,3.90,\n';
    const o: BankCsvOptions = { separator: ',', decimalMark: '.', thousandsSeparator: ' ', dateFormat: 'AAAA-MM-JJ', columns: { date: 0, libelle: 1, debit: 2, credit: 3 } };
    const ms = expectOk(parseBankCsv(text, o));
    expect(ms.map((m) => [m.libelle, m.montant])).toEqual([['VIR CPAM, PARIS', euros('1234.50')], ['FRAIS', euros('-3.90')]]);
  });
  it('reads CR, LF and CRLF line ends, quoted newlines and quotes inside unquoted text', () => {
    const text = 'h\r\n05/03/2025;"VIR\nCPAM";1,00\r06/03/2025;VIR "X";2,00\n\n\r\n07/03/2025;Z;3,00';
    const ms = expectOk(parseBankCsv(text));
    expect(ms.map((m) => [m.libelle, m.montant.centimes, m.source.record])).toEqual([['VIR\nCPAM', 100, 2], ['VIR "X"', 200, 4], ['Z', 300, 7]]);
  });
  it('names the line and column of bad data', () => {
    expectIssue(parseBankCsv('h\n31/02/2025;X;1,00\n'), 'BANK_CSV_DATE', ['lines', 1, 'date']);
    expectIssue(parseBankCsv('h\n01/02/2025;X;1.00\n'), 'BANK_CSV_AMOUNT', ['lines', 1, 'montant']);
    expectIssue(parseBankCsv('h\n01/02/2025;X\n'), 'BANK_CSV_COLUMNS', ['lines', 1, 'montant']);
    expectIssue(parseBankCsv('h\n01/02/2025;"X;1,00\n'), 'BANK_CSV_QUOTE');
  });
  it('checks its arguments (INPUT_* issues, never a crash)', () => {
    expectIssue(parseBankCsv(null as never), 'INPUT_TYPE', ['text']);
    expectIssue(parseBankCsv('x', { separator: '"' }), 'INPUT_TYPE', ['options', 'separator']);
    expectIssue(parseBankCsv('x', { columns: { date: 0, libelle: 1 } }), 'INPUT_MISSING', ['options', 'columns', 'montant']);
    expectIssue(parseBankCsv('x', { maxIssues: 0 }), 'INPUT_RANGE', ['options', 'maxIssues']);
  });
});

describe('serializeBankCsv', () => {
  it('writes amounts from integer centimes and refuses a float instead of writing `1950,.5`', () => {
    const m: BankMovement = { date: plainDate('2025-03-05'), libelle: 'VIR CPAM', montant: euros('1950.50'), source: { format: 'csv', record: 2 } };
    expect(expectOk(serializeBankCsv([m]))).toBe('date;libelle;montant\n05/03/2025;VIR CPAM;1950,50\n');
    const bad = serializeBankCsv([{ ...m, montant: { centimes: 1950.5 } }]);
    expectIssue(bad, 'INPUT_RANGE', ['movements', 0, 'montant', 'centimes']);
  });
  it('quotes an amount whose decimal comma is the separator', () => {
    const m: BankMovement = { date: plainDate('2025-03-05'), libelle: 'A', montant: euros('-1.05'), source: { format: 'csv', record: 2 } };
    expect(expectOk(serializeBankCsv([m], { separator: ',' }))).toBe('date,libelle,montant\n05/03/2025,A,"-1,05"\n');
  });
});

describe('large and hostile inputs: bounded issues, parse completes (memory is measured in bench/bankCsv.bench.ts)', { timeout: 180_000 }, () => {
  const MB = 1 << 20;
  it('20 MB of blank lines: no movement, no issue', async () => {
    const r = await streamAll(repeated('\n', 20 * MB));
    expect(r).toEqual({ movements: [], issues: [] });
    expect(expectOk(parseBankCsv('Date;Libellé;Montant\n' + '\n'.repeat(20 * MB)))).toEqual([]);
  });
  it('50 MB of bare `\\r`: no movement, no issue', async () => {
    expect(await streamAll(repeated('\r', 50 * MB))).toEqual({ movements: [], issues: [] });
  });
  it('an unclosed quote over 50 MB: one BANK_CSV_RECORD_SIZE, reading stops', async () => {
    const r = await streamAll(repeated('x', 50 * MB, 'Date;Libellé;Montant\n05/03/2025;"never closed'));
    expect(r.movements).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['BANK_CSV_RECORD_SIZE']);
    expect(r.issues[0]!.source).toEqual({ record: 2 });
    const one = parseBankCsv('h\n05/03/2025;"never closed' + 'x'.repeat(50 * MB));
    expect(one.issues.map((i) => i.code)).toEqual(['BANK_CSV_RECORD_SIZE']);
  });
  it('20 MB of bad lines: at most maxIssues issues then BANK_CSV_MAX_ISSUES', async () => {
    const r = await streamAll(repeated('31/02/2025;X;1,00\n', 20 * MB), { maxIssues: 50 });
    expect(r.issues).toHaveLength(51);
    expect(r.issues.at(-1)!.code).toBe('BANK_CSV_MAX_ISSUES');
    const one = parseBankCsv('h\n' + 'nope;X;1,00\n'.repeat((20 * MB) / 12));
    expect(one.issues.length).toBeLessThanOrEqual(101);
    expectIssue(one, 'BANK_CSV_MAX_ISSUES');
  });
});

describe('properties', () => {
  const layouts: BankCsvOptions[] = [
    {},
    { separator: ',', decimalMark: '.', dateFormat: 'AAAA-MM-JJ' },
    { separator: ',', decimalMark: ',' },
    { separator: '\t', columns: { date: 2, libelle: 0, debit: 3, credit: 1 } },
  ];
  test.prop([csvMovementsArb, fc.constantFrom(...layouts)], { numRuns: runs(200) })('parse(serialize(x)) = x', (ms, o) => {
    expect(expectOk(parseBankCsv(expectOk(serializeBankCsv(ms, o)), o))).toEqual(ms);
  });
  test.prop([csvMovementsArb, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 })], { numRuns: runs(100) })('streaming in any chunks reads what the one-shot reader reads', async (ms, cuts) => {
    const text = expectOk(serializeBankCsv(ms));
    const chunks: string[] = [];
    for (let i = 0, k = 0; i < text.length; k++) {
      const n = cuts[k % cuts.length]!;
      chunks.push(text.slice(i, i + n));
      i += n;
    }
    expect((await streamAll(chunks)).movements).toEqual(expectOk(parseBankCsv(text)));
  });
  test.prop([fc.string({ maxLength: 300 })], { numRuns: runs(2000) })('never throws on random text; issues stay ≤ maxIssues + 1', (text) => {
    const r = parseBankCsv(text, { maxIssues: 5 });
    expect(r.issues.length).toBeLessThanOrEqual(6);
  });
});
