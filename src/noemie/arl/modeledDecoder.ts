/**
 * Decoder and serializer of the modeled ARL format (see modeled.ts), and the default
 * {@link ArlDecoder}. Replace `MODELED_ARL_DECODER` by an official decoder when available.
 */
import type { PlainDate } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok, resultOf } from '../../core/issues/index';
import { field, guardArray, guardBytes, guardEnum, guardObject, guardString, inputErr } from '../../core/guard/index';
import { decodeLatin1, encodeLatin1, latin1View } from '../../internal/fixed-width/charset';
import { parseRecord } from '../../internal/fixed-width/parse';
import { serializeRecord } from '../../internal/fixed-width/serialize';
import { NOEMIE_CODES } from '../codes';
import { LAYOUT_ARL_FIN, LAYOUT_ARL_HEADER, LAYOUT_ARL_LOT, MODELED_ARL_FORMAT } from './modeled';
import type { Arl, ArlDecoder, ArlLot, ArlMotif, ArlStatut } from './types';

const issue = createIssueFactory(NOEMIE_CODES);
const REFERENCE = '2049-12-31' as PlainDate;

const statut = (c: 'P' | 'N'): ArlStatut => (c === 'P' ? 'positif' : 'negatif');
const motifOf = (code: string, libelle: string): ArlMotif | undefined => (code === '' && libelle === '' ? undefined : { code, libelle });

/**
 * Decodes an ARL in the modeled format.
 *
 * @param bytes - The ARL bytes (128-byte records, optionally one per line).
 * @returns The ARL or `ARL_*` / `FW_*` issues; never throws on bad bytes.
 */
export function decodeModeledArl(bytes: Uint8Array): Result<Arl> {
  const guarded: Issue[] = [];
  const input = guardBytes(bytes, ['bytes'], guarded);
  if (input === undefined) return inputErr(guarded);
  const text = decodeLatin1(latin1View(input)).replace(/\r?\n/g, '');
  if (text.trim() === '') return err(issue('ARL_EMPTY'));
  if (text.length % 128 !== 0) return err(issue('ARL_FORMAT', { received: `longueur ${text.length} non multiple de 128` }));
  const issues: Issue[] = [];
  let head: Record<string, unknown> | undefined;
  const lots: ArlLot[] = [];
  let declared: number | undefined;
  for (let i = 0; i * 128 < text.length; i++) {
    const rec = text.slice(i * 128, i * 128 + 128);
    const ctx = { record: i + 1, offset: i * 128, referenceDate: REFERENCE };
    const kind = rec.slice(0, 3);
    const layout = kind === 'ARL' ? LAYOUT_ARL_HEADER : kind === 'LOT' ? LAYOUT_ARL_LOT : kind === 'FIN' ? LAYOUT_ARL_FIN : undefined;
    if (layout === undefined || (i === 0) !== (kind === 'ARL')) {
      issues.push(issue('ARL_RECORD', { path: ['records', i], received: kind.replace(/[^\x20-\x7e]/g, '?'), source: { record: i + 1, offset: i * 128 } }));
      continue;
    }
    const r = parseRecord(layout, rec, { ...ctx, path: kind === 'LOT' ? ['lots', lots.length] : [] });
    issues.push(...r.issues);
    if (!r.ok) continue;
    const v = r.value as Record<string, unknown>;
    if (kind === 'ARL') head = v;
    else if (kind === 'FIN') declared = v['nombreLots'] as number;
    else {
      const motif = motifOf(v['codeMotif'] as string, v['libelleMotif'] as string);
      lots.push({
        numeroLot: v['numeroLot'] as string,
        statut: statut(v['statut'] as 'P' | 'N'),
        ...(v['dateConstitution'] !== undefined ? { dateConstitution: v['dateConstitution'] as PlainDate } : {}),
        ...(v['nombreFactures'] !== undefined ? { nombreFactures: v['nombreFactures'] as number } : {}),
        ...(motif !== undefined ? { motif } : {}),
      });
    }
  }
  if (head === undefined) return resultOf(undefined as never, issues.length > 0 ? issues : [issue('ARL_FORMAT', { received: 'en-tête ARL absent' })]);
  if (declared === undefined) issues.push(issue('ARL_FORMAT', { received: 'enregistrement FIN absent' }));
  else if (declared !== lots.length) issues.push(issue('ARL_LOT_COUNT', { path: ['lots'], expected: String(declared), received: lots.length }));
  const motif = motifOf(head['codeMotif'] as string, head['libelleMotif'] as string);
  const arl: Arl = {
    statut: statut(head['statut'] as 'P' | 'N'),
    identificationFichier: head['identificationFichier'] as string,
    dateReception: head['dateReception'] as PlainDate,
    typeEmetteur: head['typeEmetteur'] as string,
    numeroEmetteur: head['numeroEmetteur'] as string,
    numeroDestinataire: head['numeroDestinataire'] as string,
    ...(motif !== undefined ? { motif } : {}),
    lots,
  };
  if (arl.statut === 'negatif' && motif === undefined) issues.push(issue('ARL_NEGATIVE_WITHOUT_REASON', { path: ['motif'] }));
  return resultOf(arl, issues);
}

