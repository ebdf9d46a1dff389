/**
 * The AMO rights open on the date of care, from an ADRi answer: the AMO period covering the
 * day, the couvertures (ALD, situation codes) and the AMC known to the AMO on that day.
 *
 * @see ameli.fr « ADRi : acquisition des droits intégrée » (description fonctionnelle)
 */
import type { PlainDate } from '../core/date/index';
import { isPlainDate } from '../core/date/index';
import { field, guardObject, guardPlainDate, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import type { DroitsAdri, MutuelleAdri, PeriodeCouverture, PeriodeDroits } from './adri';
import { ADR_CODES } from './codes';
import { inPeriode } from './wire';

const issue = createIssueFactory(ADR_CODES);

/** The rights that apply on one day. */
export interface DroitsAuJour {
  readonly dateSoins: PlainDate;
  /** The AMO period covering the day. */
  readonly periodeAmo: PeriodeDroits;
  /** The couvertures covering the day (ALD, situation codes). */
  readonly couvertures: readonly PeriodeCouverture[];
  /** An ALD couverture covers the day. */
  readonly ald: boolean;
  readonly medecinTraitant: boolean;
  /** The AMC known to the AMO covers the day. */
  readonly mutuelle?: MutuelleAdri;
}

/**
 * The rights open at the date of care.
 *
 * @param droits - An ADRi answer ({@link parseAdriResponse}).
 * @param options - `dateSoins`.
 * @returns The rights of the day, or `ADR_DROITS_FERMES` when no AMO period covers it.
 */
export function computeDroitsAuJour(droits: DroitsAdri, options: { readonly dateSoins: PlainDate }): Result<DroitsAuJour> {
  const issues: Issue[] = [];
  const d = guardObject(droits, ['droits'], issues);
  const o = guardObject(options, ['options'], issues);
  const day = o && (guardPlainDate(field(o, 'dateSoins'), ['options', 'dateSoins'], issues) as PlainDate | undefined);
  const periodes = d && field(d, 'periodesAmo');
  const couv = d && field(d, 'couvertures');
  if (d && !Array.isArray(periodes)) guardObject(null, ['droits', 'periodesAmo'], issues);
  if (issues.length > 0 || !d || !day) return inputErr(issues);
  const valid = (p: unknown): p is PeriodeDroits => isPeriode(p);
  const periode = (periodes as readonly unknown[]).filter(valid).find((p) => inPeriode(day, p));
  if (!periode) return err(issue('ADR_DROITS_FERMES', { path: ['droits', 'periodesAmo'], received: `aucune période AMO ne couvre le ${day}` }));
  const couvertures = (Array.isArray(couv) ? (couv as readonly unknown[]) : []).filter(valid).filter((p) => inPeriode(day, p)) as PeriodeCouverture[];
  const m = field(d, 'mutuelle') as MutuelleAdri | undefined;
  const mutuelle = m !== undefined && typeof m === 'object' && m !== null && (m.periode === undefined || inPeriode(day, m.periode)) ? m : undefined;
  return ok(
    { dateSoins: day, periodeAmo: periode, couvertures, ald: couvertures.some((c) => c.codeAld !== undefined && c.codeAld !== ''), medecinTraitant: field(d, 'medecinTraitant') === true, ...(mutuelle ? { mutuelle } : {}) },
  );
}

/**
 * Tells whether a value is a well-formed period (`debut` a date, `fin` absent or a date).
 *
 * @internal
 */
export function isPeriode(p: unknown): p is PeriodeDroits {
  if (typeof p !== 'object' || p === null) return false;
  const debut = field(p as Readonly<Record<string, unknown>>, 'debut');
  const fin = field(p as Readonly<Record<string, unknown>>, 'fin');
  return isPlainDate(debut) && (fin === undefined || isPlainDate(fin));
}
