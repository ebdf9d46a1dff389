/**
 * Structural validators of the fse module's caller data, built from the shared guards
 * (`core/guard`): an {@link FseInput} (what `buildFse` takes), a rules `Decompte` (what
 * `buildFseFromDecompte` takes), an {@link Fse} and a {@link Dre} (what `validateFse` /
 * `validateDre` take, possibly JSON handed back by a PMS), and the control options.
 *
 * They check shape only — types, required fields, sizes — and say where with a path
 * (`['beneficiaire', 'droitsAmo', 0, 'debut']`). Values whose meaning a control judges (a NIR's
 * key, a rang out of 1–99, an unknown qualité, a missing CPS) are left to the control catalogue,
 * so each business problem keeps its own `FSE_*` code and fix. Each validator returns a fresh
 * copy built from own data properties only (`field`), so a getter or a prototype key of the
 * caller's object is never read twice nor trusted.
 */
import type { PlainDate } from '../core/date/index';
import type { Rec } from '../core/guard/index';
import { field, guardArray, guardBoolean, guardEnum, guardFactor, guardFunction, guardInteger, guardMoney, guardObject, guardPlainDate, guardString } from '../core/guard/index';
import type { Issue, IssuePath } from '../core/issues/index';
import type { Factor, Money } from '../core/money/index';
import { validateFactureInput } from '../rules/validateFactureInput';
import type { Decompte, FactureInput, LigneDecompte, MontantsDecompte } from '../rules/model';
import type { BeneficiaireFse, FseInput, OrganismeAmc, OrganismesAmo, Periode, Prescription, PsFse, QualiteBeneficiaire, RoutageAmc } from './input';
import type { Dre, Fse, IdentificationFacture, LigneDetail, LigneDre, LigneFse, ReglementFse, SituationFse } from './model';
import type { CpsSecurisation, Securisation } from './securing';

type Out<T> = { -readonly [K in keyof T]: T[K] };
const at = (path: IssuePath, key: string | number): IssuePath => [...path, key];

/** Longest identifier text (NIR, n° de facturation, codes): longer is not an identifier. */
const ID_MAX = 64;
/** Longest free text (names, references). */
const TEXT_MAX = 256;
/** Most lines read from an FSE (the B2 sequence has 2 digits; the control says 99). */
const LIGNES_MAX = 999;
/** Most rights periods read. */
const PERIODES_MAX = 99;

/** Reads an optional string field into `out` when present and valid. */
function optString<T extends object>(out: T, obj: Rec, key: keyof T & string, path: IssuePath, issues: Issue[], max = ID_MAX): void {
  const v = guardString(field(obj, key), at(path, key), issues, { required: false, max });
  if (v !== undefined) (out as Record<string, unknown>)[key] = v;
}

function optDate<T extends object>(out: T, obj: Rec, key: keyof T & string, path: IssuePath, issues: Issue[]): void {
  const v = guardPlainDate(field(obj, key), at(path, key), issues, { required: false });
  if (v !== undefined) (out as Record<string, unknown>)[key] = v as PlainDate;
}

/** A required string, `''` when absent or wrong (an issue was pushed). */
function str(obj: Rec, key: string, path: IssuePath, issues: Issue[], max = ID_MAX): string {
  return guardString(field(obj, key), at(path, key), issues, { max }) ?? '';
}

function date(obj: Rec, key: string, path: IssuePath, issues: Issue[]): PlainDate {
  return (guardPlainDate(field(obj, key), at(path, key), issues) ?? '') as PlainDate;
}

function money(obj: Rec, key: string, path: IssuePath, issues: Issue[]): Money {
  return guardMoney(field(obj, key), at(path, key), issues) ?? { centimes: 0 };
}

/** Items of a guarded array, read as own properties (holes and getters read as absent). */
function items(list: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (let i = 0; i < list.length; i++) out.push(field(list as unknown as Rec, String(i)));
  return out;
}

