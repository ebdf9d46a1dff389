/**
 * From card to invoice: turn a read Vitale card into the FSE's bénéficiaire, and a CPS
 * situation into the FSE's PS (SSV groups 1130/1160 and 1120; securing group 2).
 *
 * The fse module does not import the reader: it declares the structural shape it needs
 * ({@link CarteVitaleLue}, {@link SituationPsLue}); the reader's `CarteVitale` and `SituationPs`
 * are assignable to them (checked by a type-level test), and so is any other source (ADRi later).
 *
 * What the public part of a Vitale 2 card does not carry, and must be passed:
 * - the AMO rights periods (SSV group 105) and ALD periods (group 106): on the card they sit in
 *   files whose layout is not public (read by the SSV), or come from an ADRi consultation;
 * - the qualité of each bénéficiaire (assuré, conjoint, enfant…);
 * - the rang de naissance (1, or 2, 3… for twins of the same birth date: "rang gémellaire").
 *   It is not the card's `rang`: the card's `rang` is the 0-based order of the bénéficiaire
 *   templates, mapped here to the FSE's 1-based rang du bénéficiaire (1 … 99).
 *
 * @see Cahier des charges SESAM-Vitale 1.40 (GIE SESAM-Vitale), modèle de données SSV: groupes 101 (carte Vitale), 104 (bénéficiaire), 105 (droits AMO), 1120 (PS), 1130/1160 (bénéficiaire de la facture)
 */
import type { PlainDate } from '../core/date/index';
import type { Rec } from '../core/guard/index';
import { field, guardArray, guardEnum, guardInteger, guardObject, guardPlainDate, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, ok } from '../core/issues/index';
import { FSE_CODES } from './codes';
import type { BeneficiaireFse, Periode, PsFse, QualiteBeneficiaire } from './input';
import type { CpsSecurisation } from './securing';
import { checkPs } from './shape';

const issue = createIssueFactory(FSE_CODES);

/** A bénéficiaire as read from a Vitale card (structurally the reader's `BeneficiaireCarte`). */
export interface BeneficiaireCarteLu {
  /** 0-based order of the bénéficiaire on the card. */
  readonly rang: number;
  readonly nom: string;
  readonly prenom: string;
  /** Calendar birth date, absent when the card holds a lunar date (day or month 00). */
  readonly dateNaissance?: PlainDate;
  /** Birth date as written on the card (AAAAMMJJ). */
  readonly dateNaissanceCarte: string;
  /** NIR with its key (15 characters). */
  readonly nir: string;
}

/** A read Vitale card (structurally the reader's `CarteVitale`). */
export interface CarteVitaleLue {
  /** The bénéficiaires in card order; the first is the holder (the assuré, ouvrant droit). */
  readonly beneficiaires: readonly BeneficiaireCarteLu[];
}

/** What the card does not carry about the chosen bénéficiaire. */
export interface BeneficiaireCarteOptions {
  /** Périodes de droits AMO (SSV group 105), from the card's AMO rights as read by the SSV or an ADRi answer. */
  readonly droitsAmo: readonly Periode[];
  /** Périodes ALD (group 106), when known. */
  readonly periodesAld?: readonly Periode[];
  /** Qualité of the bénéficiaire (0 assuré, 2 conjoint, 6 enfant…). */
  readonly qualite: QualiteBeneficiaire;
  /** Rang de naissance (gémellaire) 1 … 9 (default 1). */
  readonly rangNaissance?: number;
  /** Birth date to use when the card holds a lunar date (no calendar date). */
  readonly dateNaissance?: PlainDate;
  /** NIR of the ouvrant droit (default: the NIR of the card's first bénéficiaire, its holder). */
  readonly nirAssure?: string;
}

/** The bénéficiaire of an FSE, with the birth data the rules' `FactureInput.beneficiaire` needs. */
export interface BeneficiaireDeCarte {
  /** For `FseInput.beneficiaire`. */
  readonly beneficiaire: BeneficiaireFse;
  /** For `FactureInput.beneficiaire.dateNaissance`. */
  readonly dateNaissance: PlainDate;
  /** For `FactureInput.beneficiaire.rangNaissance`. */
  readonly rangNaissance: number;
}

const QUALITES: readonly QualiteBeneficiaire[] = ['0', '1', '2', '3', '4', '5', '6', '8', '9'];

function periodes(v: unknown, path: (string | number)[], issues: Issue[], required: boolean): Periode[] | undefined {
  const list = guardArray(v, path, issues, { required, max: 99 });
  if (list === undefined) return undefined;
  return list.flatMap((_p, k) => {
    const o = guardObject(field(list as unknown as Rec, String(k)), [...path, k], issues);
    if (o === undefined) return [];
    const debut = guardPlainDate(field(o, 'debut'), [...path, k, 'debut'], issues) as PlainDate | undefined;
    const fin = guardPlainDate(field(o, 'fin'), [...path, k, 'fin'], issues, { required: false }) as PlainDate | undefined;
    return debut === undefined ? [] : [fin === undefined ? { debut } : { debut, fin }];
  });
}

