/**
 * Shape of the CCAM parameters a caller passes (`parametres.ccam`), checked at the boundary of
 * `computeFacture` (internal): every value the CCAM pricing reads, so pricing never meets a hole.
 */
import type { Issue, IssuePath } from '../../core/issues/index';
import { field, guardArray, guardEnum, guardFactor, guardMoney, guardObject, guardPlainDate, guardString, inputIssue } from '../../core/guard/index';

/** A shape check of one caller value (pushes `INPUT_*` issues). */
export type Guard = (v: unknown, path: IssuePath, issues: Issue[]) => unknown;

/**
 * A factor between 0 and `max` (a rate: 0–1; a coefficient or a cap over the base: 0–100): a
 * negative or huge factor would overflow the exact arithmetic deep in pricing (found by the junk
 * property of test/fse/junk.test.ts).
 *
 * @param max - The largest value allowed.
 * @returns The guard.
 */
export function boundedFactor(max: number): Guard {
  return (v, p, i) => {
    const f = guardFactor(v, p, i);
    if (f !== undefined && (f.units < 0 || f.units > max * 10 ** f.scale)) {
      i.push(inputIssue('INPUT_RANGE', { path: [...p, 'units'], expected: `0 … ${max * 100} %`, received: `${f.units}e-${f.scale}` }));
    }
  };
}
const rate = boundedFactor(1);
const coefficient = boundedFactor(100);

/**
 * A dated parameter: a list of `{ from: date | null, value, source }` (shared with the rules'
 * parameters, which require it non-empty: a cap is never « off » by an empty list).
 *
 * @param v - Caller data.
 * @param path - Its path.
 * @param issues - Collector.
 * @param value - The guard of each value.
 * @param min - The fewest values allowed (0 here: an empty CCAM list means "none").
 */
export function dated(v: unknown, path: IssuePath, issues: Issue[], value: Guard, min = 0): void {
  const list = guardArray(v, path, issues, { min, max: 1000 });
  list?.forEach((_x, k) => {
    const o = guardObject(field(list as unknown as Record<string, unknown>, String(k)), [...path, k], issues);
    if (o === undefined) return;
    const from = field(o, 'from');
    if (from !== null) guardPlainDate(from, [...path, k, 'from'], issues);
    value(field(o, 'value'), [...path, k, 'value'], issues);
    guardString(field(o, 'source'), [...path, k, 'source'], issues, { max: 1000 });
  });
}

function codes(v: unknown, path: IssuePath, issues: Issue[]): void {
  guardArray(v, path, issues, { max: 20000 })?.forEach((x, k) => guardString(x, [...path, k], issues, { max: 16 }));
}

/**
 * Checks `parametres.ccam` (absent is fine: the shipped defaults apply).
 *
 * @param v - Caller data.
 * @param path - Its path.
 * @param issues - Collector of `INPUT_*` issues.
 */
export function checkParametresCcam(v: unknown, path: IssuePath, issues: Issue[]): void {
  const o = guardObject(v, path, issues, { required: false });
  if (o === undefined) return;
  guardEnum(field(o, 'combinaison'), ['additive', 'compose'], [...path, 'combinaison'], issues);
  const assoc = guardObject(field(o, 'association'), [...path, 'association'], issues);
  if (assoc !== undefined) for (const k of Object.keys(assoc)) rate(field(assoc, k), [...path, 'association', k], issues);
  dated(field(o, 'coefficientDom'), [...path, 'coefficientDom'], issues, coefficient);
  const lourd = guardObject(field(o, 'acteLourd'), [...path, 'acteLourd'], issues);
  const money: Guard = (x, p, i) => guardMoney(x, p, i, { min: 0 });
  if (lourd !== undefined) for (const k of ['montant', 'seuil']) dated(field(lourd, k), [...path, 'acteLourd', k], issues, money);
  const groupes = guardObject(field(o, 'groupes'), [...path, 'groupes'], issues);
  if (groupes !== undefined) for (const k of Object.keys(groupes)) codes(field(groupes, k), [...path, 'groupes', k], issues);
  codes(field(o, 'actesTauxMedecin'), [...path, 'actesTauxMedecin'], issues);
  codes(field(o, 'actesTauxDentaire'), [...path, 'actesTauxDentaire'], issues);
  checkCumul(field(o, 'cumulConsultation'), [...path, 'cumulConsultation'], issues);
}

/** `cumulConsultation` (optional: absent, the shipped defaults apply). */
function checkCumul(v: unknown, path: IssuePath, issues: Issue[]): void {
  const o = guardObject(v, path, issues, { required: false });
  if (o === undefined) return;
  codes(field(o, 'consultations'), [...path, 'consultations'], issues);
  guardArray(field(o, 'derogations'), [...path, 'derogations'], issues, { max: 1000 })?.forEach((d, k) => {
    const p = [...path, 'derogations', k];
    const r = guardObject(d, p, issues);
    if (r === undefined) return;
    codes(field(r, 'actes'), [...p, 'actes'], issues);
    for (const key of ['consultations', 'specialites']) if (field(r, key) !== undefined) codes(field(r, key), [...p, key], issues);
    guardString(field(r, 'codeAssociation'), [...p, 'codeAssociation'], issues, { required: false, max: 4 });
    const from = field(r, 'from');
    if (from !== null) guardPlainDate(from, [...p, 'from'], issues);
    guardString(field(r, 'source'), [...p, 'source'], issues, { max: 1000 });
  });
}
