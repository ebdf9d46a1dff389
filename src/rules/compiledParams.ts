/**
 * Rule parameters compiled for the hot loop (internal): dated values keyed by day numbers
 * (`YYYYMMDD` integers, so a date test is one integer comparison instead of a string comparison)
 * with their trace texts computed once (`'70'` for a rate, `'2.00'` for an amount).
 *
 * Compiled once per `ParametresRegles` object and kept in a WeakMap: parameters are readonly data
 * (a changed table is a new object, e.g. `{ ...PARAMETRES_DEFAUT, pf: … }`), as for the référentiel.
 */
import type { Factor } from '../core/money/index';
import { formatDecimal, formatPercent } from '../core/money/index';
import { dayNumber } from './checks';
import type { FranchiseKind } from './model';
import type { FranchiseParametre, Parametre, ParametresRegles, ReglesLfss2026 } from './tables/parametres';
import { PARAMETRES_DEFAUT } from './tables/parametres';

/** A dated parameter: `days[i]` is the first day of `values[i]` (0 = since always), ascending. */
export interface Dated<T> {
  readonly days: readonly number[];
  readonly values: readonly T[];
}

/** A rate with its trace text and source. */
export interface TauxEntry {
  readonly taux: Factor;
  /** `formatPercent(taux)`, e.g. `'70'`. */
  readonly text: string;
  readonly source: string;
}

/** An amount (centimes) with its trace text and source. */
export interface AmountEntry {
  readonly centimes: number;
  /** `'2.00'`. */
  readonly text: string;
  readonly source: string;
}

/** A franchise: unit amount and daily cap (−1 when none). */
export interface FranchiseEntry extends AmountEntry {
  readonly dayCap: number;
}

/** Rate families of `ParametresRegles.taux`. */
export type TauxKey = keyof ParametresRegles['taux'];

/** A yes / no rule with its source. */
export interface FlagEntry {
  readonly value: boolean;
  readonly source: string;
}

/** A rate or « no limit » (`taux: null`) with its trace text and source. */
export interface LimiteEntry {
  readonly taux: Factor | null;
  readonly text: string;
  readonly source: string;
}

/** The compiled parameters. */
export interface ReglesCompilees {
  readonly taux: Readonly<Record<TauxKey, Dated<TauxEntry>>>;
  /** Dépassement autorisé maximum (share of the in-parcours tariff). */
  readonly depassementAutorise: Dated<TauxEntry>;
  /** Contrat responsable limits on the AMC dépassement cover (non-OPTAM, OPTAM). */
  readonly contratResponsableNonOptam: Dated<LimiteEntry>;
  readonly contratResponsableOptam: Dated<LimiteEntry>;
  /** LFSS 2026 (the defaults when the parameters predate them). */
  readonly tiersPayantAmoPsychologue: Dated<FlagEntry>;
  readonly prescriptionNonConventionneExclue: Dated<FlagEntry>;
  readonly menopause: { readonly codes: ReadonlySet<string>; readonly ageMin: number; readonly ageMax: number; readonly debutDay: number; readonly source: string };
  readonly pfMontant: Dated<AmountEntry>;
  readonly pfJour: Dated<AmountEntry>;
  readonly pfAnnee: Dated<AmountEntry>;
  readonly franchise: Readonly<Record<FranchiseKind, Dated<FranchiseEntry>>>;
  readonly franchiseAnnee: Dated<AmountEntry>;
}

/**
 * The value in force on a day: the last entry starting on or before it.
 *
 * @param d - The dated parameter.
 * @param day - A day number.
 * @returns The entry, or `undefined` before the first one.
 */
export function atDay<T>(d: Dated<T>, day: number): T | undefined {
  const days = d.days;
  for (let i = days.length - 1; i >= 0; i--) if ((days[i] as number) <= day) return d.values[i];
  return undefined;
}

function dated<T, U>(p: Parametre<T>, f: (value: T, source: string) => U): Dated<U> {
  return { days: p.map((v) => (v.from === null ? 0 : dayNumber(v.from))), values: p.map((v) => f(v.value, v.source)) };
}

const taux = (p: Parametre<Factor>): Dated<TauxEntry> => dated(p, (t, source) => ({ taux: t, text: formatPercent(t), source }));
const amount = (p: Parametre<{ readonly centimes: number }>): Dated<AmountEntry> => dated(p, (m, source) => ({ centimes: m.centimes, text: formatDecimal(m), source }));
const franchise = (p: Parametre<FranchiseParametre>): Dated<FranchiseEntry> =>
  dated(p, (f, source) => ({ centimes: f.montant.centimes, text: formatDecimal(f.montant), dayCap: f.plafondJour === null ? -1 : f.plafondJour.centimes, source }));

const LEGACY = 'paramètre de l’appelant sans date (forme 0.2.x)';

/** A dated parameter, or a bare value of the 0.2.x shape read as in force at every date. */
function asDated<T>(p: Parametre<T> | T): Parametre<T> {
  return Array.isArray(p) ? (p as Parametre<T>) : [{ from: null, value: p as T, source: LEGACY }];
}

const limite = (p: Parametre<Factor | null>): Dated<LimiteEntry> => dated(p, (t, source) => ({ taux: t, text: t === null ? 'aucun' : formatPercent(t), source }));

const COMPILED = new WeakMap<ParametresRegles, ReglesCompilees>();

/**
 * Compiles (once per object) the dated parameters of the rules.
 *
 * @param p - The parameters.
 * @returns Their compiled form.
 */
export function compileParametres(p: ParametresRegles): ReglesCompilees {
  const known = COMPILED.get(p);
  if (known !== undefined) return known;
  const t = p.taux;
  const lfss = (p.lfss2026 ?? PARAMETRES_DEFAUT.lfss2026) as ReglesLfss2026;
  const c: ReglesCompilees = {
    taux: {
      medecin: taux(t.medecin),
      sageFemme: taux(t.sageFemme),
      chirurgienDentiste: taux(t.chirurgienDentiste),
      auxiliaire: taux(t.auxiliaire),
      horsParcours: taux(t.horsParcours),
      exonere: taux(t.exonere),
      prevention: taux(t.prevention),
      psychologue: taux(t.psychologue ?? []),
    },
    depassementAutorise: taux(asDated(p.depassementAutoriseMax)),
    contratResponsableNonOptam: limite(asDated(p.contratResponsable.plafondDepassementNonOptam)),
    contratResponsableOptam: limite(asDated(p.contratResponsable.plafondDepassementOptam)),
    tiersPayantAmoPsychologue: dated(lfss.tiersPayantAmoPsychologue, (value, source) => ({ value, source })),
    prescriptionNonConventionneExclue: dated(lfss.prescriptionNonConventionneExclue, (value, source) => ({ value, source })),
    menopause: {
      codes: new Set(lfss.consultationMenopause.codes),
      ageMin: lfss.consultationMenopause.ageMin,
      ageMax: lfss.consultationMenopause.ageMax,
      debutDay: lfss.consultationMenopause.debut === null ? 99999999 : dayNumber(lfss.consultationMenopause.debut),
      source: lfss.consultationMenopause.source,
    },
    pfMontant: amount(p.pf.montant),
    pfJour: amount(p.pf.plafondJour),
    pfAnnee: amount(p.pf.plafondAnnuel),
    franchise: { paramedical: franchise(p.franchise.paramedical), transport: franchise(p.franchise.transport), medicament: franchise(p.franchise.medicament) },
    franchiseAnnee: amount(p.franchise.plafondAnnuel),
  };
  COMPILED.set(p, c);
  return c;
}
