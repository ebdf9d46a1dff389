/**
 * Boundary checks of the paper fallbacks: shapes (`INPUT_*`), and the amounts of each décompte
 * adding up (the totals of a Decompte are the sums of its lines), so a document never prints
 * figures that contradict each other.
 */
import type { Issue, IssuePath } from '../../core/issues/index';
import { createIssueFactory } from '../../core/issues/index';
import type { Rec } from '../../core/guard/index';
import { field, guardArray, guardBoolean, guardFactor, guardInteger, guardMoney, guardObject, guardPlainDate, guardString } from '../../core/guard/index';
import type { Money } from '../../core/money/index';
import { formatMoney } from '../../core/money/index';
import { SCOR_CODES } from '../codes';
import { checkPdfAOptions } from '../options';
import type { PaperBeneficiaire, PaperDecompte, PaperLigne, PaperOptions, PaperPs, PaperTotal } from './model';

const issue = createIssueFactory(SCOR_CODES);
// eslint-disable-next-line no-control-regex
const TEXT = /^[^\u0000-\u001f\u007f]*$/;
const text = (o: Rec, k: string, path: IssuePath, issues: Issue[], required = true, max = 120): string | undefined =>
  guardString(field(o, k), [...path, k], issues, { required, min: required ? 1 : 0, max, pattern: TEXT, expected: `texte d’une ligne, ${max} caractères au plus` });

/**
 * Checks the professional.
 *
 * @param v - Caller value.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns The PS, or undefined after an issue.
 */
export function checkPs(v: unknown, path: IssuePath, issues: Issue[]): PaperPs | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const nom = text(o, 'nom', path, issues);
  const identifiant = guardString(field(o, 'identifiant'), [...path, 'identifiant'], issues, { pattern: /^[0-9A-Za-z]{8,11}$/, expected: 'n° d’identification de 8 à 11 caractères (AM ou RPPS)' });
  const specialite = text(o, 'specialite', path, issues, false);
  const adresse = text(o, 'adresse', path, issues, false, 200);
  if (nom === undefined || identifiant === undefined) return undefined;
  return { nom, identifiant, ...(specialite ? { specialite } : {}), ...(adresse ? { adresse } : {}) };
}

/**
 * Checks the patient.
 *
 * @param v - Caller value.
 * @param path - Its path.
 * @param issues - Collector.
 * @returns The bénéficiaire, or undefined after an issue.
 */
export function checkBeneficiaire(v: unknown, path: IssuePath, issues: Issue[]): PaperBeneficiaire | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const nom = text(o, 'nom', path, issues);
  const prenom = text(o, 'prenom', path, issues);
  const nir = guardString(field(o, 'nir'), [...path, 'nir'], issues, { required: false, pattern: /^[0-9]{5}[0-9AB][0-9]{9}$/, expected: 'NIR de 13 caractères et sa clé (15)' });
  const dateNaissance = guardPlainDate(field(o, 'dateNaissance'), [...path, 'dateNaissance'], issues, { required: false });
  const organisme = text(o, 'organisme', path, issues, false, 40);
  const numeroAdherent = text(o, 'numeroAdherent', path, issues, false, 40);
  if (nom === undefined || prenom === undefined) return undefined;
  return { nom, prenom, ...(nir ? { nir } : {}), ...(dateNaissance ? { dateNaissance } : {}), ...(organisme ? { organisme } : {}), ...(numeroAdherent ? { numeroAdherent } : {}) };
}

const TOTAL_KEYS = ['montantFacture', 'partAmo', 'partAmc', 'rembourseAmo', 'participationForfaitaire', 'franchise', 'resteAChargePatient'] as const;
const SUMMED = ['montantFacture', 'partAmo', 'partAmc'] as const;