function periode(v: unknown, path: IssuePath, issues: Issue[]): Periode | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const out: Out<Periode> = { debut: date(o, 'debut', path, issues) };
  optDate(out, o, 'fin', path, issues);
  return out;
}

function periodes(v: unknown, path: IssuePath, issues: Issue[], required: boolean): Periode[] | undefined {
  const list = guardArray(v, path, issues, { required, max: PERIODES_MAX });
  if (list === undefined) return undefined;
  return items(list).map((p, k) => periode(p, at(path, k), issues)).filter((p): p is Periode => p !== undefined);
}

/**
 * PS facturant (SSV group 1120).
 *
 * @param v - Caller data.
 * @param path - Where it sits in the caller's input.
 * @param issues - Collector of `INPUT_*` issues.
 * @returns A fresh typed copy, or `undefined` when it is not an object.
 */
export function checkPs(v: unknown, path: IssuePath, issues: Issue[]): PsFse | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const out: Out<PsFse> = {
    numeroFacturation: str(o, 'numeroFacturation', path, issues),
    nom: str(o, 'nom', path, issues, TEXT_MAX),
    codeConventionnel: guardEnum(field(o, 'codeConventionnel'), ['0', '1', '2', '3'], at(path, 'codeConventionnel'), issues) ?? '0',
  };
  optString(out, o, 'prenom', path, issues, TEXT_MAX);
  const cond = guardEnum(field(o, 'conditionExercice'), ['L', 'S'], at(path, 'conditionExercice'), issues, { required: false });
  if (cond !== undefined) out.conditionExercice = cond;
  for (const k of ['categorie', 'statutJuridique', 'modeFixationTarifs'] as const) optString(out, o, k, path, issues);
  return out;
}

/**
 * Bénéficiaire identifiers and rights (SSV groups 1130, 1160, 105, 106).
 *
 * @param v - Caller data.
 * @param path - Where it sits in the caller's input.
 * @param issues - Collector of `INPUT_*` issues.
 * @returns A fresh typed copy and the caller's record (for the FSE's birth fields), or `undefined` when it is not an object.
 */
export function checkBeneficiaire(v: unknown, path: IssuePath, issues: Issue[]): { readonly value: BeneficiaireFse; readonly raw: Rec } | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const out: Out<BeneficiaireFse> = {
    nirAssure: str(o, 'nirAssure', path, issues),
    // Range 1–99 and the qualité table are controls (FSE_RANG_BENEFICIAIRE_RANGE, FSE_QUALITE_UNKNOWN).
    rangBeneficiaire: guardInteger(field(o, 'rangBeneficiaire'), at(path, 'rangBeneficiaire'), issues) ?? 0,
    qualite: str(o, 'qualite', path, issues) as QualiteBeneficiaire,
    droitsAmo: periodes(field(o, 'droitsAmo'), at(path, 'droitsAmo'), issues, true) ?? [],
  };
  optString(out, o, 'nirIndividuel', path, issues);
  const ald = periodes(field(o, 'periodesAld'), at(path, 'periodesAld'), issues, false);
  if (ald !== undefined) out.periodesAld = ald;
  optString(out, o, 'nom', path, issues, TEXT_MAX);
  optString(out, o, 'prenom', path, issues, TEXT_MAX);
  return { value: out, raw: o };
}

/**
 * Organismes AMO (SSV group 1310).
 *
 * @param v - Caller data.
 * @param path - Where it sits in the caller's input.
 * @param issues - Collector of `INPUT_*` issues.
 * @returns A fresh typed copy, or `undefined` when it is not an object.
 */
export function checkAmo(v: unknown, path: IssuePath, issues: Issue[]): OrganismesAmo | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const out: Out<OrganismesAmo> = {
    grandRegime: str(o, 'grandRegime', path, issues),
    caisse: str(o, 'caisse', path, issues),
    centre: str(o, 'centre', path, issues),
    organismeDestinataire: str(o, 'organismeDestinataire', path, issues),
  };
  optString(out, o, 'codeCentreInformatique', path, issues);
  return out;
}

