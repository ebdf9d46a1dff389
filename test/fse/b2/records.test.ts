import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { plainDate } from '../../../src/core/date/index';
import { euros } from '../../../src/core/money/index';
import type { Layout } from '../../../src/internal/fixed-width/index';
import { parseRecord, readRecords, serializeRecord, serializeRecords } from '../../../src/internal/fixed-width/index';
import type { B2RecordType, Record1, Record4, Record6 } from '../../../src/fse/b2/records/index';
import {
  B2_000,
  B2_1,
  B2_2,
  B2_2M,
  B2_2S,
  B2_4,
  B2_4F,
  B2_4M,
  B2_5,
  B2_6,
  B2_999,
  B2_LAYOUTS,
  parseB2Record,
  recordTypeOf,
} from '../../../src/fse/b2/records/index';
import { arbNoisyTextOf, arbRecordOf, arbRecordTextOf, FW_REFERENCE } from '../../arbitraries/fixedWidth';
import { makeNir, makeNumeroFacturation } from '../../arbitraries/ids';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';

const reference = plainDate('2025-03-15');
const numeroPs = makeNumeroFacturation('75123456');
const nir = makeNir({ sex: 2, year: 85, month: 7, dept: '2A', commune: '004', ordre: 912 });
const assure = { numeroPs, nirAssure: nir.slice(0, 13), cleNir: nir.slice(13), numeroFacture: 1042 } as const;

/** A 128-column record built from explicit (column, text) pairs: the hand check against SPECS. */
function columns(pairs: readonly (readonly [number, string])[]): string {
  const chars = Array.from({ length: 128 }, () => ' ');
  for (const [col, text] of pairs) for (let i = 0; i < text.length; i++) chars[col - 1 + i] = text[i] as string;
  return chars.join('');
}

/** Realistic fictitious records, one per layout (NIR and n° PS with valid keys). */
const EXAMPLES: { readonly [T in B2RecordType]: Record<string, unknown> } = {
  '000': {
    typeEmetteur: 'TP', numeroEmetteur: `00000${numeroPs}`, typeDestinataire: 'CT', numeroDestinataire: '01751CPAM',
    application: 'SV', identificationFichier: '000042', dateCreationFichier: reference, norme: 'SVPS', versionNorme: 'B2',
    longueurEnregistrement: 128,
  },
  '1': {
    numeroPs, numeroOrganismeDestinataire: '751', numeroLot: 7, nomRaisonSociale: 'DR MARTIN CLAIRE', versionNorme: '02',
    dateCreationLot: reference, codeNorme: 'PS', topCertification: 'S', numeroVersionNorme: '014000', uniteMonetaire: 'E',
    grandRegimeCaissePivot: '01', numeroCaissePivot: '751',
  },
  '2': {
    ...assure, natureOperation: '1', dateFacturation: reference, typeFacture: 'F', grandRegime: '01', caisseGestionnaire: '751',
    centreGestionnaire: '0201', naturePieceJustificative: '1', natureAssurance: '10', justificationExoneration: '0',
    cpsRemplacant: '0', dateNaissance: '850712', rangNaissance: '1', destinataireReglement: '05', typeContratAmc: '89',
    numeroOrganismeComplementaire: '0000075101',
  },
  '2S': { ...assure, nirIndividuel: makeNir({ sex: 1, year: 12, month: 3, ordre: 955 }).slice(0, 13), cleNirIndividuel: makeNir({ sex: 1, year: 12, month: 3, ordre: 955 }).slice(13) },
  '2M': {
    ...assure, numeroOrganismeComplementaire: '0075101001', codeRoutageDestinataireAmc: 'MU', identifiantHoteDestinataireAmc: '001',
    identifiantAmcAdherent: '000000123456789', typeModuleSts: 'M', versionModuleSts: '0100', nomDomaine: 'amc.example',
    codeApplicationAmc: '01',
  },
  '4': {
    ...assure, sequence: 1, codeAccordPrealable: '9', numeroExecutant: numeroPs, dateActe: plainDate('2025-03-14'), codeActe: 'G',
    quantite: 1, coefficient: '000100', denombrement: 0, prixUnitaire: euros('30.00'), baseRemboursement: euros('30.00'), taux: 70,
    montantRemboursableAmo: euros('21.00'), montantHonoraires: euros('30.00'), codeLieu: '0', montantRemboursableAmc: euros('9.00'),
  },
  '4M': {
    ...assure, sequence: 2, codeActe: 'HBQK002', activite: '1', phase: '1', modificateur1: 'F', associationNonPrevue: '1',
    dateSeance: plainDate('2025-03-14'), dent1: '36', dent2: '37',
  },
  '4F': {
    ...assure, sequence: 3, codeLpp: '1188283', typePrestation: 'A', siretFabricant: '73282932000074', dateDebut: plainDate('2025-03-14'),
    tarifLpp: euros('12.50'), nombreUnites: 2, prixUnitaireVente: euros('12.50'), baseRemboursement: euros('25.00'), montantTotal: euros('25.00'),
  },
  '5': {
    ...assure, nombreEnregistrementsType4: 3, totalFacture: euros('55.00'), totalRemboursableAmo: euros('38.50'),
    totalParticipationAssure: euros('16.50'), totalRemboursableAmc: euros('16.50'), zoneCertification: 'A1b2C3d4',
  },
  '6': {
    numeroPs, nombreFactures: 12, nombreLignesActes: 31, nombreEnregistrementsType2: 14, nombreEnregistrementsType5: 12,
    montantTotalFacture: euros('1234.56'), montantTotalRemboursableAmo: euros('864.19'), montantTotalRemboursableAmc: euros('370.37'),
    numeroLot: 7, marquage: 'T', typeFacture: 'F', numeroAgrementProgiciel: 'AGR123456789',
  },
  '999': {
    typeEmetteur: 'TP', numeroEmetteur: `00000${numeroPs}`, typeDestinataire: 'CT', numeroDestinataire: '00000000751001',
    application: 'SV', identificationFichier: '000042', volumeFichier: 15, nombreLots: 1,
  },
};

