/**
 * From card to invoice: virtual Vitale and CPS cards (src/reader/virtual, fictitious data) are
 * read through the real APDU path (`readCarteVitale`, `openCps` + `readSituations`), turned into the
 * FSE's bénéficiaire and PS, built into an FSE that validates.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDate } from '../../src/core/date/index';
import type { CarteVitale, BeneficiaireCarte, SituationPs } from '../../src/reader/index';
import { createDemoCards, createVirtualCpsKey, createVirtualReader, createVirtualVitale, openCps, readCarteVitale } from '../../src/reader/index';
import type { BeneficiaireCarteLu, CarteVitaleLue, FseInput, SituationPsLue } from '../../src/fse/index';
import { beneficiaireFseFromCarte, buildFse, psFseFromCps, validateFse } from '../../src/fse/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { makeNir } from '../arbitraries/ids';
import { INPUT } from './fixtures';

const D = plainDate('2025-03-10');
const DROITS = [{ debut: plainDate('2024-01-01') }];
const key = await createVirtualCpsKey();

describe('types: the reader’s card data fits the fse inputs', () => {
  it('CarteVitale, BeneficiaireCarte and SituationPs are assignable to their structural fse types', () => {
    expectTypeOf<CarteVitale>().toExtend<CarteVitaleLue>();
    expectTypeOf<BeneficiaireCarte>().toExtend<BeneficiaireCarteLu>();
    expectTypeOf<SituationPs>().toExtend<SituationPsLue>();
    // The same, as plain assignments (checked by `tsc --noEmit` over test/).
    const asCarte = (c: CarteVitale): CarteVitaleLue => c;
    const asSituation = (s: SituationPs): SituationPsLue => s;
    expect([asCarte, asSituation]).toHaveLength(2);
  });
});

/** An FSE input for a GP consultation of the given bénéficiaire, billed by the given PS. */
function inputFor(b: ReturnType<typeof beneficiaireFseFromCarte>, p: ReturnType<typeof psFseFromCps>): FseInput {
  const ben = expectOk(b);
  const ps = expectOk(p);
  return {
    ...INPUT,
    facture: {
      ...INPUT.facture,
      ps: { ...INPUT.facture.ps, numeroFacturation: ps.ps.numeroFacturation, specialite: '01' },
      beneficiaire: { dateNaissance: ben.dateNaissance, rangNaissance: ben.rangNaissance },
    },
    ps: ps.ps,
    beneficiaire: ben.beneficiaire,
    securisation: { mode: 'S', cps: ps.cps, vitale: { typeCarte: '1', numeroSerie: '0123456789', dateLecture: D } },
  };
}

