/**
 * applyScorArl: the caisse's SCOR ARL against the manifest of the lot it answers — which pièces
 * were accepted, which must be sent again. MODELED (the ARL layout is restricted; read by a
 * ScorLotCodec).
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, ok } from '../../core/issues/index';
import { field, guardArray, guardInteger, guardObject, guardString, inputErr } from '../../core/guard/index';
import { SCOR_CODES } from '../codes';
import type { ScorArl, ScorLotManifest, ScorManifestEntry } from './model';

const issue = createIssueFactory(SCOR_CODES);

/** What the ARL says of the lot's pièces. */
export interface ScorArlReport {
  readonly numeroLot: number;
  readonly acceptees: readonly ScorManifestEntry[];
  /** Pièces refused (one by one, or the whole lot): to make again and send in a new lot. */
  readonly rejetees: readonly { readonly entry: ScorManifestEntry; readonly motif: string }[];
  /** Pièces of the lot the ARL does not mention (still awaited). */
  readonly sansReponse: readonly ScorManifestEntry[];
}

/**
 * Reconciles a SCOR ARL with the lot's manifest.
 *
 * @param manifest - The manifest of the lot (from buildScorLot), as stored.
 * @param arl - The ARL (from `ScorLotCodec.parseArl`).
 * @returns The report; `SCOR_ARL_LOT_MISMATCH` (error) when the ARL answers another lot or PS,
 *   `SCOR_ARL_REJECTED` (warning) per refused pièce or lot, `SCOR_ARL_UNKNOWN_PIECE` (warning)
 *   for a pièce the lot did not carry.
 */
export function applyScorArl(manifest: ScorLotManifest, arl: ScorArl): Result<ScorArlReport> {
  const issues: Issue[] = [];
  const m = guardObject(manifest, ['manifest'], issues);
  const a = guardObject(arl, ['arl'], issues);
  const entries = m && guardArray(field(m, 'entries'), ['manifest', 'entries'], issues);
  const pieces = a && guardArray(field(a, 'pieces'), ['arl', 'pieces'], issues);
  const lotM = m && guardInteger(field(m, 'numeroLot'), ['manifest', 'numeroLot'], issues);
  const lotA = a && guardInteger(field(a, 'numeroLot'), ['arl', 'numeroLot'], issues);
  const psM = m && guardString(field(m, 'numeroPs'), ['manifest', 'numeroPs'], issues);
  const psA = a && guardString(field(a, 'numeroPs'), ['arl', 'numeroPs'], issues);
  entries?.forEach((e, i) => guardObject(e, ['manifest', 'entries', i], issues));
  pieces?.forEach((p, i) => guardObject(p, ['arl', 'pieces', i], issues));
  if (issues.length > 0 || !entries || !pieces || lotM === undefined || lotA === undefined) return inputErr(issues);
  if (lotM !== lotA || psM !== psA) return { ok: false, issues: [issue('SCOR_ARL_LOT_MISMATCH', { path: ['arl', 'numeroLot'], received: `lot ${lotA} du PS ${psA}`, expected: `lot ${lotM} du PS ${psM}` })] };
  const key = (n: unknown, nature: unknown): string => `${String(n)}/${String(nature)}`;
  const byKey = new Map((entries as ScorManifestEntry[]).map((e) => [key(e.numeroFacture, e.nature), e] as const));
  const answered = new Set<string>();
  const acceptees: ScorManifestEntry[] = [];
  const rejetees: { entry: ScorManifestEntry; motif: string }[] = [];
  if (arl.statut === 'rejete') {
    for (const e of byKey.values()) {
      rejetees.push({ entry: e, motif: arl.motif ?? 'lot rejeté' });
      answered.add(key(e.numeroFacture, e.nature));
    }
    issues.push(issue('SCOR_ARL_REJECTED', { path: ['arl', 'statut'], received: `lot ${lotA} rejeté (${arl.motif ?? 'sans motif'})` }));
  } else {
    (pieces as ScorArl['pieces'][number][]).forEach((p, i) => {
      const k = key(p.numeroFacture, p.nature);
      const e = byKey.get(k);
      if (e === undefined) return void issues.push(issue('SCOR_ARL_UNKNOWN_PIECE', { path: ['arl', 'pieces', i], received: `facture n° ${p.numeroFacture} (${p.nature})` }));
      answered.add(k);
      if (p.statut === 'acceptee') acceptees.push(e);
      else {
        rejetees.push({ entry: e, motif: p.motif ?? 'sans motif' });
        issues.push(issue('SCOR_ARL_REJECTED', { path: ['arl', 'pieces', i], received: `facture n° ${p.numeroFacture} (${p.nature}) : ${p.motif ?? 'sans motif'}` }));
      }
    });
  }
  const sansReponse = [...byKey.entries()].filter(([k]) => !answered.has(k)).map(([, e]) => e);
  return ok({ numeroLot: lotM, acceptees, rejetees, sansReponse }, issues);
}

/**
 * The SCOR lots a given invoice's pièces went in (the bookkeeping of the manifests).
 *
 * @param manifests - Stored manifests.
 * @param numeroFacture - N° de facture.
 * @returns `{ numeroLot, entry }` per pièce of that invoice, in manifest order.
 */
export function findScorPieces(manifests: readonly ScorLotManifest[], numeroFacture: number): readonly { readonly numeroLot: number; readonly entry: ScorManifestEntry }[] {
  if (!Array.isArray(manifests)) return [];
  const out: { numeroLot: number; entry: ScorManifestEntry }[] = [];
  for (const m of manifests as unknown[]) {
    if (typeof m !== 'object' || m === null || !Array.isArray((m as ScorLotManifest).entries)) continue;
    for (const e of (m as ScorLotManifest).entries as unknown[]) {
      if (typeof e === 'object' && e !== null && (e as ScorManifestEntry).numeroFacture === numeroFacture) out.push({ numeroLot: (m as ScorLotManifest).numeroLot, entry: e as ScorManifestEntry });
    }
  }
  return out;
}
