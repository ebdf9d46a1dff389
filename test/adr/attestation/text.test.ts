import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDate } from '../../../src/core/date/index';
import type { AttestationTiersPayant } from '../../../src/adr/attestation/index';
import { parseAttestationText } from '../../../src/adr/attestation/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { attestationArb } from '../../arbitraries/attestation';

const expected = { numeroAmc: '12345678', typeConvention: 'SP', critereSecondaireRoutage: '01', numeroAdherent: '000123456', periodeValidite: { debut: '2026-01-01', fin: '2026-12-31' } };

describe('parseAttestationText', () => {
  it('reads the labelled pavé normalisé as printed', () => {
    const text = 'N° AMC : 12345678\nType de convention : SP\nCritère secondaire de routage : 01\nN° adhérent : 000 123 456\nPériode de validité : du 01/01/2026 au 31/12/2026';
    expect(expectOk(parseAttestationText(text, { today: plainDate('2026-03-10') }))).toEqual(expected);
  });

  it('tolerates case, accents, order and separators (OCR, typing)', () => {
    for (const text of [
      'numero amc=12345678 | csr=01 | type convention=SP | n° d’adherent=000123456 | validite 2026-01-01 - 2026-12-31',
      'VALIDITE: 01.01.2026 AU 31.12.2026; ADHERENT: 000-123-456; CONVENTION: SP; C.S.R.: 01; AMC: 12345678',
      'No AMC\t12345678\tType de conv. SP\tCSR 01\tNo adhérent 000123456\tValable du 01012026 au 31122026',
    ]) {
      expect(expectOk(parseAttestationText(text)), text).toEqual(expected);
    }
  });

  it('reads a whole OCR page: header, values on the next line, bénéficiaires with birth dates after', () => {
    const page = [
      'MUTUELLE EXEMPLE (fictive)',
      'Attestation de tiers payant',
      'N° AMC',
      '12345678',
      'Type de convention : SP',
      'CSR : 01',
      'N° adhérent : 000123456',
      'Période de validité : du 01/01/2026 au 31/12/2026',
      'Bénéficiaires        Date de naissance',
      'DUPONT JEANNE        12/03/1980',
      'DUPONT LOUIS         04/11/2012',
      'Contrat responsable R',
    ].join('\n');
    expect(expectOk(parseAttestationText(page, { today: plainDate('2026-03-10') }))).toEqual(expected);
  });

  it('reads the 5 values without labels, in the order of the pavé', () => {
    expect(expectOk(parseAttestationText('12345678 | SP | 01 | 000123456 | 01/01/2026 | 31/12/2026'))).toEqual(expected);
    const { critereSecondaireRoutage: _, ...noCsr } = expected;
    expect(expectOk(parseAttestationText('12345678;SP;000123456;01/01/2026 au 31/12/2026'))).toEqual(noCsr);
  });

  it('leaves a blank critère secondaire absent', () => {
    const r = expectOk(parseAttestationText('AMC: 12345678\nConvention: SP\nCSR:\nAdhérent: 42\nValidité: 01/01/2026 - 31/12/2026'));
    expect(r).not.toHaveProperty('critereSecondaireRoutage');
  });

  it('reads two-digit years only with a referenceDate', () => {
    const text = 'AMC 12345678 Convention SP Adhérent 42 Validité 01/01/26 au 31/12/26';
    expectIssue(parseAttestationText(text), 'ATTESTATION_DATE_INVALID', ['periodeValidite', 'debut']);
    expect(expectOk(parseAttestationText(text, { referenceDate: plainDate('2026-05-01') })).periodeValidite).toEqual({ debut: '2026-01-01', fin: '2026-12-31' });
  });

  it('reports what is missing or wrong, with the field as path', () => {
    expectIssue(parseAttestationText('AMC 12345678 Adhérent 42 Validité 01/01/2026 au 31/12/2026'), 'ATTESTATION_FIELD_MISSING', ['typeConvention']);
    expectIssue(parseAttestationText('AMC 12345678 Convention SP Adhérent 42'), 'ATTESTATION_FIELD_MISSING', ['periodeValidite']);
    expectIssue(parseAttestationText('AMC 12345678 Convention SP Adhérent 42 Validité 01/01/2026'), 'ATTESTATION_DATE_INVALID', ['periodeValidite']);
    expectIssue(parseAttestationText('AMC 12345678 Convention SP Adhérent 42 Validité 31/02/2026 au 31/12/2026'), 'ATTESTATION_DATE_INVALID', ['periodeValidite', 'debut']);
    expectIssue(parseAttestationText('AMC 1234_5678 Convention SP Adhérent 42 Validité 01/01/2026 au 31/12/2026'), 'ATTESTATION_FIELD_FORMAT', ['numeroAmc']);
    expectIssue(parseAttestationText('AMC 12345678 Convention SP Adhérent 42 Validité 31/12/2026 au 01/01/2026'), 'ATTESTATION_PERIODE_INVERSEE', ['periodeValidite']);
    expectIssue(parseAttestationText('AMC 12345678 Convention SP Adhérent 42 Validité 01/01/2024 au 31/12/2024', { today: plainDate('2026-01-02') }), 'ATTESTATION_EXPIREE', ['periodeValidite', 'fin']);
    expectIssue(parseAttestationText(42), 'INPUT_TYPE', ['text']);
    expectIssue(parseAttestationText('x'.repeat(20_001)), 'INPUT_TOO_LARGE', ['text']);
  });
});

