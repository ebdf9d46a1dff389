/**
 * The per-invoice context of the engine (internal): what does not change from line to line,
 * computed once (lookup key, rate family, maternité period, exemptions).
 */
import type { PlainDate } from '../core/date/index';
import { addDays, daysInMonth, plainDateOf, toYmd } from '../core/date/index';
import { dayNumber, digitsAt } from './checks';
import type { ReglesCompilees } from './compiledParams';
import { compileParametres } from './compiledParams';
import type { Issue } from '../core/issues/index';
import type { FactureInput, NatureAssurance, Parcours, Profession, TraceStep } from './model';
import type { LookupKey } from './lookupTarif';
import type { Referentiel } from './referentiel';
import { professionBit, secteurBit, specialiteKey } from './referentiel';
import type { ParametresRegles } from './tables/parametres';
import { parcoursLettre } from './parcours';

/** Rate family of a profession (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré)). */
export type FamilleTaux = 'medecin' | 'sageFemme' | 'chirurgienDentiste' | 'auxiliaire' | 'psychologue' | 'autre';

const AUXILIAIRES: readonly Profession[] = ['infirmier', 'masseurKinesitherapeute', 'orthophoniste', 'orthoptiste', 'pedicurePodologue'];

/** Engine context (internal). */
export interface Contexte {
  readonly input: FactureInput;
  readonly params: ParametresRegles;
  /** The dated parameters with day numbers and trace texts (compiled once per parameters object). */
  readonly regles: ReglesCompilees;
  readonly ref: Referentiel;
  /** Trace collector, or null when the trace is off. */
  readonly trace: TraceStep[] | null;
  readonly issues: Issue[];
  readonly nature: NatureAssurance;
  readonly parcours: Parcours;
  readonly key: LookupKey;
  readonly famille: FamilleTaux;
  /** Maternité period [debut, fin], or null. */
  readonly materniteDebut: string | null;
  readonly materniteFin: string | null;
  /** The maternité period as day numbers (0 … −1, an empty range, without one). */
  readonly materniteDebutDay: number;
  readonly materniteFinDay: number;
  readonly pensionMilitaire: boolean;
  readonly invalidite: boolean;
  /** Specialty outside the parcours rules. */
  readonly specialiteHorsParcours: boolean;
  /** Birth year and month × 100 + day, for the allocation-free age. */
  readonly naissanceAnnee: number;
  readonly naissanceMoisJour: number;
}

/** @returns the date moved by whole months, the day clamped to the month's length. */
export function addMonths(d: PlainDate, months: number): PlainDate {
  const { year, month, day } = toYmd(d);
  const idx = year * 12 + (month - 1) + months;
  const y = Math.floor(idx / 12);
  const m = (idx % 12) + 1;
  return plainDateOf(y, m, Math.min(day, daysInMonth(y, m)));
}

/**
 * Places the maternité period (Code de la sécurité sociale, art. L.160-13 et R.160-5 (participation de l’assuré): from the 1st day of the 6th month to 12 days after
 * delivery). Start: début de grossesse + 5 months; without it, the expected (or actual) delivery
 * date (else the actual one) − 4 months (assumption: a 9-month pregnancy counted from the début de
 * grossesse). End: actual delivery, else expected delivery, else début + 9 months, plus 12 days.
 */
function maternitePeriod(input: FactureInput, p: ParametresRegles): [string | null, string | null] {
  const m = input.beneficiaire.maternite;
  if (m === undefined) return [null, null];
  // Validated: at least one of the three dates is present. The expected date places the
  // pregnancy better than an early or late actual delivery.
  const grossesse = m.dateDebutGrossesse ?? addMonths((m.dateAccouchementPrevue ?? m.dateAccouchement) as PlainDate, -9);
  const fin = addDays(m.dateAccouchement ?? m.dateAccouchementPrevue ?? addMonths(grossesse, 9), p.materniteJoursApres);
  return [addMonths(grossesse, p.materniteMoisDebut - 1), fin];
}

function famille(p: Profession): FamilleTaux {
  if (p === 'medecin' || p === 'sageFemme' || p === 'chirurgienDentiste' || p === 'psychologue') return p;
  return AUXILIAIRES.includes(p) ? 'auxiliaire' : 'autre';
}

/**
 * Builds the context of a validated invoice.
 *
 * @param input - The validated invoice.
 * @param params - Rule parameters.
 * @param ref - The référentiel.
 * @param trace - Whether to collect the trace.
 * @returns The context.
 */
export function createContexte(input: FactureInput, params: ParametresRegles, ref: Referentiel, trace: boolean): Contexte {
  const ps = input.ps;
  const [debut, fin] = maternitePeriod(input, params);
  const exos = input.beneficiaire.exonerations ?? [];
  return {
    input,
    params,
    regles: compileParametres(params),
    ref,
    trace: trace ? [] : null,
    issues: [],
    nature: input.natureAssurance ?? '10',
    // Validated: present for a médecin; other professions' lines do not depend on it (blank IPS).
    parcours: input.parcours === undefined ? '' : parcoursLettre(input.parcours),
    key: { professionBit: professionBit(ps.profession), secteurBit: secteurBit(ps.secteur), zone: ps.zone, specialite: specialiteKey(ps.specialite), ps },
    famille: famille(ps.profession),
    materniteDebut: debut,
    materniteFin: fin,
    materniteDebutDay: debut === null ? 0 : dayNumber(debut),
    materniteFinDay: fin === null ? -1 : dayNumber(fin),
    pensionMilitaire: exos.includes('pensionMilitaire'),
    invalidite: exos.includes('invalidite'),
    specialiteHorsParcours: params.specialitesHorsParcours.includes(ps.specialite),
    naissanceAnnee: digitsAt(input.beneficiaire.dateNaissance, 0, 4),
    naissanceMoisJour: digitsAt(input.beneficiaire.dateNaissance, 5, 7) * 100 + digitsAt(input.beneficiaire.dateNaissance, 8, 10),
  };
}

/**
 * Age of the bénéficiaire on a day, in completed years (same rule as core `ageAt`: the
 * birthday counts from its day). Hint: integer arithmetic on the day number (hot loop).
 *
 * @param ctx - The context.
 * @param day - The act date as a day number (`YYYYMMDD`).
 * @returns The age.
 */
export function ageOnDay(ctx: Contexte, day: number): number {
  const year = Math.floor(day / 10000);
  return year - ctx.naissanceAnnee - (day - year * 10000 < ctx.naissanceMoisJour ? 1 : 0);
}

/** @returns whether a day (number) falls in the maternité period (an empty range without one). */
export function inMaternite(ctx: Contexte, day: number): boolean {
  return day >= ctx.materniteDebutDay && day <= ctx.materniteFinDay;
}