/**
 * AMC routing data (B2 type 2M), optional.
 *
 * @param v - Caller data.
 * @param path - Where it sits.
 * @param issues - Collector of `INPUT_*` issues.
 * @returns A fresh typed copy, or `undefined` when absent or not an object.
 */
export function checkRoutage(v: unknown, path: IssuePath, issues: Issue[]): RoutageAmc | undefined {
  const o = guardObject(v, path, issues, { required: false });
  if (o === undefined) return undefined;
  // An empty routing zone is FSE_DRE_ROUTAGE_MISSING (a control), an absent one reads as empty.
  const text = (k: string): string => guardString(field(o, k), at(path, k), issues, { required: false, max: ID_MAX }) ?? '';
  const out: Out<RoutageAmc> = { codeRoutage: text('codeRoutage'), identifiantHote: text('identifiantHote'), nomDomaine: text('nomDomaine') };
  const aig = guardEnum(field(o, 'aiguillageSts'), ['R', 'U', 'M', '8', '4'], at(path, 'aiguillageSts'), issues, { required: false });
  if (aig !== undefined) out.aiguillageSts = aig;
  optString(out, o, 'versionModuleSts', path, issues);
  return out;
}

/**
 * Organisme complémentaire (SSV group 1321), with its routing.
 *
 * @param v - Caller data.
 * @param path - Where it sits in the caller's input.
 * @param issues - Collector of `INPUT_*` issues.
 * @param options - `required` (default false: absent is fine).
 * @returns A fresh typed copy, or `undefined` when it is not an object.
 */
export function checkAmc(v: unknown, path: IssuePath, issues: Issue[], options: { readonly required?: boolean } = {}): OrganismeAmc | undefined {
  const o = guardObject(v, path, issues, { required: options.required ?? false });
  if (o === undefined) return undefined;
  const out: Out<OrganismeAmc> = {
    numero: str(o, 'numero', path, issues),
    // Absent adhérent: FSE_DRE_ADHERENT_MISSING says what to do.
    numeroAdherent: guardString(field(o, 'numeroAdherent'), at(path, 'numeroAdherent'), issues, { required: false, max: ID_MAX }) ?? '',
    indicateurTraitement: str(o, 'indicateurTraitement', path, issues),
  };
  optString(out, o, 'typeContrat', path, issues);
  const r = checkRoutage(field(o, 'routage'), at(path, 'routage'), issues);
  if (r !== undefined) out.routage = r;
  optString(out, o, 'codeApplication', path, issues);
  optString(out, o, 'identifiantAdherentAmc', path, issues);
  return out;
}

/**
 * Prescription (B2 type 2 zones 59-73), optional.
 *
 * @param v - Caller data.
 * @param path - Where it sits in the caller's input.
 * @param issues - Collector of `INPUT_*` issues.
 * @returns A fresh typed copy, or `undefined` when absent or not an object.
 */
export function checkPrescription(v: unknown, path: IssuePath, issues: Issue[]): Prescription | undefined {
  const o = guardObject(v, path, issues, { required: false });
  if (o === undefined) return undefined;
  const out: Out<Prescription> = { numeroPrescripteur: str(o, 'numeroPrescripteur', path, issues) };
  optDate(out, o, 'date', path, issues);
  optString(out, o, 'specialite', path, issues);
  return out;
}

/**
 * Securing data. The mode and what each mode must carry are judged by the securing controls
 * (FSE_SECURISATION_MODE_UNKNOWN, FSE_CPS_MISSING, FSE_VITALE_DATA_MISSING…): here an absent
 * part reads as absent, a part of the wrong type is an `INPUT_TYPE`.
 *
 * @param v - Caller data.
 * @param path - Where it sits in the caller's input.
 * @param issues - Collector of `INPUT_*` issues.
 * @returns A fresh copy (typed as the union: absent parts are the controls' business), or `undefined` when it is not an object.
 */