describe('from the demo cards to a valid FSE', () => {
  it('reads the Vitale and the CPS, maps rang 0-based → 1-based and builds FSEs that validate', async () => {
    const demo = (await createDemoCards({ key }));
    const carte = expectOk(await readCarteVitale(demo.vitale.access));
    const cps = expectOk(await openCps(demo.cps.access));
    expectOk(await cps.verifyPin(new TextEncoder().encode(demo.pin)));
    const [situation] = expectOk(await cps.readSituations());
    expect(situation).toBeDefined();

    // The test card's code conventionnel (9) is not billable: the PMS says which one to use.
    expectIssue(psFseFromCps(situation!), 'FSE_CPS_CONVENTION_UNKNOWN', ['situation', 'codeConventionnel']);
    const ps = psFseFromCps(situation!, { codeConventionnel: '1', conditionExercice: 'L' });
    expect(expectOk(ps).cps).toEqual({ typeCarte: '0', numeroSituation: 1 });

    const holder = beneficiaireFseFromCarte(carte, 0, { qualite: '0', droitsAmo: DROITS });
    expect(expectOk(holder).beneficiaire).toMatchObject({ rangBeneficiaire: 1, nirAssure: carte.beneficiaires[0]!.nir, qualite: '0', nom: 'TESTEUR', prenom: 'JEAN' });
    expect(expectOk(holder).beneficiaire.nirIndividuel).toBeUndefined();
    const child = beneficiaireFseFromCarte(carte, 1, { qualite: '6', droitsAmo: DROITS });
    expect(expectOk(child).beneficiaire).toMatchObject({ rangBeneficiaire: 2, nirAssure: carte.beneficiaires[0]!.nir, nirIndividuel: carte.beneficiaires[1]!.nir });
    expect(expectOk(child).dateNaissance).toBe('2012-06-30');

    for (const b of [holder, child]) {
      const fse = expectOk(buildFse(inputFor(b, ps)));
      expectOk(validateFse(fse, { today: D }));
    }
  });

  it('says when the position is not on the card, or the birth date is lunar', async () => {
    const carte = expectOk(await readCarteVitale((await createDemoCards({ key })).vitale.access));
    expectIssue(beneficiaireFseFromCarte(carte, 2, { qualite: '6', droitsAmo: DROITS }), 'FSE_CARTE_BENEFICIAIRE_ABSENT', ['index']);
    const lunar = createVirtualVitale({ beneficiaires: [{ nom: 'TESTEUR', prenom: 'ALI', dateNaissance: '19800000', nir: makeNir({ ordre: 955 }) }] });
    const read = await readCarteVitale(createVirtualReader(lunar).access);
    const lu = read.ok ? read.value : undefined;
    expect(lu).toBeDefined();
    expectIssue(beneficiaireFseFromCarte(lu!, 0, { qualite: '0', droitsAmo: DROITS }), 'FSE_CARTE_DATE_NAISSANCE_MISSING', ['carte', 'beneficiaires', 0, 'dateNaissance']);
    expectOk(beneficiaireFseFromCarte(lu!, 0, { qualite: '0', droitsAmo: DROITS, dateNaissance: plainDate('1980-01-01') }));
    expectIssue(beneficiaireFseFromCarte(lu!, 0, { qualite: '7' as never, droitsAmo: DROITS }), 'INPUT_ENUM', ['options', 'qualite']);
    expectIssue(beneficiaireFseFromCarte(lu!, 0, { qualite: '0' } as never), 'INPUT_MISSING', ['options', 'droitsAmo']);
  });
});

describe('properties', () => {
  const arbCard = fc.array(fc.record({ ordre: fc.integer({ min: 900, max: 999 }), same: fc.boolean() }), { minLength: 1, maxLength: 5 });
  test.prop([arbCard, fc.nat()], { numRuns: runs(30) })('card rang k is rangBeneficiaire k+1; the holder’s NIR is the assuré’s', async (specs, pick) => {
    const holderNir = makeNir({ ordre: specs[0]!.ordre });
    const beneficiaires = specs.map((s, k) => ({ nom: 'TESTEUR', prenom: `B${k}`, dateNaissance: '19800115', nir: k === 0 || s.same ? holderNir : makeNir({ ordre: s.ordre, year: 80 }) }));
    const carte = expectOk(await readCarteVitale(createVirtualReader(createVirtualVitale({ beneficiaires })).access));
    const k = pick % specs.length;
    const b = expectOk(beneficiaireFseFromCarte(carte, k, { qualite: k === 0 ? '0' : '6', droitsAmo: DROITS })).beneficiaire;
    expect(b.rangBeneficiaire).toBe(k + 1);
    expect(b.nirAssure).toBe(holderNir);
    expect(b.nirIndividuel).toBe(beneficiaires[k]!.nir === holderNir ? undefined : beneficiaires[k]!.nir);
  });

  test.prop([fc.integer({ min: 0, max: 15 })], { numRuns: runs(50) })('situation index i is n° logique de situation i+1', (index) => {
    const s: SituationPsLue = { index, nom: 'BIDE', prenom: 'JEAN', numeroFacturation: '990781056', codeConventionnel: '1', codeSpecialite: '01' };
    expect(expectOk(psFseFromCps(s)).cps.numeroSituation).toBe(index + 1);
  });
});
