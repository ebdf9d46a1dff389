/**
 * The "same care" keys of the duplicate control: who was treated (the patient identity the
 * caisse uses), by which PS, on which day, with which acts. Two invoices sharing a key bill the
 * same care.
 *
 * Patient identity (why): the caisse identifies a beneficiary by the NIR of the ouvrant droit
 * (the assuré whose rights are used, B2 type 2 « NIR de l'assuré »), the date de naissance and
 * the rang de naissance (rang gémellaire, 1 unless twins), not by the optional individual NIR
 * (B2 type 2S). So the main key is always NIR assuré (13 characters, key dropped) + date de
 * naissance + rang (default 1), whatever optional fields the PMS adds: twins (same NIR assuré,
 * same date, different rang) stay distinct, and the same patient described with or without the
 * rang 1, with or without the NIR key, with spaces or lower case gives one key.
 *
 * A child billed once under a parent's NIR (with its own NIR as `nirIndividuel`) and once under
 * its own NIR as assuré (qualité 0) has two main keys: the second key, the person key, makes them
 * meet. It exists when the patient's own NIR is known: `nirIndividuel`, or the NIR assuré when
 * the qualité is 0 (the beneficiary is the assuré). What a PMS must give so every description of
 * one patient meets: always the date de naissance; the rang when not 1; the child's own NIR
 * whenever it knows it. A description giving neither the parent's NIR nor the child's own NIR
 * cannot be linked to the other one (documented in docs/guides/duplicate-control.md).
 * An individual NIR must agree with the date de naissance (NIR positions 2-5: année and mois of
 * birth, INSEE), else `LEDGER_BENEFICIAIRE_INCONSISTENT`.
 *
 * Keys are readable text (versioned `v2|…`) so support can read them in the database.
 *
 * @see Cahier des charges SESAM-Vitale 1.40, groupes 1130 (bénéficiaire) et 1160 (individu);
 *   norme B2 (ameli.fr, « Cahier des charges norme B2 »), enregistrements type 2 et 2S
 */
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory } from '../core/issues/index';
import type { PlainDate } from '../core/date/index';
import { field, guardArray, guardInteger, guardObject, guardPlainDate, guardString, inputErr } from '../core/guard/index';
import { ok } from '../core/issues/index';
import { LEDGER_CODES } from './codes';
import type { BeneficiaireKey } from './model';

const issue = createIssueFactory(LEDGER_CODES);

/** What identifies a care. */
export interface CareKeyInput {
  readonly ps: string;
  readonly beneficiaire: BeneficiaireKey;
  readonly dateSoins: PlainDate;
  readonly actes: readonly string[];
}

/** The keys of a care (see the module header). */
export interface CareKeys {
  /** NIR assuré + date de naissance + rang: always present. */
  readonly careKey: string;
  /** The patient's own NIR + date de naissance: present when that NIR is known. */
  readonly personKey?: string;
}

const compact = (s: string): string => s.replace(/\s+/g, '').toUpperCase();
const NIR_RE = /^[12378][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])(2A|2B|[0-9]{2})[0-9]{6}([0-9]{2})?$/;
const ACTE_RE = /^[0-9A-Z.]{1,13}$/;
const PS_RE = /^[0-9A-Z]{1,14}$/;

/** Guards a NIR (13 characters, key optional, spaces ignored) and returns its 13 characters. */
function nir13(v: unknown, path: (string | number)[], issues: Issue[], required: boolean): string | undefined {
  const raw = guardString(v, path, issues, { max: 40, required, expected: 'NIR de 13 caractères (+ clé)' });
  if (raw === undefined) return undefined;
  const c = compact(raw);
  if (!NIR_RE.test(c)) {
    issues.push(issue('LEDGER_INVALID_INPUT', { path, expected: 'NIR de 13 caractères (+ clé)', received: raw }));
    return undefined;
  }
  return c.slice(0, 13);
}

/**
 * Tells whether a NIR's année / mois de naissance (positions 2-5, INSEE) agree with a date of birth.
 *
 * @param nir - A compact NIR (13 or 15 characters).
 * @param dateNaissance - `'YYYY-MM-DD'`.
 * @returns `true` when the year agrees and the month agrees or is unknown in the NIR (20 and above).
 */
export function nirMatchesBirth(nir: string, dateNaissance: string): boolean {
  if (nir.slice(1, 3) !== dateNaissance.slice(2, 4)) return false;
  const mois = Number(nir.slice(3, 5));
  // Mois 20 and above (or 99): unknown month (INSEE); only 01-12 are compared.
  return mois > 12 || nir.slice(3, 5) === dateNaissance.slice(5, 7);
}