/**
 * Turns one bénéficiaire of a read Vitale card into the FSE's bénéficiaire: card `rang` 0, 1, 2…
 * becomes `rangBeneficiaire` 1, 2, 3…; the holder's NIR is the assuré's, a different NIR of the
 * bénéficiaire becomes `nirIndividuel` (SSV group 1160); name and first name are kept.
 *
 * @param carte - The card as read (`readVitale`'s value, or anything of that shape).
 * @param index - Position of the bénéficiaire in `carte.beneficiaires` (0 = holder).
 * @param options - What the card does not carry: rights periods, qualité, rang de naissance.
 * @returns The bénéficiaire and its birth data, or `INPUT_*` (shape, paths under `carte` /
 *   `options`), `FSE_CARTE_BENEFICIAIRE_ABSENT`, `FSE_CARTE_DATE_NAISSANCE_MISSING`.
 * @example
 * const carte = unwrap(await readVitale(reader.access));
 * const { beneficiaire, dateNaissance } = unwrap(beneficiaireFseFromCarte(carte, 1, { qualite: '6', droitsAmo: [{ debut: plainDate('2024-01-01') }] }));
 */
export function beneficiaireFseFromCarte(carte: CarteVitaleLue, index: number, options: BeneficiaireCarteOptions): Result<BeneficiaireDeCarte> {
  const issues: Issue[] = [];
  const c = guardObject(carte, ['carte'], issues);
  const list = c === undefined ? undefined : guardArray(field(c, 'beneficiaires'), ['carte', 'beneficiaires'], issues, { max: 99 });
  const i = guardInteger(index, ['index'], issues, { min: 0, max: 98 });
  const o = guardObject(options, ['options'], issues);
  const droitsAmo = o === undefined ? undefined : periodes(field(o, 'droitsAmo'), ['options', 'droitsAmo'], issues, true);
  const periodesAld = o === undefined ? undefined : periodes(field(o, 'periodesAld'), ['options', 'periodesAld'], issues, false);
  const qualite = o === undefined ? undefined : guardEnum(field(o, 'qualite'), QUALITES, ['options', 'qualite'], issues);
  const rangNaissance = o === undefined ? undefined : guardInteger(field(o, 'rangNaissance'), ['options', 'rangNaissance'], issues, { required: false, min: 1, max: 9 });
  const dateOverride = o === undefined ? undefined : (guardPlainDate(field(o, 'dateNaissance'), ['options', 'dateNaissance'], issues, { required: false }) as PlainDate | undefined);
  const nirOverride = o === undefined ? undefined : guardString(field(o, 'nirAssure'), ['options', 'nirAssure'], issues, { required: false, max: 32 });
  if (list === undefined || i === undefined) return inputErr(issues);
  if (i >= list.length) {
    issues.push(issue('FSE_CARTE_BENEFICIAIRE_ABSENT', { path: ['index'], expected: `0 à ${list.length - 1}`, received: i }));
    return inputErr(issues);
  }
  const path = ['carte', 'beneficiaires', i];
  const b = guardObject(field(list as unknown as Rec, String(i)), path, issues);
  const holder = i === 0 ? b : guardObject(field(list as unknown as Rec, '0'), ['carte', 'beneficiaires', 0], issues);
  if (b === undefined || holder === undefined) return inputErr(issues);
  const rang = guardInteger(field(b, 'rang'), [...path, 'rang'], issues, { min: 0, max: 98 });
  const nir = guardString(field(b, 'nir'), [...path, 'nir'], issues, { max: 32 });
  const nirHolder = nirOverride ?? guardString(field(holder, 'nir'), ['carte', 'beneficiaires', 0, 'nir'], issues, { max: 32 });
  const nom = guardString(field(b, 'nom'), [...path, 'nom'], issues, { required: false, max: 256 });
  const prenom = guardString(field(b, 'prenom'), [...path, 'prenom'], issues, { required: false, max: 256 });
  const dateCarte = guardPlainDate(field(b, 'dateNaissance'), [...path, 'dateNaissance'], issues, { required: false }) as PlainDate | undefined;
  const dateNaissance = dateOverride ?? dateCarte;
  if (dateNaissance === undefined && !issues.some((x) => x.path.join('.') === [...path, 'dateNaissance'].join('.'))) {
    // A lunar date (day or month 00) has no calendar value: the PMS must say which date to bill with.
    issues.push(issue('FSE_CARTE_DATE_NAISSANCE_MISSING', { path: [...path, 'dateNaissance'], received: field(b, 'dateNaissanceCarte') }));
  }
  if (issues.length > 0 || rang === undefined || nir === undefined || nirHolder === undefined || dateNaissance === undefined || qualite === undefined || droitsAmo === undefined) {
    return inputErr(issues);
  }
  const beneficiaire: BeneficiaireFse = {
    nirAssure: nirHolder,
    ...(nir !== nirHolder ? { nirIndividuel: nir } : {}),
    // Card order is 0-based; the FSE's rang du bénéficiaire (B2 type 2 zone 103-104) is 1 … 99.
    rangBeneficiaire: rang + 1,
    qualite,
    droitsAmo,
    ...(periodesAld !== undefined ? { periodesAld } : {}),
    ...(nom !== undefined ? { nom } : {}),
    ...(prenom !== undefined ? { prenom } : {}),
  };
  return ok({ beneficiaire, dateNaissance, rangNaissance: rangNaissance ?? 1 });
}