const TYPES = Object.keys(B2_LAYOUTS) as B2RecordType[];

describe('B2 layouts', () => {
  test.each(TYPES)('%s covers columns 1-128 with the complément de type where due', (t) => {
    const layout: Layout = B2_LAYOUTS[t];
    expect(layout.length).toBe(128);
    const covered = layout.fields.reduce((n, f) => n + f.length, 0);
    expect(covered).toBe(128);
    if (t.length === 2) expect(layout.fields.find((f) => f.start === 36)).toMatchObject({ type: 'const', value: t[1] });
  });

  test.each(TYPES)('%s: realistic fictitious record round-trips and dispatches', (t) => {
    const layout: Layout = B2_LAYOUTS[t];
    const text = expectOk(serializeRecord(layout, EXAMPLES[t] as never));
    expect(text).toHaveLength(128);
    expect(recordTypeOf(text)).toBe(t);
    const parsed = expectOk(parseRecord(layout, text, { referenceDate: reference }));
    expect(parsed).toMatchObject(EXAMPLES[t]);
    expect(expectOk(serializeRecord(layout, parsed as never))).toBe(text);
    expect(expectOk(parseB2Record(text, { referenceDate: reference })).recordType).toBe(t);
  });
});

describe('hand-checked against SPECS §2.3', () => {
  test('type 1 (début de lot)', () => {
    const value: Omit<Record1, 'type'> = EXAMPLES['1'] as never;
    const expected = columns([
      [1, '1'], [2, numeroPs], [17, '751'], [20, '007'], [30, 'DR MARTIN CLAIRE'], [70, '02'], [72, '250315'],
      [79, 'PS'], [81, 'S'], [82, '014000'], [88, 'E'], [89, '01'], [91, '751'],
    ]);
    expect(expectOk(serializeRecord(B2_1, value))).toBe(expected);
  });

  test('type 6 (fin de lot): counters, totals 25-33 / 34-42 / 43-51, n° lot 52-54', () => {
    const value: Omit<Record6, 'type'> = EXAMPLES['6'] as never;
    const expected = columns([
      [1, '6'], [2, numeroPs], [11, '012'], [14, '0031'], [18, '0014'], [22, '012'],
      [25, '000123456'], [34, '000086419'], [43, '000037037'], [52, '007'], [55, 'T'], [56, 'F'],
      [61, 'AGR123456789'], [88, '000000000'],
    ]);
    expect(expectOk(serializeRecord(B2_6, value))).toBe(expected);
  });

  test('type 4: code acte 74-78, montants 89-128', () => {
    const text = expectOk(serializeRecord(B2_4, EXAMPLES['4'] as never));
    expect(text.slice(73, 78)).toBe('G    ');
    expect(text.slice(88, 95)).toBe('0003000');
    expect(text.slice(102, 105)).toBe('070');
    expect(text.slice(105, 112)).toBe('0002100');
    expect(text.slice(121, 128)).toBe('0000900');
    const r: Record4 = expectOk(parseRecord(B2_4, text, { referenceDate: reference }));
    expect(r.montantRemboursableAmo).toEqual(euros('21.00'));
    expect(r.complementType).toBe(' ');
  });

  test('type 2: NIR 12-24 + clé 25-26, n° facture 27-35, destinataire du règlement 115-116', () => {
    const text = expectOk(serializeRecord(B2_2, EXAMPLES['2'] as never));
    expect(text.slice(11, 26)).toBe(nir);
    expect(text.slice(26, 35)).toBe('000001042');
    expect(text.slice(114, 116)).toBe('05');
    expect(text.charAt(35)).toBe(' ');
  });
});

