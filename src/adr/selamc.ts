/**
 * Online AMC services for tiers payant ("SEL-AMC"): IDB (identification des droits du
 * bénéficiaire) then CLC (calcul en ligne) with a payment guarantee, and annulation. The
 * Inter-AMC contracts are members-only: requests and answers are a modeled JSON contract; the
 * outcome vocabulary « garanti / non garanti / rejeté » is a documented model too. What the PMS may
 * do next follows the ROC principle: AMC tiers payant (a DRE) only on a guarantee, for the
 * guaranteed amount; otherwise the patient pays the AMC part.
 *
 * @see Projet ROC, « Présentation des principes généraux » v0.2.0 (GT ROC, 13/12/2016): IDB, CLC, annulation, DRE for the guaranteed amount only
 */
import type { PlainDate } from '../core/date/index';
import { formatAaaammjj } from '../core/date/index';
import { field, guardArray, guardInteger, guardMoney, guardObject, guardPlainDate, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { add, fromCentimes, min, subtract, ZERO } from '../core/money/index';
import type { DemandeAmcBase } from './demande';
import { fastLignes, guardDemandeBase, own, RE_CODE } from './demande';
import { ADR_CODES } from './codes';
import { wireReader } from './wire';

const issue = createIssueFactory(ADR_CODES);

/** Outcome of a CLC (modeled vocabulary). */
export type StatutGarantie = 'garanti' | 'non_garanti' | 'rejete';

/** The payment guarantee carried into the DRE (dre's `guarantee` input). */
export interface Guarantee {
  /** CLC transaction / guarantee id. */
  readonly id: string;
  readonly montantGaranti: Money;
  readonly statut: StatutGarantie;
}

/** The amounts of a priced invoice the CLC needs (structurally the rules' `Decompte`). */
export interface DecompteAmc {
  readonly lignes: readonly {
    readonly code: string;
    readonly date: PlainDate;
    readonly quantite: number;
    readonly montantFacture: Money;
    readonly baseRemboursement: Money;
    readonly rembourseAmo: Money;
    readonly partAmc: Money;
  }[];
  readonly total: { readonly montantFacture: Money; readonly partAmc: Money };
}

/** The IDB answer. */
export interface DroitsAmc {
  readonly ouverts: boolean;
  /** IDB transaction reference (carried into the CLC). */
  readonly reference: string;
  readonly libelle?: string;
}

/** The CLC answer. */
export interface ResultatClc {
  readonly guarantee: Guarantee;
  /** Guaranteed amount per line (line index of the request). */
  readonly lignes: readonly { readonly index: number; readonly montantGaranti: Money }[];
  readonly motif?: string;
}

/**
 * Builds the modeled IDB request body.
 *
 * @param demande - Attestation fields, bénéficiaire, PS, date of care.
 * @returns The JSON-ready body, or `INPUT_*` issues.
 */
export function buildIdbRequest(demande: DemandeAmcBase): Result<Readonly<Record<string, unknown>>> {
  const issues: Issue[] = [];
  const b = guardDemandeBase(demande, 'demande', issues);
  return issues.length > 0 || !b ? inputErr(issues) : ok(b);
}

/**
 * Parses the modeled IDB answer `{ codeRetour, droitsOuverts, reference, libelle? }`.
 *
 * @param json - The parsed JSON body.
 * @returns The AMC rights (`ouverts: false` carries an `ADR_AMC_DROITS_FERMES` warning), or issues (`ADR_BUSINESS` for a code retour other than 00).
 */
export function parseIdbResponse(json: unknown): Result<DroitsAmc> {
  const w = wireReader();
  const r = w.obj(json, []);
  const code = w.text(r, 'codeRetour', [], /^[0-9A-Z]{2,4}$/);
  const libelle = w.text(r, 'libelle', [], /^[^\u0000-\u001f]{0,200}$/, false);
  if (code !== undefined && code !== '00') return err(issue('ADR_BUSINESS', { path: ['codeRetour'], expected: 'IDB', received: `${code}${libelle ? ` ${libelle}` : ''}` }));
  const reference = w.text(r, 'reference', [], /^[0-9A-Za-z._:-]{1,64}$/);
  const ouverts = w.flag(r, 'droitsOuverts', []);
  if (w.issues.length > 0) return err(...(w.issues as [Issue, ...Issue[]]));
  const value = { ouverts, reference: reference!, ...(libelle ? { libelle } : {}) };
  return ok(value, ouverts ? [] : [issue('ADR_AMC_DROITS_FERMES', { severity: 'warning', path: ['droitsOuverts'], received: libelle ?? 'droits fermés' })]);
}

/**
 * Builds the modeled CLC request from the priced invoice: one line per act with the billed,
 * base, AMO and AMC amounts (centimes), after an IDB with open rights.
 *
 * @param decompte - The rules' `Decompte` (or the same amounts).
 * @param demande - Attestation fields, bénéficiaire, PS, date of care, and `referenceIdb`.
 * @returns The body, or `INPUT_*` issues.
 */
export function buildClcRequest(decompte: DecompteAmc, demande: DemandeAmcBase & { readonly referenceIdb: string }): Result<Readonly<Record<string, unknown>>> {
  const issues: Issue[] = [];
  const b = guardDemandeBase(demande, 'demande', issues);
  const ref = guardObject(demande, ['demande'], []) && guardString(field(demande as never, 'referenceIdb'), ['demande', 'referenceIdb'], issues, { pattern: /^[0-9A-Za-z._:-]{1,64}$/, expected: 'référence IDB' });
  const fast = issues.length === 0 && b && ref ? fastLignes(own(decompte, 'lignes')) : undefined;
  if (fast && b && ref) return ok({ ...b, referenceIdb: ref, lignes: fast.out, totalPartAmcDemandee: fast.total });
  const d = guardObject(decompte, ['decompte'], issues);
  const lignes = d && guardArray(field(d, 'lignes'), ['decompte', 'lignes'], issues, { min: 1, max: 999 });
  const out: Record<string, unknown>[] = [];
  let total: Money = ZERO;
  (lignes ?? []).forEach((l, i) => {
    const p = ['decompte', 'lignes', i];
    const o = guardObject(l, p, issues);
    const code = o && guardString(field(o, 'code'), [...p, 'code'], issues, { pattern: RE_CODE, expected: 'code acte' });
    const date = o && guardPlainDate(field(o, 'date'), [...p, 'date'], issues);
    const q = o && guardInteger(field(o, 'quantite'), [...p, 'quantite'], issues, { min: 1, max: 99 });
    const m = (k: string) => o && guardMoney(field(o, k), [...p, k], issues, { min: 0 });
    const mf = m('montantFacture');
    const br = m('baseRemboursement');
    const amo = m('rembourseAmo');
    const amc = m('partAmc');
    if (code && date && q !== undefined && mf && br && amo && amc) {
      total = add(total, amc);
      out.push({ index: i, code, date: formatAaaammjj(date as PlainDate), quantite: q, montantFacture: mf.centimes, baseRemboursement: br.centimes, rembourseAmo: amo.centimes, partAmcDemandee: amc.centimes });
    }
  });
  if (issues.length > 0 || !b || !ref) return inputErr(issues);
  return ok({ ...b, referenceIdb: ref, lignes: out, totalPartAmcDemandee: total.centimes });
}

/**
 * Parses the modeled CLC answer `{ statut, idGarantie, montantGaranti, lignes?: [{ index, montantGaranti }], motif? }`.
 *
 * @param json - The parsed JSON body.
 * @returns The guarantee, or `ADR_RESPONSE_FIELD` issues. A `non_garanti` or `rejete` outcome is a value, not an error.
 */
export function parseClcResponse(json: unknown): Result<ResultatClc> {
  const w = wireReader();
  const r = w.obj(json, []);
  const statut = w.text(r, 'statut', [], /^(garanti|non_garanti|rejete)$/) as StatutGarantie | undefined;
  const id = w.text(r, 'idGarantie', [], /^[0-9A-Za-z._:-]{1,64}$/);
  const montant = w.centimes(r, 'montantGaranti', [], statut === 'garanti');
  const motif = w.text(r, 'motif', [], /^[^\u0000-\u001f]{0,200}$/, false);
  const lignes = w.list(r && field(r, 'lignes'), ['lignes'], 999).map((l, i) => {
    const o = w.obj(l, ['lignes', i]);
    const idx = o && field(o, 'index');
    if (o && (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0 || idx > 998)) w.text({ index: 0 }, 'index', ['lignes', i], /^$/);
    return { index: typeof idx === 'number' ? idx : 0, montantGaranti: fromCentimes(w.centimes(o, 'montantGaranti', ['lignes', i]) ?? 0) };
  });
  if (w.issues.length > 0) return err(...(w.issues as [Issue, ...Issue[]]));
  return ok({ guarantee: { id: id!, montantGaranti: fromCentimes(statut === 'garanti' ? (montant ?? 0) : 0), statut: statut! }, lignes, ...(motif ? { motif } : {}) });
}

/** What the PMS may do after a CLC. */
export interface SuiteClc {
  /** AMC tiers payant: only on a guarantee. */
  readonly tiersPayantAmc: boolean;
  /** `envoyer`: a DRE for `montantDre` carrying `guarantee.id`; `aucune`: no DRE. */
  readonly dre: 'envoyer' | 'aucune';
  /** AMC amount the DRE claims: min(guaranteed, part AMC). */
  readonly montantDre: Money;
  /** Part of the AMC share the patient pays at the desk (all of it without a guarantee). */
  readonly partAmcPatient: Money;
  /** Next steps, in order. */
  readonly actions: readonly ('securiser-fse' | 'envoyer-dre' | 'encaisser-part-amc' | 'corriger-et-relancer-clc' | 'annuler-si-soins-non-realises')[];
}

/**
 * Decides what the PMS may do after a CLC.
 *
 * @param guarantee - The CLC outcome.
 * @param decompte - The priced invoice (its total part AMC).
 * @returns The next steps; a `non_garanti` outcome carries an `ADR_CLC_NON_GARANTI` warning, a `rejete` one an `ADR_CLC_REJETE` warning.
 * @example
 * const s = decideSuiteClc(guarantee, decompte);
 * if (s.ok && s.value.dre === 'envoyer') sendDre({ guarantee, montant: s.value.montantDre });
 */
export function decideSuiteClc(guarantee: Guarantee, decompte: DecompteAmc): Result<SuiteClc> {
  const issues: Issue[] = [];
  const g = guardObject(guarantee, ['guarantee'], issues);
  const statut = g && guardString(field(g, 'statut'), ['guarantee', 'statut'], issues, { pattern: /^(garanti|non_garanti|rejete)$/, expected: 'garanti, non_garanti ou rejete' });
  const montant = g && guardMoney(field(g, 'montantGaranti'), ['guarantee', 'montantGaranti'], issues, { min: 0 });
  const d = guardObject(decompte, ['decompte'], issues);
  const t = d && guardObject(field(d, 'total'), ['decompte', 'total'], issues);
  const partAmc = t && guardMoney(field(t, 'partAmc'), ['decompte', 'total', 'partAmc'], issues, { min: 0 });
  if (issues.length > 0 || !statut || !montant || !partAmc) return inputErr(issues);
  if (statut === 'garanti') {
    const dre = min(montant, partAmc);
    const reste = subtract(partAmc, dre);
    return ok({ tiersPayantAmc: true, dre: 'envoyer', montantDre: dre, partAmcPatient: reste, actions: reste.centimes > 0 ? ['securiser-fse', 'envoyer-dre', 'encaisser-part-amc', 'annuler-si-soins-non-realises'] : ['securiser-fse', 'envoyer-dre', 'annuler-si-soins-non-realises'] });
  }
  const w = statut === 'rejete' ? issue('ADR_CLC_REJETE', { severity: 'warning', path: ['guarantee', 'statut'], received: 'rejete' }) : issue('ADR_CLC_NON_GARANTI', { path: ['guarantee', 'statut'], received: 'non_garanti' });
  return ok({ tiersPayantAmc: false, dre: 'aucune', montantDre: fromCentimes(0), partAmcPatient: partAmc, actions: statut === 'rejete' ? ['corriger-et-relancer-clc', 'securiser-fse', 'encaisser-part-amc'] : ['securiser-fse', 'encaisser-part-amc'] }, [w]);
}