export function checkSecurisation(v: unknown, path: IssuePath, issues: Issue[]): Securisation | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const mode = guardString(field(o, 'mode'), at(path, 'mode'), issues, { max: 8 });
  if (mode === undefined) return undefined;
  const out: Record<string, unknown> = { mode };
  const cpsPath = at(path, 'cps');
  const cps = guardObject(field(o, 'cps'), cpsPath, issues, { required: false });
  if (cps !== undefined) {
    const c: Partial<Out<CpsSecurisation>> = {};
    optString(c, cps, 'typeCarte', cpsPath, issues);
    const n = guardInteger(field(cps, 'numeroSituation'), at(cpsPath, 'numeroSituation'), issues, { required: false });
    if (n !== undefined) c.numeroSituation = n;
    out['cps'] = c;
  }
  if (mode === 'S') {
    const vPath = at(path, 'vitale');
    const vit = guardObject(field(o, 'vitale'), vPath, issues, { required: false });
    if (vit !== undefined) {
      const c: Record<string, string> = {};
      optString(c, vit, 'typeCarte', vPath, issues);
      optString(c, vit, 'numeroSerie', vPath, issues);
      optDate(c, vit, 'dateLecture', vPath, issues);
      out['vitale'] = c;
    }
  } else if (mode === 'F') {
    optString(out, o, 'sourceDroits', path, issues);
    optString(out, o, 'referenceDroits', path, issues, TEXT_MAX);
    optString(out, o, 'finValiditeDroits', path, issues);
  } else if (mode === 'D') {
    optString(out, o, 'motif', path, issues);
    const jPath = at(path, 'justificatif');
    const j = guardObject(field(o, 'justificatif'), jPath, issues, { required: false });
    if (j !== undefined) {
      const c: Record<string, string> = {};
      optString(c, j, 'support', jPath, issues);
      optString(c, j, 'statut', jPath, issues);
      optString(c, j, 'reference', jPath, issues, TEXT_MAX);
      out['justificatif'] = c;
    }
  }
  return out as unknown as Securisation;
}

/**
 * Structural validator of an {@link FseInput}. `facture` is checked to be an object only: its
 * content is the rules' business (`validateFactureInput`, run by the pricing).
 *
 * @param v - Caller data.
 * @param path - Where it sits (`[]` at the top).
 * @param issues - Collector.
 * @returns A fresh typed copy, or `undefined` when the top level is not an object.
 */
export function checkFseInput(v: unknown, path: IssuePath, issues: Issue[]): FseInput | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const facture = guardObject(field(o, 'facture'), at(path, 'facture'), issues) as FactureInput | undefined;
  const ps = checkPs(field(o, 'ps'), at(path, 'ps'), issues);
  const ben = checkBeneficiaire(field(o, 'beneficiaire'), at(path, 'beneficiaire'), issues);
  const amo = checkAmo(field(o, 'amo'), at(path, 'amo'), issues);
  const securisation = checkSecurisation(field(o, 'securisation'), at(path, 'securisation'), issues);
  const out: Out<FseInput> = {
    facture: facture ?? ({} as FactureInput),
    ps: ps ?? ({} as PsFse),
    beneficiaire: ben?.value ?? ({} as BeneficiaireFse),
    amo: amo ?? ({} as OrganismesAmo),
    securisation: securisation ?? ({} as Securisation),
  };
  optString(out, o, 'remplacant', path, issues);
  const amc = checkAmc(field(o, 'amc'), at(path, 'amc'), issues);
  if (amc !== undefined) out.amc = amc;
  const prescription = checkPrescription(field(o, 'prescription'), at(path, 'prescription'), issues);
  if (prescription !== undefined) out.prescription = prescription;
  // Range 1 … 999 999 999 is FSE_NUMERO_FACTURE_RANGE (an identity check of buildFse).
  const num = guardInteger(field(o, 'numeroFacture'), at(path, 'numeroFacture'), issues, { required: false });
  if (num !== undefined) out.numeroFacture = num;
  optDate(out, o, 'dateElaboration', path, issues);
  const rect = guardInteger(field(o, 'numeroFactureRectifiee'), at(path, 'numeroFactureRectifiee'), issues, { required: false, min: 1, max: 999_999_999 });
  if (rect !== undefined) out.numeroFactureRectifiee = rect;
  return out;
}

