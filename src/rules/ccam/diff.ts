/**
 * What changed between two CCAM versions (internal: `npm run referentiel:diff`, and the summary of
 * `sesam referentiel import-ccam`): acts added and removed, tariffs changed per activité × phase
 * × column, other changes (label, conditions, modificateurs), printed as CHANGELOG bullets
 * (CHANGELOG.md: one bullet per change, starting with Add / Change / Remove). Order is
 * deterministic: by act code, then activité and phase.
 */
import type { PlainDate } from '../../core/date/index';
import { addDays } from '../../core/date/index';
import { formatMoney, parseMoney } from '../../core/money/index';
import type { CcamActe, CcamActivite } from './model';

/** One version's acts. */
export interface CcamState {
  readonly version: string;
  readonly applicable: PlainDate;
  readonly source: string;
  readonly actes: readonly CcamActe[];
}

/** A tariff that changed: `undefined` = no such activité (or blank), `null` = non pris en charge. */
export interface CcamTarifChange {
  readonly activite: string;
  readonly phase: string;
  readonly colonne: 'secteur1' | 'horsSecteur1';
  readonly avant: string | null | undefined;
  readonly apres: string | null | undefined;
}

/** The differences between two versions. */
export interface CcamDiff {
  readonly from: CcamState;
  readonly to: CcamState;
  readonly added: readonly CcamActe[];
  readonly removed: readonly CcamActe[];
  /** Acts present in both whose tariffs changed, with their changes. */
  readonly tarifs: readonly { readonly acte: CcamActe; readonly changes: readonly CcamTarifChange[] }[];
  /** Codes present in both whose label, conditions or modificateurs changed (tariffs aside). */
  readonly autres: readonly string[];
  /** Activité rows of the newer version. */
  readonly activites: number;
}

const byCode = (a: CcamActe, b: CcamActe): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const key = (a: CcamActivite): string => `${a.activite}.${a.phase}`;

/**
 * Compares two versions.
 *
 * @param from - The older version.
 * @param to - The newer version.
 * @returns The differences, sorted by code.
 */
export function diffCcam(from: CcamState, to: CcamState): CcamDiff {
  const old = new Map(from.actes.map((a) => [a.code, a] as const));
  const now = new Map(to.actes.map((a) => [a.code, a] as const));
  const added = to.actes.filter((a) => !old.has(a.code)).sort(byCode);
  const removed = from.actes.filter((a) => !now.has(a.code)).sort(byCode);
  const tarifs: { acte: CcamActe; changes: CcamTarifChange[] }[] = [];
  const autres: string[] = [];
  for (const acte of [...to.actes].sort(byCode)) {
    const before = old.get(acte.code);
    if (before === undefined) continue;
    const changes = tarifChanges(before.activites, acte.activites);
    if (changes.length > 0) tarifs.push({ acte, changes });
    const mods = (l: readonly CcamActivite[]): string => l.map((a) => `${key(a)}:${a.modificateurs.join('')}`).sort().join(';');
    if (before.libelle !== acte.libelle || before.remboursementSousConditions !== acte.remboursementSousConditions || before.accordPrealable !== acte.accordPrealable ||
      before.exonerationTm !== acte.exonerationTm || before.regroupement !== acte.regroupement || mods(before.activites) !== mods(acte.activites)) autres.push(acte.code);
  }
  const activites = to.actes.reduce((n, a) => n + a.activites.length, 0);
  return { from, to, added, removed, tarifs, autres, activites };
}

function tarifChanges(before: readonly CcamActivite[], after: readonly CcamActivite[]): CcamTarifChange[] {
  const b = new Map(before.map((a) => [key(a), a] as const));
  const a = new Map(after.map((x) => [key(x), x] as const));
  const keys = [...new Set([...b.keys(), ...a.keys()])].sort();
  const out: CcamTarifChange[] = [];
  for (const k of keys) {
    const [activite = '', phase = ''] = k.split('.');
    for (const colonne of ['secteur1', 'horsSecteur1'] as const) {
      const avant = b.get(k)?.[colonne];
      const apres = a.get(k)?.[colonne];
      if (avant !== apres) out.push({ activite, phase, colonne, avant, apres });
    }
  }
  return out;
}

/** `'280.66'` → `'280,66 €'`; `null` → non pris en charge; absent → sans tarif. */
function tarifText(t: string | null | undefined): string {
  if (t === undefined) return 'sans tarif';
  if (t === null) return 'non pris en charge';
  const m = parseMoney(t);
  return m.ok ? formatMoney(m.value) : t;
}

const COLONNE = { secteur1: 'secteur 1 / OPTAM', horsSecteur1: 'hors secteur 1 / hors OPTAM' } as const;

/** Options of {@link formatCcamDiff}. */
export interface FormatCcamDiffOptions {
  /** Issue number appended to each bullet (`(#11)`). */
  readonly issue?: number;
  /** Print the summary and added / removed acts only (no per-act tariff bullets). */
  readonly summary?: boolean;
}

/**
 * The differences as CHANGELOG bullets (one per line, `- ` first).
 *
 * @param d - From {@link diffCcam}.
 * @param options - Issue number, summary only.
 * @returns The lines.
 */
export function formatCcamDiff(d: CcamDiff, options: FormatCcamDiffOptions = {}): string[] {
  const end = options.issue === undefined ? '.' : ` (#${options.issue}).`;
  const from = d.to.applicable;
  const acts = (n: number): string => `${n} act${n === 1 ? '' : 's'}`;
  const lines = [
    `- Change the CCAM to ${d.to.version}, applicable from ${from} (${d.to.source}; was ${d.from.version}, applicable from ${d.from.applicable}): ${acts(d.added.length)} added, ${acts(d.removed.length)} removed, ${acts(d.tarifs.length)} with tariffs changed, ${acts(d.autres.length)} with label, conditions or modificateurs changed${end}`,
  ];
  for (const a of d.added) {
    const prices = a.activites.map((x) => `activité ${x.activite} phase ${x.phase} ${tarifText(x.secteur1)} / ${tarifText(x.horsSecteur1)}`).join(', ');
    lines.push(`- Add CCAM act ${a.code} from ${from}: « ${a.libelle} »${prices === '' ? '' : ` (${prices})`}${end}`);
  }
  const last = addDays(from, -1);
  for (const a of d.removed) lines.push(`- Remove CCAM act ${a.code} from ${from} (last day ${last}): « ${a.libelle} »${end}`);
  if (options.summary !== true) {
    for (const t of d.tarifs) {
      const changes = t.changes.map((c) => `activité ${c.activite} phase ${c.phase} ${COLONNE[c.colonne]} ${tarifText(c.avant)} → ${tarifText(c.apres)}`).join(', ');
      lines.push(`- Change the CCAM tariff of ${t.acte.code} from ${from}: ${changes}${end}`);
    }
  }
  return lines;
}