const fr = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const spaced = (s: string, cuts: readonly number[]): string => s.split('').map((c, i) => (cuts.includes(i) && i > 0 ? ` ${c}` : c)).join('');

describe('properties', () => {
  const labels = fc.record({
    amc: fc.constantFrom('N° AMC', 'Numéro AMC', 'no amc', 'AMC'),
    conv: fc.constantFrom('Type de convention', 'TYPE CONVENTION', 'convention', 'Type conv.'),
    csr: fc.constantFrom('Critère secondaire de routage', 'CSR', 'critere secondaire', 'C.S.R.'),
    adh: fc.constantFrom('N° adhérent', "N° d'adhérent", 'Numéro d’adhérent', 'ADHERENT'),
    val: fc.constantFrom('Période de validité', 'Validité', 'VALIDITE', 'valable'),
    sep: fc.constantFrom(' : ', ':', ' = ', ' - ', ' ', '\t'),
    join: fc.constantFrom('\n', ' | ', '; ', '\t', '\r\n'),
    dates: fc.constantFrom('du {d} au {f}', '{d} - {f}', '{d} au {f}', '{D} {F}'),
    order: fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 14 }), { maxLength: 3 }),
  });

  // A value spelled like a label word (« AMC », « CSR », « CONVENTION »…) is ambiguous in labelled text: left out.
  const LABEL_WORD = /^(?:AMC|CSR|CONVENTION|ADHERENT|VALIDITE|VALABLE|CRITERE|TYPE|N|NO|NUMERO)$/;
  const unambiguous = attestationArb.filter((a) => ![a.numeroAmc, a.typeConvention, a.critereSecondaireRoutage ?? '', a.numeroAdherent].some((v) => LABEL_WORD.test(v)));

  test.prop([unambiguous, labels], { numRuns: runs(500) })('any labelled layout of a valid attestation reads back the same fields', (a: AttestationTiersPayant, l) => {
    const validite = l.dates.replace('{d}', fr(a.periodeValidite.debut)).replace('{f}', fr(a.periodeValidite.fin)).replace('{D}', a.periodeValidite.debut).replace('{F}', a.periodeValidite.fin);
    const lines = [
      `${l.amc}${l.sep}${a.numeroAmc}`,
      `${l.conv}${l.sep}${a.typeConvention}`,
      `${l.csr}${l.sep}${a.critereSecondaireRoutage ?? ''}`,
      `${l.adh}${l.sep}${spaced(a.numeroAdherent, l.cuts)}`,
      `${l.val}${l.sep}${validite}`,
    ];
    const text = l.order.map((i) => lines[i]).join(l.join);
    expect(expectOk(parseAttestationText(text))).toEqual(a);
  });

  test.prop([attestationArb, fc.constantFrom(' | ', ';', '\t', '\n', '  ')], { numRuns: runs(300) })('the 5 values without labels read back', (a, sep) => {
    const text = [a.numeroAmc, a.typeConvention, ...(a.critereSecondaireRoutage === undefined ? [] : [a.critereSecondaireRoutage]), a.numeroAdherent, fr(a.periodeValidite.debut), fr(a.periodeValidite.fin)].join(sep);
    expect(expectOk(parseAttestationText(text))).toEqual(a);
  });

  test.prop([fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.anything()), fc.anything()], { numRuns: runs(1000) })('junk never throws', (t, o) => {
    expect(() => parseAttestationText(t, o as never)).not.toThrow();
  });
});