const MONTANT_KEYS = ['montantFacture', 'baseRemboursement', 'partAmo', 'participationForfaitaire', 'franchise', 'netAmo', 'partAmc', 'resteACharge', 'depassement'] as const;

function montants(v: unknown, path: IssuePath, issues: Issue[]): MontantsDecompte | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const out = {} as Out<MontantsDecompte>;
  for (const k of MONTANT_KEYS) out[k] = money(o, k, path, issues);
  // Fields added in rules 0.3 (public vocabulary), derived from the 0.2.x ones when a stored document lacks them.
  const { baseRemboursement: b, partAmo: a, participationForfaitaire: pf, franchise: fr, netAmo: n, resteACharge: r } = out;
  const derived = (k: 'ticketModerateur' | 'rembourseAmo' | 'resteAChargePatient', centimes: number): Money =>
    field(o, k) === undefined ? { centimes } : money(o, k, path, issues);
  if (b !== undefined && a !== undefined && pf !== undefined && fr !== undefined && n !== undefined && r !== undefined) {
    out.ticketModerateur = derived('ticketModerateur', b.centimes - a.centimes);
    out.rembourseAmo = derived('rembourseAmo', n.centimes);
    out.resteAChargePatient = derived('resteAChargePatient', r.centimes + pf.centimes + fr.centimes);
  }
  return out;
}

/** The part of a priced line `buildFseFromDecompte` copies into the FSE. */
export type LigneDecompteFse = Pick<LigneDecompte, 'index' | 'code' | 'date' | 'quantite' | 'coefficient' | 'prixUnitaire' | 'baseRemboursement' | 'taux' | 'partAmo' | 'montantFacture' | 'partAmc' | 'justificationExoneration'>;

/** The part of a rules `Decompte` `buildFseFromDecompte` copies into the FSE. */
export interface DecompteFse extends Pick<Decompte, 'total' | 'destinataireReglement' | 'tiersPayantAmo' | 'tiersPayantAmc' | 'natureAssurance' | 'parcours' | 'justificationExoneration'> {
  readonly lignes: readonly LigneDecompteFse[];
}

/**
 * Structural validator of the parts of a rules `Decompte` an FSE copies.
 *
 * @param v - Caller data (normally `computeFacture(...)`'s value).
 * @param path - Where it sits.
 * @param issues - Collector.
 * @returns A fresh copy of those parts, or `undefined`.
 */
