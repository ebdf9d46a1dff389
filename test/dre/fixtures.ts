/**
 * DRE fixtures (fictitious): the fse module's base FSE (a GP consultation G at 30,00 € in tiers
 * payant intégral, AMC ticket modérateur 9,00 €, AMC n° 12345678 with its card routing), an
 * attestation de tiers payant for that AMC, an Annuaire AMC answer and a CLC guarantee.
 */
import { euros } from '../../src/core/money/index';
import { plainDate } from '../../src/core/date/index';
import { buildDreFromFse } from '../../src/dre/build';
import type { AmcRouting, AnnuaireAmcReponse, Dre, GarantieClc } from '../../src/dre/model';
import type { Fse, LigneFse } from '../../src/fse/model';
import { expectOk } from '../helpers/expectIssue';
import { baseFse } from '../fse/fixtures';

export { baseFse };

/** The attestation of the base FSE's AMC (same AMC: the card routing applies). */
export const ATTESTATION: AmcRouting = {
  numeroAmc: '12345678',
  typeConvention: 'TP',
  critereSecondaireRoutage: 'R1',
  numeroAdherent: '87654321',
  periodeValidite: { debut: plainDate('2025-01-01'), fin: plainDate('2025-12-31') },
};

/** An Annuaire AMC answer for it, routing to an opérateur de tiers payant. */
export const ANNUAIRE: AnnuaireAmcReponse = {
  numeroAmc: '12345678',
  typeConvention: 'TP',
  destinataire: '99000001',
  routage: { codeRoutage: 'OT', identifiantHote: '042', nomDomaine: 'OTP-TEST.FR' },
  indicateurTraitement: '33',
};

/** A guarantee of the whole AMC part (9,00 €). */
export const GARANTIE: GarantieClc = { id: 'CLC-TEST-0001', montantGaranti: euros('9.00'), statut: 'garanti' };

/** The valid base DRE (whole AMC part guaranteed, card routing). */
export function baseDre(): Dre {
  return expectOk(buildDreFromFse(baseFse(), ATTESTATION, { guarantee: GARANTIE }));
}

/**
 * An FSE with one line per AMC amount (centimes), totals consistent (structurally valid: the
 * DRE build reads the AMC parts, it does not re-price).
 *
 * @param amounts - AMC part of each line.
 * @param day - Day of care in March 2025 (1 … 28).
 * @returns The FSE.
 */
export function fseWithAmc(amounts: readonly number[], day = 10): Fse {
  const f = baseFse();
  const model = f.lignes[0] as LigneFse;
  const date = plainDate(`2025-03-${String(day).padStart(2, '0')}`);
  const lignes = amounts.map((c, k): LigneFse => ({ ...model, index: k, date, montantAmc: { centimes: c }, montantFacture: { centimes: c + model.montantAmo.centimes } }));
  const partAmc = { centimes: amounts.reduce((a, b) => a + b, 0) };
  return { ...f, lignes, totaux: { ...f.totaux, partAmc } };
}
