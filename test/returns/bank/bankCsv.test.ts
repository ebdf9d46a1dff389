import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDate } from '../../../src/core/date/index';
import { euros } from '../../../src/core/index';
import { parseBankCsv, serializeBankCsv } from '../../../src/returns/bank/index';
import type { BankCsvOptions } from '../../../src/returns/bank/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { csvMovementsArb } from './arbitraries';

const FIXTURE = readFileSync(new URL('../../fixtures/bank/releve-cpam.csv', import.meta.url), 'utf8');

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
  it('names the line and column of bad data', () => {
    expectIssue(parseBankCsv('h\n31/02/2025;X;1,00\n'), 'BANK_CSV_DATE', ['lines', 1, 'date']);
    expectIssue(parseBankCsv('h\n01/02/2025;X;1.00\n'), 'BANK_CSV_AMOUNT', ['lines', 1, 'montant']);
    expectIssue(parseBankCsv('h\n01/02/2025;X\n'), 'BANK_CSV_COLUMNS', ['lines', 1, 'montant']);
    expectIssue(parseBankCsv('h\n01/02/2025;"X;1,00\n'), 'BANK_CSV_QUOTE');
  });
});

describe('properties', () => {
  const layouts: BankCsvOptions[] = [
    {},
    { separator: ',', decimalMark: '.', dateFormat: 'AAAA-MM-JJ' },
    { separator: '\t', columns: { date: 2, libelle: 0, debit: 3, credit: 1 } },
  ];
  test.prop([csvMovementsArb, fc.constantFrom(...layouts)])('parse(serialize(x)) = x', (ms, o) => {
    expect(expectOk(parseBankCsv(serializeBankCsv(ms, o), o))).toEqual(ms);
  });
  test.prop([fc.string({ maxLength: 300 })], { numRuns: 2000 })('never throws on random text', (text) => {
    expect(typeof parseBankCsv(text).ok).toBe('boolean');
  });
});