export function checkDecompte(v: unknown, path: IssuePath, issues: Issue[]): DecompteFse | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const lPath = at(path, 'lignes');
  const list = guardArray(field(o, 'lignes'), lPath, issues, { max: LIGNES_MAX }) ?? [];
  const lignes: LigneDecompteFse[] = [];
  items(list).forEach((raw, k) => {
    const p = at(lPath, k);
    const l = guardObject(raw, p, issues);
    if (l === undefined) return;
    lignes.push({
      index: guardInteger(field(l, 'index'), at(p, 'index'), issues, { min: 0, max: LIGNES_MAX }) ?? 0,
      code: str(l, 'code', p, issues),
      date: date(l, 'date', p, issues),
      quantite: guardInteger(field(l, 'quantite'), at(p, 'quantite'), issues) ?? 0,
      coefficient: guardFactor(field(l, 'coefficient'), at(p, 'coefficient'), issues) ?? { units: 0, scale: 0 },
      prixUnitaire: money(l, 'prixUnitaire', p, issues),
      baseRemboursement: money(l, 'baseRemboursement', p, issues),
      taux: guardFactor(field(l, 'taux'), at(p, 'taux'), issues) ?? { units: 0, scale: 0 },
      partAmo: money(l, 'partAmo', p, issues),
      montantFacture: money(l, 'montantFacture', p, issues),
      partAmc: money(l, 'partAmc', p, issues),
      justificationExoneration: guardEnum(field(l, 'justificationExoneration'), ['0', '4'], at(p, 'justificationExoneration'), issues) ?? '0',
    });
  });
  return {
    lignes,
    total: montants(field(o, 'total'), at(path, 'total'), issues) ?? ({} as MontantsDecompte),
    destinataireReglement: guardEnum(field(o, 'destinataireReglement'), ['00', '05', '15', '25'], at(path, 'destinataireReglement'), issues) ?? '00',
    tiersPayantAmo: guardBoolean(field(o, 'tiersPayantAmo'), at(path, 'tiersPayantAmo'), issues) ?? false,
    tiersPayantAmc: guardBoolean(field(o, 'tiersPayantAmc'), at(path, 'tiersPayantAmc'), issues) ?? false,
    natureAssurance: guardEnum(field(o, 'natureAssurance'), ['10', '13', '30', '41', '90'], at(path, 'natureAssurance'), issues) ?? '10',
    parcours: guardEnum(field(o, 'parcours'), ['T', 'N', 'R', 'H', 'D', 'O', 'M', 'U', 'A', 'S', ''], at(path, 'parcours'), issues) ?? '',
    justificationExoneration: guardEnum(field(o, 'justificationExoneration'), ['0', '4'], at(path, 'justificationExoneration'), issues) ?? '0',
  };
}

/**
 * The priced invoice kept in an FSE or handed to `buildFseFromDecompte`, checked by the rules'
 * own structural validator (`validateFactureInput`); its issues get `path` as prefix.
 *
 * @param v - Caller data.
 * @param path - Where it sits.
 * @param issues - Collector (`RULES_*` issues, paths prefixed).
 * @returns The invoice, or `undefined` when the rules refuse its shape.
 */
export function checkFacture(v: unknown, path: IssuePath, issues: Issue[]): FactureInput | undefined {
  const r = validateFactureInput(v);
  for (const i of r.issues) issues.push({ ...i, path: [...path, ...i.path] });
  return r.ok ? r.value : undefined;
}

function identification(v: unknown, path: IssuePath, issues: Issue[]): IdentificationFacture | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const out: Out<IdentificationFacture> = { dateElaboration: date(o, 'dateElaboration', path, issues), dateFacturation: date(o, 'dateFacturation', path, issues) };
  for (const k of ['numeroFacture', 'numeroFactureRectifiee'] as const) {
    const n = guardInteger(field(o, k), at(path, k), issues, { required: false });
    if (n !== undefined) out[k] = n;
  }
  return out;
}

function situation(v: unknown, path: IssuePath, issues: Issue[]): SituationFse | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  // Known values are controls (FSE_NATURE_ASSURANCE_UNKNOWN, FSE_PARCOURS_UNKNOWN, FSE_EXONERATION_UNKNOWN).
  const out = {
    natureAssurance: str(o, 'natureAssurance', path, issues),
    parcours: guardString(field(o, 'parcours'), at(path, 'parcours'), issues, { max: 2 }) ?? '',
    justificationExoneration: str(o, 'justificationExoneration', path, issues),
  } as Out<SituationFse>;
  const atPath = at(path, 'accidentTravail');
  const atmp = guardObject(field(o, 'accidentTravail'), atPath, issues, { required: false });
  if (atmp !== undefined) {
    const a: Record<string, string> = { numero: guardString(field(atmp, 'numero'), at(atPath, 'numero'), issues, { required: false, max: ID_MAX }) ?? '' };
    optDate(a, atmp, 'date', atPath, issues);
    out.accidentTravail = a as unknown as NonNullable<SituationFse['accidentTravail']>;
  }
  optDate(out, o, 'dateMaternite', path, issues);
  const p = checkPrescription(field(o, 'prescription'), at(path, 'prescription'), issues);
  if (p !== undefined) out.prescription = p;
  return out;
}

