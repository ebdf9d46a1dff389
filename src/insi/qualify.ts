/**
 * INS qualification: the identity returned by INSi is compared with the identity the software
 * holds (PMS), trait by trait, with strict equality. When every trait matches, the local
 * identity takes the INS: its status is « identité qualifiée » when the user's identity was
 * checked on a high-trust document (pièce d'identité), else « identité récupérée ». A difference
 * blocks it (one `INSI_TRAIT_MISMATCH` per trait): the RNIV asks for a human check, never an
 * automatic correction.
 *
 * Source: Référentiel « Identifiant national de santé » v2.0 and its annex, the Référentiel
 * national d'identitovigilance (RNIV, volet 1: statuts « identité provisoire / récupérée /
 * validée / qualifiée »), approved by the arrêté du 27 mai 2021 (JO du 8 juin 2021). The exact
 * comparison rule (no normalisation of case, accents or spaces) is the library's reading of
 * « strict » and is documented as such.
 */
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import type { Rec } from '../core/guard/index';
import { field, guardBoolean, guardObject, guardString, inputErr } from '../core/guard/index';
import { INSI_CODES } from './codes';
import type { InsiResult, MatriculeIns, TraitsIns } from './model';

const issue = createIssueFactory(INSI_CODES);

/** The identity held by the software, in the form of the INS traits. */
export interface IdentiteLocale {
  readonly nomNaissance: string;
  /** Prénoms de naissance, in order (compared with the INS `ListePrenom`, space separated). */
  readonly prenoms: readonly string[];
  readonly sexe: string;
  /** `YYYY-MM-DD`. */
  readonly dateNaissance: string;
  /** COG of the place of birth. */
  readonly lieuNaissance?: string;
}

/** Options of {@link computeInsQualification}. */
export interface InsQualificationOptions {
  /** The user's identity was checked on a high-trust document (carte d'identité, passeport…). */
  readonly identiteVerifiee: boolean;
}

/** A qualified or retrieved INS. */
export interface InsQualification {
  readonly statut: 'qualifie' | 'recupere';
  readonly ins: MatriculeIns;
  /** The traits to store with the INS (as INSi returned them). */
  readonly traits: TraitsIns;
}

/**
 * Compares an INSi answer with the local identity and tells the INS status.
 *
 * @param result - A parsed INSi answer ({@link parseInsiResponse}).
 * @param locale - The identity the software holds.
 * @param options - `identiteVerifiee`: a high-trust identity document was checked.
 * @returns `{ statut: 'qualifie' | 'recupere', ins, traits }`, or `INSI_NOT_FOUND` (CR 01 / 02),
 *   one `INSI_TRAIT_MISMATCH` per differing trait (path `['nomNaissance']`…), `INPUT_*`.
 * @example
 * const q = computeInsQualification(r.value, { nomNaissance: 'DUPONT', prenoms: ['JEANNE'], sexe: 'F', dateNaissance: '1980-02-01' }, { identiteVerifiee: true });
 * @see Référentiel national d'identitovigilance (RNIV), volet 1 (arrêté du 27 mai 2021)
 */
export function computeInsQualification(result: InsiResult, locale: IdentiteLocale, options: InsQualificationOptions): Result<InsQualification> {
  const issues: Issue[] = [];
  const r = guardObject(result, ['result'], issues);
  const l = guardObject(locale, ['locale'], issues);
  const o = guardObject(options, ['options'], issues);
  const verifiee = o && guardBoolean(field(o, 'identiteVerifiee'), ['options', 'identiteVerifiee'], issues);
  const codeCr = r && guardString(field(r, 'codeCr'), ['result', 'codeCr'], issues, { max: 2 });
  const local: Record<string, string | undefined> = {};
  if (l) {
    for (const k of ['nomNaissance', 'sexe', 'dateNaissance', 'lieuNaissance']) local[k] = guardString(field(l, k), ['locale', k], issues, { required: k !== 'lieuNaissance', max: 200 });
    const p = field(l, 'prenoms');
    if (Array.isArray(p) && p.length > 0 && p.length <= 20 && p.every((x) => typeof x === 'string')) local['listePrenoms'] = p.join(' ');
    else guardString(p === undefined ? undefined : 0, ['locale', 'prenoms'], issues, { expected: 'liste de prénoms (1 à 20 textes)' });
  }
  if (issues.length > 0 || verifiee === undefined || codeCr === undefined) return inputErr(issues);
  if (codeCr !== '00') return err(issue('INSI_NOT_FOUND', { path: ['result', 'codeCr'], received: `code ${codeCr}` }));
  const identite = field(r!, 'identite');
  const rec = (v: unknown): Rec | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Rec) : undefined);
  const traits = rec(identite) && rec(field(rec(identite)!, 'traits'));
  const ins = rec(identite) && rec(field(rec(identite)!, 'ins'));
  if (!traits || !ins) return inputErr([issue('INSI_MISSING', { path: ['result', 'identite'], expected: 'identite (code retour 00)' })]);
  const compared: readonly (readonly [keyof TraitsIns, string])[] = [['nomNaissance', 'nomNaissance'], ['listePrenoms', 'prenoms'], ['sexe', 'sexe'], ['dateNaissance', 'dateNaissance'], ['lieuNaissance', 'lieuNaissance']];
  const mismatches: Issue[] = [];
  for (const [k, path] of compared) {
    const ref = field(traits, k);
    if (ref === undefined) continue;
    const mine = local[k === 'listePrenoms' ? 'listePrenoms' : k];
    if (mine !== ref) mismatches.push(issue('INSI_TRAIT_MISMATCH', { path: [path], expected: ref, received: mine ?? '(absent)' }));
  }
  if (mismatches.length > 0) return err(mismatches[0]!, ...mismatches.slice(1));
  return ok({ statut: verifiee ? 'qualifie' : 'recupere', ins: ins as unknown as MatriculeIns, traits: traits as unknown as TraitsIns });
}