function checkLigne(v: unknown, path: IssuePath, issues: Issue[]): PaperLigne | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const code = guardString(field(o, 'code'), [...path, 'code'], issues, { min: 1, max: 16, pattern: TEXT });
  const date = guardPlainDate(field(o, 'date'), [...path, 'date'], issues);
  const quantite = guardInteger(field(o, 'quantite'), [...path, 'quantite'], issues, { min: 1, max: 999 });
  const coefficient = field(o, 'coefficient') === undefined ? undefined : guardFactor(field(o, 'coefficient'), [...path, 'coefficient'], issues);
  const montantFacture = guardMoney(field(o, 'montantFacture'), [...path, 'montantFacture'], issues);
  const baseRemboursement = field(o, 'baseRemboursement') === undefined ? undefined : guardMoney(field(o, 'baseRemboursement'), [...path, 'baseRemboursement'], issues);
  const partAmo = guardMoney(field(o, 'partAmo'), [...path, 'partAmo'], issues);
  const partAmc = guardMoney(field(o, 'partAmc'), [...path, 'partAmc'], issues);
  if (code === undefined || date === undefined || quantite === undefined || montantFacture === undefined || partAmo === undefined || partAmc === undefined) return undefined;
  return { code, date, quantite, ...(coefficient ? { coefficient } : {}), montantFacture, ...(baseRemboursement ? { baseRemboursement } : {}), partAmo, partAmc };
}

/**
 * Checks a décompte: shape, at least one line, and the invoice totals equal to the sums of the
 * lines (`SCOR_PAPER_TOTAL_MISMATCH` at `total.<amount>`).
 *
 * @param v - Caller value (a Decompte of computeFacture).
 * @param path - Its path.
 * @param issues - Collector.
 * @returns The décompte, or undefined after an issue.
 */
export function checkDecompte(v: unknown, path: IssuePath, issues: Issue[]): PaperDecompte | undefined {
  const before = issues.length;
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const raw = guardArray(field(o, 'lignes'), [...path, 'lignes'], issues, { max: 500 });
  const lignes: PaperLigne[] = [];
  raw?.forEach((l, i) => {
    const ligne = checkLigne(l, [...path, 'lignes', i], issues);
    if (ligne !== undefined) lignes.push(ligne);
  });
  if (raw !== undefined && raw.length === 0) issues.push(issue('SCOR_PAPER_NO_LINE', { path: [...path, 'lignes'], received: 'aucune ligne' }));
  const t = guardObject(field(o, 'total'), [...path, 'total'], issues);
  const total: Partial<Record<(typeof TOTAL_KEYS)[number], Money>> = {};
  if (t !== undefined) for (const k of TOTAL_KEYS) {
    const m = guardMoney(field(t, k), [...path, 'total', k], issues);
    if (m !== undefined) total[k] = m;
  }
  const aEncaisserPatient = guardMoney(field(o, 'aEncaisserPatient'), [...path, 'aEncaisserPatient'], issues);
  const tiersPayantAmo = guardBoolean(field(o, 'tiersPayantAmo'), [...path, 'tiersPayantAmo'], issues);
  const tiersPayantAmc = guardBoolean(field(o, 'tiersPayantAmc'), [...path, 'tiersPayantAmc'], issues);
  if (issues.length > before || aEncaisserPatient === undefined || tiersPayantAmo === undefined || tiersPayantAmc === undefined) return undefined;
  for (const k of SUMMED) {
    const sum = lignes.reduce((s, l) => s + l[k].centimes, 0);
    const declared = total[k]!.centimes;
    if (sum !== declared) issues.push(issue('SCOR_PAPER_TOTAL_MISMATCH', { path: [...path, 'total', k], received: formatMoney(total[k]!, { ascii: true }), expected: formatMoney({ centimes: sum }, { ascii: true }) }));
  }
  if (issues.length > before) return undefined;
  return { lignes, total: total as PaperTotal, aEncaisserPatient, tiersPayantAmo, tiersPayantAmc };
}

/**
 * Checks the options (`at`, `documentId`, as buildPdfA's).
 *
 * @param v - Caller value.
 * @param issues - Collector.
 * @returns The options, or undefined after an issue.
 */
export function checkPaperOptions(v: unknown, issues: Issue[]): PaperOptions | undefined {
  if (v === undefined) return {};
  const o = guardObject(v, ['options'], issues);
  if (o === undefined) return undefined;
  const c = checkPdfAOptions({ at: field(o, 'at'), documentId: field(o, 'documentId') }, issues);
  if (c === undefined) return undefined;
  return { ...(c.at !== undefined ? { at: c.at } : {}), ...(c.documentId !== undefined ? { documentId: c.documentId } : {}) };
}