/**
 * Writes an ARL in the modeled format (simulator, fixtures).
 *
 * @param arl - The ARL.
 * @returns The bytes, or `FW_*` issues (e.g. a text too long for its zone).
 */
export function serializeModeledArl(arl: Arl): Result<Uint8Array> {
  const guarded: Issue[] = [];
  const a = guardArl(arl, guarded);
  if (a === undefined || guarded.length > 0) return inputErr(guarded);
  arl = a;
  const code = (s: ArlStatut): 'P' | 'N' => (s === 'positif' ? 'P' : 'N');
  const parts = [
    serializeRecord(LAYOUT_ARL_HEADER, { ...arl, statut: code(arl.statut), codeMotif: arl.motif?.code ?? '', libelleMotif: arl.motif?.libelle ?? '' }, { path: [] }),
    ...arl.lots.map((l, i) =>
      serializeRecord(LAYOUT_ARL_LOT, { numeroLot: l.numeroLot, dateConstitution: l.dateConstitution, statut: code(l.statut), nombreFactures: l.nombreFactures, codeMotif: l.motif?.code ?? '', libelleMotif: l.motif?.libelle ?? '' }, { path: ['lots', i] }),
    ),
    serializeRecord(LAYOUT_ARL_FIN, { nombreLots: arl.lots.length }, { path: [] }),
  ];
  const issues = parts.flatMap((p) => p.issues);
  if (parts.some((p) => !p.ok)) return resultOf(new Uint8Array(0), issues);
  const bytes = encodeLatin1(parts.map((p) => (p.ok ? p.value : '')).join(''));
  return typeof bytes === 'number' ? err(issue('ARL_FORMAT', { received: 'caractère non latin1' })) : ok(bytes, issues);
}

const STATUTS: readonly ArlStatut[] = ['positif', 'negatif'];

/** Checks the shape {@link serializeModeledArl} reads (zones themselves are checked by the layout). */
function guardArl(v: unknown, issues: Issue[]): Arl | undefined {
  const o = guardObject(v, [], issues);
  if (o === undefined) return undefined;
  guardEnum(field(o, 'statut'), STATUTS, ['statut'], issues);
  guardMotif(field(o, 'motif'), ['motif'], issues);
  const lots = guardArray(field(o, 'lots'), ['lots'], issues, { max: 999 });
  lots?.forEach((raw, i) => {
    const l = guardObject(raw, ['lots', i], issues);
    if (l === undefined) return;
    guardEnum(field(l, 'statut'), STATUTS, ['lots', i, 'statut'], issues);
    guardMotif(field(l, 'motif'), ['lots', i, 'motif'], issues);
  });
  return o as unknown as Arl;
}

function guardMotif(v: unknown, path: readonly (string | number)[], issues: Issue[]): void {
  const m = guardObject(v, [...path], issues, { required: false });
  if (m === undefined) return;
  guardString(field(m, 'code'), [...path, 'code'], issues);
  guardString(field(m, 'libelle'), [...path, 'libelle'], issues);
}

/** The default ARL decoder: the modeled format. Replace with an official decoder behind the same port. */
export const MODELED_ARL_DECODER: ArlDecoder = { format: MODELED_ARL_FORMAT, decodeArl: decodeModeledArl };
