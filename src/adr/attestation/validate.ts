/**
 * Checks of an attestation de tiers payant: shape of caller data, field formats, period order
 * and, when the caller says what day it is, validity at that day.
 */
import type { PlainDate } from '../../core/date/index';
import { compareDates } from '../../core/date/index';
import type { Issue, IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, ok } from '../../core/issues/index';
import { field, guardObject, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import { ATTESTATION_CODES } from './codes';
import type { AttestationRouting, AttestationTiersPayant } from './model';
import { ATTESTATION_CODE_FIELDS, ATTESTATION_FIELD_LABELS, ATTESTATION_PATTERNS, withDeprecatedAliases } from './model';

const issue = createIssueFactory(ATTESTATION_CODES);

/** Options of the attestation checks. */
export interface AttestationCheckOptions {
  /** The day of the day: the attestation must be valid on it (absent: not checked). */
  readonly today?: PlainDate;
}

/**
 * Issues of an attestation whose fields are typed strings and dates: formats, period order and
 * validity at `today`. Internal: the exported functions guard their input first.
 *
 * @param a - The attestation.
 * @param today - The day of the day, or `undefined`.
 * @param path - Prefix of the issue paths.
 * @returns The issues (empty when valid).
 */
export function attestationIssues(a: AttestationTiersPayant, today: PlainDate | undefined, path: IssuePath = []): Issue[] {
  const issues: Issue[] = [];
  for (const k of ATTESTATION_CODE_FIELDS) {
    const v = a[k];
    if (v === undefined) continue;
    if (!ATTESTATION_PATTERNS[k].test(v)) issues.push(issue('ATTESTATION_FIELD_FORMAT', { path: [...path, k], expected: ATTESTATION_FIELD_LABELS[k], received: v }));
  }
  const { debut, fin } = a.periodeValidite;
  if (compareDates(debut, fin) > 0) {
    issues.push(issue('ATTESTATION_PERIODE_INVERSEE', { path: [...path, 'periodeValidite'], expected: fin, received: debut }));
  } else if (today !== undefined) {
    if (compareDates(today, debut) < 0) issues.push(issue('ATTESTATION_NON_ENCORE_VALIDE', { path: [...path, 'periodeValidite', 'debut'], expected: debut, received: today }));
    if (compareDates(today, fin) > 0) issues.push(issue('ATTESTATION_EXPIREE', { path: [...path, 'periodeValidite', 'fin'], expected: fin, received: today }));
  }
  return issues;
}

/**
 * Guards the options object shared by the attestation functions.
 *
 * @param v - Caller's options (anything).
 * @param issues - Collector.
 * @returns The day of the day, or `undefined`.
 */
export function guardCheckOptions(v: unknown, issues: Issue[]): { readonly today?: PlainDate } | undefined {
  const o = guardObject(v, ['options'], issues, { required: false });
  if (o === undefined) return {};
  const today = guardPlainDate(field(o, 'today'), ['options', 'today'], issues, { required: false, minYear: 1, maxYear: 9999 }) as PlainDate | undefined;
  return today === undefined ? {} : { today };
}

/**
 * Checks an attestation given as caller data (a form, a JSON body, another module's output).
 *
 * @param value - `{ numeroAmc, typeConvention, critereSecondaireRoutage?, numeroAdherent, periodeValidite: { debut, fin } }`
 *   (the deprecated 0.2 names `critereSecondaire` / `validite` are still read when the public ones are absent).
 * @param options - `today`: the attestation must be valid on that day.
 * @returns A fresh typed copy, or `INPUT_*` / `ATTESTATION_*` issues.
 * @example
 * validateAttestation({ numeroAmc: '12345678', typeConvention: 'SP', numeroAdherent: '9876543',
 *   periodeValidite: { debut: '2026-01-01', fin: '2026-12-31' } }, { today: plainDate('2026-03-10') });
 */
export function validateAttestation(value: unknown, options?: AttestationCheckOptions): Result<AttestationTiersPayant> {
  const issues: Issue[] = [];
  const opts = guardCheckOptions(options, issues);
  const o = guardObject(value, [], issues);
  if (o === undefined || opts === undefined) return inputErr(issues);
  const text = (k: (typeof ATTESTATION_CODE_FIELDS)[number] | 'critereSecondaire', required: boolean): string | undefined =>
    guardString(field(o, k), [k], issues, { required, max: 64, expected: ATTESTATION_FIELD_LABELS[k] });
  const numeroAmc = text('numeroAmc', true);
  const typeConvention = text('typeConvention', true);
  // The deprecated 0.2 names are read when the public ones are absent.
  const critereSecondaireRoutage = text(field(o, 'critereSecondaireRoutage') === undefined && field(o, 'critereSecondaire') !== undefined ? 'critereSecondaire' : 'critereSecondaireRoutage', false);
  const numeroAdherent = text('numeroAdherent', true);
  const pk = field(o, 'periodeValidite') === undefined && field(o, 'validite') !== undefined ? 'validite' : 'periodeValidite';
  const p = guardObject(field(o, pk), [pk], issues);
  const debut = p && (guardPlainDate(field(p, 'debut'), [pk, 'debut'], issues) as PlainDate | undefined);
  const fin = p && (guardPlainDate(field(p, 'fin'), [pk, 'fin'], issues) as PlainDate | undefined);
  if (issues.length > 0 || numeroAmc === undefined || typeConvention === undefined || numeroAdherent === undefined || debut === undefined || fin === undefined) return inputErr(issues);
  const a: AttestationTiersPayant = {
    numeroAmc,
    typeConvention,
    ...(critereSecondaireRoutage === undefined ? {} : { critereSecondaireRoutage }),
    numeroAdherent,
    periodeValidite: { debut, fin },
  };
  return finish(a, opts.today);
}

/**
 * The result of a built attestation: its issues at `today`, or the attestation.
 *
 * @param a - A typed attestation.
 * @param today - The day of the day, or `undefined`.
 * @returns `ok(a)` or the issues.
 */
export function finish(a: AttestationTiersPayant, today: PlainDate | undefined): Result<AttestationTiersPayant> {
  const issues = attestationIssues(a, today);
  return issues.length > 0 ? inputErr(issues) : ok(withDeprecatedAliases(a));
}

/**
 * The attestation under the field names of DRE routing and of the Annuaire AMC, checked first:
 * now the attestation's own names, so this is {@link validateAttestation}.
 *
 * @deprecated Since 0.2.x: the attestation readers return `critereSecondaireRoutage` /
 *   `periodeValidite` themselves; use {@link validateAttestation} (or the reader's value as is).
 *   Removed in the next minor release.
 * @param value - An attestation (from the text or image readers, or caller data).
 * @param options - `today`: the attestation must be valid on that day.
 * @returns The checked attestation, or the issues of {@link validateAttestation}.
 */
export function attestationRoutingOf(value: unknown, options?: AttestationCheckOptions): Result<AttestationRouting> {
  return validateAttestation(value, options);
}