function detail(v: unknown, path: IssuePath, issues: Issue[]): LigneDetail | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const kind = guardEnum(field(o, 'kind'), ['ngap', 'ccam', 'lpp'], at(path, 'kind'), issues);
  if (kind === undefined) return undefined;
  if (kind === 'ngap') return { kind };
  if (kind === 'lpp') return { kind, code: str(o, 'code', path, issues) };
  const mPath = at(path, 'modificateurs');
  const mods = items(guardArray(field(o, 'modificateurs'), mPath, issues, { max: 4 }) ?? []).map((m, k) => guardString(m, at(mPath, k), issues, { max: 1 }) ?? '');
  return { kind, code: str(o, 'code', path, issues), activite: str(o, 'activite', path, issues), phase: str(o, 'phase', path, issues), modificateurs: mods };
}

function ligneFse(v: unknown, path: IssuePath, issues: Issue[]): LigneFse | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  return {
    index: guardInteger(field(o, 'index'), at(path, 'index'), issues, { min: 0 }) ?? 0,
    code: str(o, 'code', path, issues),
    date: date(o, 'date', path, issues),
    // 1–99 is FSE_QUANTITE_RANGE.
    quantite: guardInteger(field(o, 'quantite'), at(path, 'quantite'), issues) ?? 0,
    coefficient: guardFactor(field(o, 'coefficient'), at(path, 'coefficient'), issues) ?? { units: 0, scale: 0 },
    executant: str(o, 'executant', path, issues),
    prixUnitaire: money(o, 'prixUnitaire', path, issues),
    baseRemboursement: money(o, 'baseRemboursement', path, issues),
    taux: guardFactor(field(o, 'taux'), at(path, 'taux'), issues) ?? { units: 0, scale: 0 },
    montantAmo: money(o, 'montantAmo', path, issues),
    montantFacture: money(o, 'montantFacture', path, issues),
    montantAmc: money(o, 'montantAmc', path, issues),
    justificationExoneration: str(o, 'justificationExoneration', path, issues) as LigneFse['justificationExoneration'],
    lieu: guardEnum(field(o, 'lieu'), ['cabinet', 'domicile'], at(path, 'lieu'), issues) ?? 'cabinet',
    detail: detail(field(o, 'detail'), at(path, 'detail'), issues) ?? { kind: 'ngap' },
  };
}

function reglement(v: unknown, path: IssuePath, issues: Issue[]): ReglementFse | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  return {
    destinataire: guardEnum(field(o, 'destinataire'), ['00', '05', '15', '25'], at(path, 'destinataire'), issues) ?? '00',
    tiersPayantAmo: guardBoolean(field(o, 'tiersPayantAmo'), at(path, 'tiersPayantAmo'), issues) ?? false,
    tiersPayantAmc: guardBoolean(field(o, 'tiersPayantAmc'), at(path, 'tiersPayantAmc'), issues) ?? false,
  };
}

/**
 * Structural validator of an {@link Fse} (built here, or JSON read back by a PMS).
 *
 * @param v - Caller data.
 * @param path - Where it sits (`[]` for `validateFse`, `['fse']` inside a DRE).
 * @param issues - Collector.
 * @returns A fresh typed copy (its `facture` is the caller's, checked by the rules), or `undefined`.
 */