/**
 * Computes the duplicate keys of a care.
 *
 * @param input - PS, beneficiary (NIR assuré, date de naissance, rang, optional own NIR and
 *   qualité), date of care, act codes.
 * @returns The care key and, when the patient's own NIR is known, the person key; or
 *   `INPUT_*` / `LEDGER_INVALID_INPUT` / `LEDGER_BENEFICIAIRE_INCONSISTENT` issues.
 * @example
 * computeCareKeys({ ps: '991234567', beneficiaire: { nir: '1 85 07 75 123 456', dateNaissance: '1985-07-01' }, dateSoins: '2025-01-02', actes: ['K', 'C'] })
 * // ok({ careKey: 'v2|991234567|1850775123456|1985-07-01|1|2025-01-02|C+K', personKey: undefined })
 */
export function computeCareKeys(input: CareKeyInput): Result<CareKeys> {
  const issues: Issue[] = [];
  const o = guardObject(input, [], issues);
  if (o === undefined) return inputErr(issues);
  const psRaw = guardString(field(o, 'ps'), ['ps'], issues, { max: 40, expected: 'n° de facturation PS' });
  const ps = psRaw === undefined ? undefined : compact(psRaw);
  if (ps !== undefined && !PS_RE.test(ps)) issues.push(issue('LEDGER_INVALID_INPUT', { path: ['ps'], expected: 'n° de facturation PS', received: psRaw }));
  const b = guardObject(field(o, 'beneficiaire'), ['beneficiaire'], issues);
  const nir = b && nir13(field(b, 'nir'), ['beneficiaire', 'nir'], issues, true);
  const individuel = b && nir13(field(b, 'nirIndividuel'), ['beneficiaire', 'nirIndividuel'], issues, false);
  const naissance = b && guardPlainDate(field(b, 'dateNaissance'), ['beneficiaire', 'dateNaissance'], issues);
  const rang = b === undefined ? undefined : (guardInteger(field(b, 'rang'), ['beneficiaire', 'rang'], issues, { min: 1, max: 9, required: false }) ?? 1);
  const qualite = b && guardString(field(b, 'qualite'), ['beneficiaire', 'qualite'], issues, { pattern: /^[0-9]$/, required: false, expected: 'qualité 0 à 9' });
  const dateSoins = guardPlainDate(field(o, 'dateSoins'), ['dateSoins'], issues);
  const list = guardArray(field(o, 'actes'), ['actes'], issues, { max: 999, min: 1 });
  const actes: string[] = [];
  list?.forEach((a, k) => {
    const s = guardString(a, ['actes', k], issues, { max: 40, expected: 'code acte' });
    if (s === undefined) return;
    if (!ACTE_RE.test(compact(s))) issues.push(issue('LEDGER_INVALID_INPUT', { path: ['actes', k], expected: 'code acte', received: s }));
    else actes.push(compact(s));
  });
  // The patient's own NIR: the individual one, else the assuré's when the patient is the assuré.
  const own = individuel ?? (qualite === '0' ? nir : undefined);
  if (own !== undefined && naissance !== undefined && !nirMatchesBirth(own, naissance)) {
    const path = individuel === undefined ? ['beneficiaire', 'nir'] : ['beneficiaire', 'nirIndividuel'];
    issues.push(issue('LEDGER_BENEFICIAIRE_INCONSISTENT', { path, expected: `année/mois de naissance ${naissance.slice(0, 7)}`, received: own }));
  }
  if (issues.length > 0 || ps === undefined || nir === undefined || naissance === undefined || dateSoins === undefined) return inputErr(issues);
  actes.sort();
  const care = [ps, dateSoins, actes.join('+')];
  const careKey = ['v2', ps, nir, naissance, rang ?? 1, dateSoins, actes.join('+')].join('|');
  return ok(own === undefined ? { careKey } : { careKey, personKey: ['v2p', own, naissance, ...care].join('|') });
}

/**
 * Computes the main duplicate key of a care (see {@link computeCareKeys}).
 *
 * @param input - PS, beneficiary, date of care, act codes.
 * @returns The care key, or the input issues.
 * @example
 * computeCareKey({ ps: '991234567', beneficiaire: { nir: '185079912345639', dateNaissance: '1985-07-01' }, dateSoins: '2025-01-02', actes: ['C'] })
 */
export function computeCareKey(input: CareKeyInput): Result<string> {
  const r = computeCareKeys(input);
  return r.ok ? ok(r.value.careKey, r.issues) : r;
}
