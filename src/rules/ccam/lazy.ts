/**
 * The CCAM indexed by code straight from its compact text, compiled act by act on first use, so
 * loading the whole CCAM costs one scan of the text (no row objects) and pricing an act costs a
 * hash lookup (Hint: the CCAM holds ~8 300 acts, ~47 000 tariff rows; an invoice uses a few).
 */
import type { PlainDate } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { assert, createIssueFactory, resultOf } from '../../core/issues/index';
import { guardObject, guardString, inputErr } from '../../core/guard/index';
import type { CompiledRow, Referentiel, TarifRow } from '../referentiel';
import { compileCodeRows } from '../referentiel';
import { splitVersions } from '../versions';
import { CCAM_CODES } from './codes';
import { parseCcamHistory } from './history';
import type { CcamHistory } from './model';
import { ccamRows } from './toTable';

const issue = createIssueFactory(CCAM_CODES);

/** A CCAM indexed by act code over its compact text. */
export interface CcamIndex {
  /** Versions, oldest first. */
  readonly versions: readonly { readonly version: string; readonly applicable: PlainDate; readonly source: string }[];
  /** Number of acts. */
  readonly size: number;
  /** The act's periods (parsed on first use, then cached), or undefined for an unknown code. */
  readonly history: (code: string) => CcamHistory | undefined;
}

/**
 * Indexes a compact CCAM text by act code (one pass, no parsing of the acts).
 *
 * @param compact - Text written by `serializeCcamHistory` (e.g. `CCAM_COMPACT`).
 * @returns The index; `CCAM_CSV` when the text has no version line.
 */
export function indexCcam(compact: string): Result<CcamIndex> {
  const guard: Issue[] = [];
  const text = guardString(compact, ['compact'], guard, { max: 256 * 1024 * 1024, expected: 'texte compact de la CCAM' });
  if (text === undefined) return inputErr(guard);
  const versionLines: string[] = [];
  const ranges = new Map<string, [number, number]>();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const kind = text.charCodeAt(start);
    if (kind === 65 /* A */) {
      const codeEnd = text.indexOf('\t', start + 2);
      const code = text.slice(start + 2, codeEnd < 0 || codeEnd > end ? end : codeEnd);
      const range = ranges.get(code);
      if (range === undefined) ranges.set(code, [start, end]);
      else range[1] = end;
    } else if (kind === 86 /* V */) {
      versionLines.push(text.slice(start, end));
    }
    start = end + 1;
  }
  if (versionLines.length === 0) return inputErr([issue('CCAM_CSV', { received: 'aucune ligne de version (V)' })]);
  const head = `${versionLines.join('\n')}\n`;
  const parsedVersions = parseCcamHistory(head);
  if (!parsedVersions.ok) return parsedVersions;
  const cache = new Map<string, CcamHistory | null>();
  const history = (code: string): CcamHistory | undefined => {
    let h = cache.get(code);
    if (h === undefined) {
      const range = ranges.get(code);
      const parsed = range === undefined ? undefined : parseCcamHistory(`${head}${text.slice(range[0], range[1])}\n`);
      h = parsed?.ok === true ? parsed.value : null;
      cache.set(code, h);
    }
    return h ?? undefined;
  };
  return resultOf({ versions: parsedVersions.value.versions, size: ranges.size, history }, []);
}

/**
 * A référentiel that also prices CCAM acts, compiled act by act on first use.
 *
 * @param base - The référentiel to extend (e.g. `DEFAULT_REFERENTIEL`); its own rows win.
 * @param ccam - The CCAM index.
 * @returns The extended référentiel; its `version` names the CCAM versions.
 * @example
 * const ref = withCcam(DEFAULT_REFERENTIEL, unwrap(indexCcam(CCAM_COMPACT)));
 * computeFacture(input, { referentiel: ref });
 */
export function withCcam(base: Referentiel, ccam: CcamIndex): Referentiel {
  assert(
    guardObject(base, [], []) !== undefined && base.index instanceof Map && guardObject(ccam, [], []) !== undefined && typeof ccam.history === 'function' && Array.isArray(ccam.versions),
    'withCcam expects a Referentiel (loadReferentiel) and a CcamIndex (indexCcam)',
  );
  const compiled = new Map<string, readonly CompiledRow[] | null>();
  const fromBase = (key: string): readonly CompiledRow[] | undefined => base.index.get(key) ?? base.resolve?.(key);
  const resolve = (key: string): readonly CompiledRow[] | undefined => {
    // Hint: a compiled key is never one of the base's (those are left out when compiling), so the
    // CCAM rows are found first, without the base's lookups that miss (the hot path of pricing).
    const hit = compiled.get(key);
    if (hit !== undefined && hit !== null) return hit;
    const known = fromBase(key);
    if (known !== undefined) return known;
    let rows: readonly CompiledRow[] | null | undefined = hit;
    if (rows === undefined) {
      const slash = key.indexOf('/');
      const code = slash < 0 ? key : key.slice(0, slash);
      const h = ccam.history(code);
      const all: TarifRow[] = h === undefined ? [] : ccamRows(h);
      const byKey = new Map<string, TarifRow[]>();
      for (const row of all) {
        const list = byKey.get(row.code) ?? [];
        list.push(row);
        byKey.set(row.code, list);
      }
      for (const [k, list] of byKey) {
        // The base's own rows win: such a key is not compiled (see the Hint above).
        if (k !== key && fromBase(k) !== undefined) continue;
        const r = compileCodeRows(list);
        compiled.set(k, r.ok ? r.value : null);
      }
      rows = compiled.get(key) ?? null;
      compiled.set(key, rows);
    }
    return rows ?? undefined;
  };
  const ccamVersions = ccam.versions.map((v) => v.version);
  const versions = Object.freeze([...(Array.isArray(base.versions) ? base.versions : splitVersions(base.version)), ...ccamVersions]);
  return { version: `${base.version} + ${ccamVersions.join(' + ')}`, versions, index: base.index, resolve };
}