export function checkFse(v: unknown, path: IssuePath, issues: Issue[]): Fse | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  guardEnum(field(o, 'kind'), ['fse'], at(path, 'kind'), issues);
  const ben = checkBeneficiaire(field(o, 'beneficiaire'), at(path, 'beneficiaire'), issues);
  const bPath = at(path, 'beneficiaire');
  const dateNaissance = ben === undefined ? undefined : guardPlainDate(field(ben.raw, 'dateNaissance'), at(bPath, 'dateNaissance'), issues);
  // 1–9 is FSE_RANG_NAISSANCE_RANGE.
  const rangNaissance = ben === undefined ? undefined : guardInteger(field(ben.raw, 'rangNaissance'), at(bPath, 'rangNaissance'), issues);
  const lPath = at(path, 'lignes');
  const lignes = items(guardArray(field(o, 'lignes'), lPath, issues, { max: LIGNES_MAX }) ?? []).map((l, k) => ligneFse(l, at(lPath, k), issues));
  const fse = {
    kind: 'fse',
    identification: identification(field(o, 'identification'), at(path, 'identification'), issues),
    ps: checkPs(field(o, 'ps'), at(path, 'ps'), issues),
    beneficiaire: ben === undefined ? undefined : { ...ben.value, dateNaissance, rangNaissance },
    amo: checkAmo(field(o, 'amo'), at(path, 'amo'), issues),
    situation: situation(field(o, 'situation'), at(path, 'situation'), issues),
    lignes,
    totaux: montants(field(o, 'totaux'), at(path, 'totaux'), issues),
    reglement: reglement(field(o, 'reglement'), at(path, 'reglement'), issues),
    securisation: checkSecurisation(field(o, 'securisation'), at(path, 'securisation'), issues),
    facture: checkFacture(field(o, 'facture'), at(path, 'facture'), issues),
  } as unknown as Out<Fse>;
  const remplacant = guardString(field(o, 'remplacant'), at(path, 'remplacant'), issues, { required: false, max: ID_MAX });
  if (remplacant !== undefined) fse.remplacant = remplacant;
  const amc = checkAmc(field(o, 'amc'), at(path, 'amc'), issues);
  if (amc !== undefined) fse.amc = amc;
  return issues.length === before ? fse : undefined;
}

/**
 * Structural validator of a {@link Dre}.
 *
 * @param v - Caller data.
 * @param path - Where it sits.
 * @param issues - Collector.
 * @returns A fresh typed copy, or `undefined` when any issue was raised.
 */
export function checkDre(v: unknown, path: IssuePath, issues: Issue[]): Dre | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  guardEnum(field(o, 'kind'), ['dre'], at(path, 'kind'), issues);
  const fse = checkFse(field(o, 'fse'), at(path, 'fse'), issues);
  const amc = checkAmc(field(o, 'amc'), at(path, 'amc'), issues, { required: true });
  const lPath = at(path, 'lignes');
  const lignes = items(guardArray(field(o, 'lignes'), lPath, issues, { max: LIGNES_MAX }) ?? []).map((raw, k): LigneDre => {
    const p = at(lPath, k);
    const l = guardObject(raw, p, issues) ?? {};
    return {
      index: guardInteger(field(l, 'index'), at(p, 'index'), issues, { min: 0 }) ?? 0,
      code: str(l, 'code', p, issues),
      date: date(l, 'date', p, issues),
      montantFacture: money(l, 'montantFacture', p, issues),
      montantAmo: money(l, 'montantAmo', p, issues),
      montantAmc: money(l, 'montantAmc', p, issues),
    };
  });
  const montantAmc = money(o, 'montantAmc', path, issues);
  if (issues.length !== before || fse === undefined || amc === undefined) return undefined;
  return { kind: 'dre', fse, amc, lignes, montantAmc };
}

/**
 * Guards an optional caller function (a pricing override, a control's check).
 *
 * @param obj - The caller's options record.
 * @param key - The property.
 * @param path - Path of `obj`.
 * @param issues - Collector.
 * @returns The function, or `undefined` when absent (or not a function: an issue is pushed).
 */
export function optFunction<F>(obj: Rec, key: string, path: IssuePath, issues: Issue[]): F | undefined {
  return guardFunction(field(obj, key), at(path, key), issues, { required: false }) as F | undefined;
}
