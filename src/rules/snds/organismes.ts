/**
 * Caisses (IR_CAI_V), régimes (IR_RGM_V) and grands régimes (IR_GRG_V) of the SNDS
 * nomenclatures, for controls and routing (which caisse receives an invoice).
 *
 * IR_ORG_V (59 812 organismes with their centres) is not shipped: 256 kB gzipped, twice in the
 * package. Labels of caisses and régimes are not shipped either (size); the codes are.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { SNDS_CODES } from './codes';
import { lazy, readGrouped } from './compact';
import { CAISSES_COMPACT } from './generated/caisses.generated';
import { REGIMES_COMPACT } from './generated/regimes.generated';

const issue = createIssueFactory(SNDS_CODES);

/** Grands régimes (SNDS table IR_GRG_V): code on 2 digits → label. */
export const GRANDS_REGIMES: Readonly<Record<string, string>> = Object.freeze({
  '01': 'Régime général (CPAM, CGSS)', '02': 'Mutualité sociale agricole (MSA)', '03': 'Travailleurs indépendants',
  '04': 'SNCF', '05': 'RATP', '06': 'ENIM (marins)', '07': 'Mines (CANSSM)', '08': 'CNMSS (militaires)', '09': 'Banque de France',
  '10': 'CRPCEN (clercs et employés de notaires)', '12': 'CCI Paris', '14': 'Assemblée nationale', '15': 'Sénat',
  '16': 'Port autonome de Bordeaux', '17': 'Caisse des Français de l’étranger', '90': 'CAVIMAC (cultes)', '91': 'MGEN',
  '92': 'Mutuelle générale', '93': 'Mutuelle générale de la police', '94': 'MFP services', '95': 'MNH', '96': 'Marine', '99': 'Inconnu',
});

/** A caisse (organisme de base) of IR_CAI_V. */
export interface Caisse {
  /** Organisme de base as the SNDS writes it (`'01C751'`). */
  readonly code: string;
  /** Grand régime on 2 digits (`'01'`). */
  readonly grandRegime: string;
  /** Label of the grand régime, when known. */
  readonly libelleGrandRegime?: string;
  /** Letter between régime and caisse in the SNDS code (`'C'`, `'A'`, `'M'`, `'I'`), as written. */
  readonly categorie: string;
  /** N° de caisse on 3 digits (`'751'`). */
  readonly caisse: string;
  /** Type of caisse as IR_CAI_V writes it (`ORG_CAI_TYP`: `RG`, `SM`, `AR`, `VI`, `RP` …). */
  readonly type: string;
}

/** Caisses: `01C751` → type. */
const caisses = lazy(() => {
  const map = new Map<string, string>();
  for (const g of readGrouped(CAISSES_COMPACT)) for (const n of g.numbers) map.set(`${g.key}${String(n).padStart(3, '0')}`, g.type);
  return map;
});
/** Petits régimes: `04/676`. */
const regimes = lazy(() => {
  const set = new Set<string>();
  for (const g of readGrouped(REGIMES_COMPACT)) for (const n of g.numbers) set.add(`${g.key}/${n}`);
  return set;
});

function caisseOf(code: string, type: string): Caisse {
  const grandRegime = code.slice(0, 2);
  const libelle = GRANDS_REGIMES[grandRegime];
  return { code, grandRegime, ...(libelle === undefined ? {} : { libelleGrandRegime: libelle }), categorie: code.slice(2, 3), caisse: code.slice(3), type };
}

/**
 * Finds a caisse by its SNDS code (`'01C751'`) or by régime + caisse as a card or a B2 file
 * writes them (`'01751'`: régime `01`, caisse `751`; the `C` category is tried first).
 *
 * @param code - The code.
 * @returns The caisse, or `SNDS_CODE_INCONNU`.
 * @example
 * findCaisse('01751') // ok: { code: '01C751', grandRegime: '01', caisse: '751', type: 'RG', … }
 */
export function findCaisse(code: string): Result<Caisse> {
  if (typeof code === 'string') {
    if (/^\d{2}[A-Z]\d{3}$/.test(code)) {
      const type = caisses().get(code);
      if (type !== undefined) return ok(caisseOf(code, type));
    } else if (/^\d{5}$/.test(code)) {
      for (const cat of ['C', 'A', 'M', 'I']) {
        const full = `${code.slice(0, 2)}${cat}${code.slice(2)}`;
        const type = caisses().get(full);
        if (type !== undefined) return ok(caisseOf(full, type));
      }
    }
  }
  return err(issue('SNDS_CODE_INCONNU', { path: ['code'], expected: 'de caisse (IR_CAI_V)', received: code }));
}

/** A régime of IR_RGM_V. */
export interface Regime {
  /** Grand régime on 2 digits. */
  readonly grandRegime: string;
  /** Label of the grand régime, when known. */
  readonly libelleGrandRegime?: string;
  /** Petit régime (`RGM_COD`, `'676'`), when one was asked. */
  readonly regime?: string;
}

/**
 * Finds a régime: a grand régime alone, or a grand régime and one of its petits régimes.
 *
 * @param grandRegime - Code of the grand régime (`'01'`, `'1'`).
 * @param regime - Code of the petit régime (`RGM_COD`), optional.
 * @returns The régime, or `SNDS_CODE_INCONNU`.
 */
export function findRegime(grandRegime: string, regime?: string): Result<Regime> {
  const issues: Issue[] = [];
  const g = typeof grandRegime === 'string' && /^\d{1,2}$/.test(grandRegime) ? grandRegime.padStart(2, '0') : undefined;
  const r = regime === undefined ? undefined : typeof regime === 'string' && /^\d{1,4}$/.test(regime) ? String(Number(regime)) : null;
  const libelle = g === undefined ? undefined : GRANDS_REGIMES[g];
  if (g === undefined || (libelle === undefined && ![...regimes()].some((k) => k.startsWith(`${g}/`)))) {
    issues.push(issue('SNDS_CODE_INCONNU', { path: ['grandRegime'], expected: 'de grand régime (IR_GRG_V)', received: grandRegime }));
  } else if (r === null || (r !== undefined && !regimes().has(`${g}/${r}`))) {
    issues.push(issue('SNDS_CODE_INCONNU', { path: ['regime'], expected: `de régime du grand régime ${g} (IR_RGM_V)`, received: regime }));
  }
  const [first, ...rest] = issues;
  if (first !== undefined || g === undefined) return err(first ?? issue('SNDS_CODE_INCONNU', { path: ['grandRegime'], received: grandRegime }), ...rest);
  return ok({ grandRegime: g, ...(libelle === undefined ? {} : { libelleGrandRegime: libelle }), ...(r === undefined || r === null ? {} : { regime: r }) });
}