describe('recordTypeOf / parseB2Record', () => {
  test.each([
    ['000', '000'], ['999', '999'], ['1', '1'], ['5', '5'], ['6', '6'],
  ])('%s → %s', (head, t) => {
    expect(recordTypeOf(head.padEnd(128, ' '))).toBe(t);
  });

  test('unknown sub-types and garbage are undefined / FW_RECORD_TYPE', () => {
    const sub = (type: string, letter: string) => `${type}${' '.repeat(34)}${letter}`.padEnd(128, ' ');
    expect(recordTypeOf(sub('4', 'C'))).toBeUndefined();
    expect(recordTypeOf(sub('3', ' '))).toBeUndefined();
    expect(recordTypeOf('00')).toBeUndefined();
    expect(recordTypeOf('')).toBeUndefined();
    const r = parseB2Record(sub('2', 'B'), { record: 4 });
    expect(expectIssue(r, 'FW_RECORD_TYPE').received).toBe('2B');
  });

  test('a whole file: 000, 1, 2, 4, 4M, 5, 6, 999 read back in order', () => {
    const order: B2RecordType[] = ['000', '1', '2', '2S', '4', '4M', '4F', '5', '6', '999'];
    const texts = order.map((t) => expectOk(serializeRecord(B2_LAYOUTS[t] as Layout, EXAMPLES[t] as never)));
    const bytes = expectOk(serializeRecords(texts, { recordLength: 128 }));
    const types = [...readRecords(bytes, { recordLength: 128 })].map((r) => expectOk(parseB2Record(r.text, { ...r, referenceDate: reference })).recordType);
    expect(types).toEqual(order);
  });

  test('issues carry record, column and field', () => {
    const text = expectOk(serializeRecord(B2_6, EXAMPLES['6'] as never));
    const bad = `${text.slice(0, 30)}X${text.slice(31)}`;
    const i = expectIssue(parseB2Record(bad, { record: 9, offset: 8 * 128, path: ['lots', 0] }), 'FW_NOT_NUMERIC', ['lots', 0, 'montantTotalFacture']);
    expect(i.source).toEqual({ record: 9, column: 31, offset: 8 * 128 + 30 });
  });

  test('lower case is refused in alphanumeric zones, accents transliterated on demand', () => {
    expectIssue(serializeRecord(B2_1, { ...(EXAMPLES['1'] as Record1), nomRaisonSociale: 'Dr Martin' }), 'FW_LOWERCASE', ['nomRaisonSociale']);
    expectIssue(serializeRecord(B2_1, { ...(EXAMPLES['1'] as Record1), nomRaisonSociale: 'DR HÉLÈNE' }), 'FW_CHARSET', ['nomRaisonSociale']);
    const r = serializeRecord(B2_1, { ...(EXAMPLES['1'] as Record1), nomRaisonSociale: 'Dr Hélène Bœuf' }, { transliterate: true });
    expect(expectOk(r).slice(29, 45)).toBe('DR HELENE BOEUF ');
    expectIssue(r, 'FW_TRANSLITERATED', ['nomRaisonSociale']);
  });
});

describe('properties', () => {
  const layouts = [B2_000, B2_1, B2_2, B2_2S, B2_2M, B2_4, B2_4M, B2_4F, B2_5, B2_6, B2_999] as readonly Layout[];
  for (const layout of layouts) {
    test.prop([arbRecordOf(layout)], { numRuns: runs(300) })(`${layout.name}: parse(serialize(r)) = r`, (r) => {
      const text = expectOk(serializeRecord(layout, r as never));
      expect(expectOk(parseRecord(layout, text, { referenceDate: FW_REFERENCE }))).toEqual(r);
    });
    test.prop([arbRecordTextOf(layout)], { numRuns: runs(300) })(`${layout.name}: serialize(parse(s)) = s`, (s) => {
      const r = parseRecord(layout, s, { referenceDate: FW_REFERENCE });
      expect(r.issues).toEqual([]);
      expect(expectOk(serializeRecord(layout, expectOk(r) as never))).toBe(s);
    });
  }
  test.prop([fc.oneof(arbNoisyTextOf(B2_4), arbNoisyTextOf(B2_2), fc.string({ unit: 'binary', maxLength: 140 }))], { numRuns: runs(20_000) })(
    'parseB2Record never throws',
    (s) => {
      const r = parseB2Record(s, { record: 1, offset: 0, referenceDate: FW_REFERENCE });
      if (!r.ok) for (const i of r.issues) expect(i.code).toMatch(/^FW_/);
    },
  );
});