/** A CPS situation as read (structurally the reader's `SituationPs`; the layout is modeled). */
export interface SituationPsLue {
  /** 0-based index of the situation on the card (files D120 … D12F). */
  readonly index: number;
  readonly nom: string;
  readonly prenom: string;
  /** N° de facturation (8 digits + Luhn key). */
  readonly numeroFacturation: string;
  /** Code conventionnel of the situation. */
  readonly codeConventionnel: string;
  /** Code spécialité (2 digits), for the rules' `FactureInput.ps.specialite`. */
  readonly codeSpecialite: string;
}

/** What the CPS situation does not give. */
export interface PsCpsOptions {
  /** Type de carte PS (0 CPS, 1 CPF, 2 CDE/CPE, 3 CPA, 4 CSA; default `'0'`). */
  readonly typeCarte?: CpsSecurisation['typeCarte'];
  /** Code conventionnel to bill with when the card's is not 0–3 (test cards carry 9). */
  readonly codeConventionnel?: PsFse['codeConventionnel'];
  /** Condition d'exercice (L libéral, S salarié). */
  readonly conditionExercice?: 'L' | 'S';
}

/** The PS of an FSE from a CPS situation. */
export interface PsDeCps {
  /** For `FseInput.ps`. */
  readonly ps: PsFse;
  /** For `FseInput.securisation.cps`: the card type and the 1-based n° logique de situation. */
  readonly cps: CpsSecurisation;
  /** For `FactureInput.ps.specialite`. */
  readonly specialite: string;
}

/**
 * Turns a CPS situation into the FSE's PS and the securing data of the CPS: situation index 0,
 * 1… becomes n° logique de situation 1, 2…
 *
 * @param situation - A situation read from the CPS (`readSituations`' items, or that shape).
 * @param options - Card type, code conventionnel override, condition d'exercice.
 * @returns The PS, or `INPUT_*` (shape, paths under `situation` / `options`) and
 *   `FSE_CPS_CONVENTION_UNKNOWN` when the code conventionnel is not 0–3 and no override is given.
 * @example
 * const [situation] = unwrap(await cps.readSituations());
 * const { ps, cps: cpsData, specialite } = unwrap(psFseFromCps(situation));
 */
export function psFseFromCps(situation: SituationPsLue, options: PsCpsOptions = {}): Result<PsDeCps> {
  const issues: Issue[] = [];
  const s = guardObject(situation, ['situation'], issues);
  const o = guardObject(options, ['options'], issues, { required: false }) ?? {};
  const typeCarte = guardEnum(field(o, 'typeCarte'), ['0', '1', '2', '3', '4'], ['options', 'typeCarte'], issues, { required: false }) ?? '0';
  const override = guardEnum(field(o, 'codeConventionnel'), ['0', '1', '2', '3'], ['options', 'codeConventionnel'], issues, { required: false });
  const conditionExercice = guardEnum(field(o, 'conditionExercice'), ['L', 'S'], ['options', 'conditionExercice'], issues, { required: false });
  if (s === undefined) return inputErr(issues);
  const index = guardInteger(field(s, 'index'), ['situation', 'index'], issues, { min: 0, max: 15 });
  const specialite = guardString(field(s, 'codeSpecialite'), ['situation', 'codeSpecialite'], issues, { max: 2 });
  const convention = guardString(field(s, 'codeConventionnel'), ['situation', 'codeConventionnel'], issues, { max: 2 });
  const codeConventionnel = override ?? (['0', '1', '2', '3'].includes(convention ?? '') ? (convention as PsFse['codeConventionnel']) : undefined);
  if (codeConventionnel === undefined && convention !== undefined) {
    issues.push(issue('FSE_CPS_CONVENTION_UNKNOWN', { path: ['situation', 'codeConventionnel'], expected: '0, 1, 2 ou 3', received: convention }));
  }
  const ps = checkPs(
    { numeroFacturation: field(s, 'numeroFacturation'), nom: field(s, 'nom'), prenom: field(s, 'prenom'), codeConventionnel: codeConventionnel ?? '0', ...(conditionExercice === undefined ? {} : { conditionExercice }) },
    ['situation'],
    issues,
  );
  if (issues.length > 0 || ps === undefined || index === undefined || specialite === undefined) return inputErr(issues);
  return ok({ ps, cps: { typeCarte, numeroSituation: index + 1 }, specialite });
}
