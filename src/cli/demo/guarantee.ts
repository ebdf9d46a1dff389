/**
 * Demo: what the rights stage gives the invoices. After pricing, the CLC asks each AMC for its
 * part on the priced décompte (payment guarantee, ROC principle: AMC tiers payant only on a
 * guarantee, else the patient pays the AMC part); then each FSE input takes the ADRi rights
 * (`markFseFromAdri`), the apCV securing (context renewed before securing) and the AMC of the
 * attestation; the DRE is built by `buildDreFromFse(fse, routing, { guarantee })`.
 *
 * @see Projet ROC, « Présentation des principes généraux » (IDB, CLC, DRE for the guaranteed amount only) ; ameli.fr « ADRi »
 */
import type { PlainDate } from '../../core/date/index';
import { buildApcvSecurisation, decideApcvRenewal, decideSuiteClc, markFseFromAdri } from '../../adr/index';
import type { BuildDreOptions, Dre } from '../../dre/index';
import { buildDreFromFse } from '../../dre/index';
import type { Fse, FseInput, RoutageAmc } from '../../fse/index';
import type { RoutageDre } from '../../adr/index';
import type { Result } from '../../core/issues/index';
import { eur } from '../format';
import type { CliIo } from '../io';
import type { PricedInvoice } from './pricing';
import { MUTUELLE } from './practice';
import type { RightsStage } from './rights';
import { demandeOf } from './rights';

const STS: ReadonlySet<string> = new Set(['R', 'U', 'M', '8', '4']);

/** The Annuaire's DRE routing as the B2 type 2M zones (an aiguillage STS outside the norm's values is left out). */
function routageOf(r: RoutageDre): RoutageAmc {
  const sts = r.aiguillageSts;
  return { codeRoutage: r.codeRoutage, identifiantHote: r.identifiantHote, nomDomaine: r.nomDomaine, ...(sts !== undefined && STS.has(sts) ? { aiguillageSts: sts as NonNullable<RoutageAmc['aiguillageSts']> } : {}) };
}

/**
 * Asks the CLC of every patient whose AMC rights are open (IDB) and prints what follows.
 *
 * @param io - Output.
 * @param rights - The rights stage (its `guarantees` map is filled).
 * @param priced - The priced invoices (by index, as the day).
 */
export async function runGuaranteeStep(io: CliIo, rights: RightsStage, priced: readonly PricedInvoice[]): Promise<void> {
  const asked = [...rights.patients.entries()].filter(([, p]) => p.amc !== undefined && p.referenceIdb !== undefined);
  if (asked.length === 0) return;
  io.out('\n  Part AMC garantie (CLC, sur le décompte calculé) :\n');
  for (const [i, p] of asked) {
    const d = priced[i]?.decompte;
    if (d === undefined || p.amc === undefined || p.referenceIdb === undefined) continue;
    const clc = await rights.adr.clc(p.amc, d, { ...demandeOf(p, rights.day), referenceIdb: p.referenceIdb });
    if (!clc.ok) {
      io.out(`    facture ${i + 1} : CLC ${clc.issues[0]?.code ?? '?'} → le patient règle la part AMC (${eur(d.total.partAmc)})\n`);
      continue;
    }
    const g = clc.value.guarantee;
    rights.guarantees.set(i, g);
    const suite = decideSuiteClc(g, d);
    const s = suite.ok ? suite.value : undefined;
    const statut = g.statut === 'garanti' ? `garanti ${eur(g.montantGaranti)} (garantie ${g.id})` : `${g.statut.replace('_', ' ')}${clc.value.motif ? ` : ${clc.value.motif}` : ''}`;
    const next = s === undefined ? '' : s.dre === 'envoyer' ? ` → DRE de ${eur(s.montantDre)}${s.partAmcPatient.centimes > 0 ? `, le patient règle ${eur(s.partAmcPatient)}` : ''}` : ` → pas de tiers payant AMC : le patient règle la part AMC (${eur(s.partAmcPatient)})`;
    io.out(`    facture ${i + 1} : part AMC ${eur(d.total.partAmc)} ; CLC ${statut}${next}\n`);
  }
}

/**
 * The FSE input of invoice `index` with what the rights stage learnt: ADRi rights (guaranteed;
 * a dégradé invoice keeps its mode D), the apCV securing, the attestation's AMC.
 *
 * @param input - The FSE input built from the card data.
 * @param index - Invoice index.
 * @param rights - The rights stage (absent: the input as is).
 * @param at - The securing instant (the apCV context is renewed for it).
 * @param note - Receives a line for what the demo prints (the apCV renewal).
 * @returns The input.
 */
export function withRights(input: FseInput, index: number, rights: RightsStage | undefined, at: string, note: (line: string) => void = () => undefined): FseInput {
  const p = rights?.patients.get(index);
  if (p === undefined) return input;
  let out = input;
  if (p.droits !== undefined && out.securisation.mode !== 'D') {
    const m = markFseFromAdri(out, p.droits, { dateSoins: rights!.day });
    if (m.ok) out = m.value.input;
  }
  const decision = p.apcv === undefined ? undefined : decideApcvRenewal(p.apcv, { at });
  if (decision?.ok === true && decision.value.action === 'renew') {
    const ctx = rights!.renewApcv(index);
    const sec = ctx && buildApcvSecurisation(ctx, out.securisation.cps, { at });
    if (sec?.ok) {
      out = { ...out, securisation: sec.value };
      note(`    facture ${index + 1} : contexte apCV ${p.apcv?.identifiant ?? ''} expiré à la sécurisation → appli relue, nouveau contexte ${sec.value.referenceDroits} (mode F, droits apCV ; jeton jamais affiché)\n`);
    }
  }
  if (out.amc !== undefined && p.attestation !== undefined && p.amc !== undefined) {
    out = { ...out, amc: { ...out.amc, numero: p.attestation.numeroAmc, numeroAdherent: p.attestation.numeroAdherent, routage: routageOf(p.amc.routage) } };
  }
  return out;
}

/**
 * Builds the DRE of invoice `index`: routed by the attestation and the Annuaire AMC, for the
 * amount the CLC guaranteed. Without the rights stage, routed by the card's AMC data and
 * without a guarantee (the guarantee control is then disabled, as for an AMC outside IDB / CLC).
 *
 * @param fse - The built FSE.
 * @param index - Invoice index.
 * @param rights - The rights stage, when it ran.
 * @param today - The day.
 * @returns The DRE, or the issues (`DRE_NON_GARANTI`: the patient pays the AMC part).
 */
export function dreOf(fse: Fse, index: number, rights: RightsStage | undefined, today: PlainDate): Result<Dre> {
  const p = rights?.patients.get(index);
  const guarantee = rights?.guarantees.get(index);
  if (p?.attestation !== undefined && p.amc !== undefined) {
    const e = p.amc.entree;
    const annuaire = { numeroAmc: e.numeroAmc, ...(e.typeConvention ? { typeConvention: e.typeConvention } : {}), ...(e.critereSecondaireRoutage ? { critereSecondaireRoutage: e.critereSecondaireRoutage } : {}), routage: routageOf(p.amc.routage) };
    const options: BuildDreOptions = guarantee === undefined ? { today } : { today, guarantee };
    return buildDreFromFse(fse, { ...p.attestation, annuaire }, options);
  }
  return buildDreFromFse(fse, { numeroAmc: MUTUELLE.numero, typeConvention: 'TP', numeroAdherent: MUTUELLE.numeroAdherent }, { today, disable: ['DRE_GARANTIE_ABSENTE'] });
}
