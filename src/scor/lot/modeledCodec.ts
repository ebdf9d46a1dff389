/**
 * The modeled ScorLotCodec shipped with the library — NOT the official SCOR layout (restricted):
 * a documented container for tests, the local caisse and a PMS without the cahier des charges.
 *
 * Lot: the ASCII line `SESAM-BILLING SCOR MODELE 1`, LF, one line of JSON (UTF-8) — `numeroLot`,
 * `numeroPs`, `dateCreation` and per pièce `numeroFacture`, `dateFacturation`, `numeroLotFse`,
 * `nature`, `pageCount`, `offset`, `length` —, LF, then the PDF documents back to back.
 * ARL: one JSON object (UTF-8): `{ "type": "ARL-SCOR", numeroLot, numeroPs, statut, motif?, pieces: [{ numeroFacture, nature, statut, motif? }] }`.
 */
import type { Issue, IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import type { Rec } from '../../core/guard/index';
import { field, guardArray, guardBytes, guardEnum, guardInteger, guardObject, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import { SCOR_CODES } from '../codes';
import { NATURES_PIECE } from '../piece/model';
import type { ScorArl, ScorLot, ScorLotCodec, ScorLotEntry } from './model';

const issue = createIssueFactory(SCOR_CODES);
const MAGIC = 'SESAM-BILLING SCOR MODELE 1\n';
const MAGIC_BYTES = /* @__PURE__ */ new TextEncoder().encode(MAGIC);

function readJson(bytes: Uint8Array, code: 'SCOR_LOT_CORRUPT' | 'SCOR_ARL_MALFORMED'): Result<unknown> {
  try {
    return ok(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown);
  } catch {
    return err(issue(code, { received: 'JSON illisible' }));
  }
}

function lotHeader(o: Rec, issues: Issue[]) {
  const numeroLot = guardInteger(field(o, 'numeroLot'), ['numeroLot'], issues, { min: 1, max: 999 });
  const numeroPs = guardString(field(o, 'numeroPs'), ['numeroPs'], issues, { pattern: /^[0-9A-Za-z]{8,9}$/ });
  return { numeroLot, numeroPs };
}

function pieceKeys(o: Rec, path: IssuePath, issues: Issue[]) {
  return {
    numeroFacture: guardInteger(field(o, 'numeroFacture'), [...path, 'numeroFacture'], issues, { min: 1, max: 999_999_999 }),
    nature: guardEnum(field(o, 'nature'), NATURES_PIECE, [...path, 'nature'], issues),
  };
}

const relabel = (code: 'SCOR_LOT_CORRUPT' | 'SCOR_ARL_MALFORMED', issues: readonly Issue[]): Result<never> => {
  const first = issues[0]!;
  return err(issue(code, { path: first.path, received: `${first.path.join('.')} : ${first.message}` }));
};

function encodeLot(lot: ScorLot): Result<Uint8Array> {
  const issues: Issue[] = [];
  const o = guardObject(lot, ['lot'], issues);
  const entries = o && guardArray(field(o, 'entries'), ['lot', 'entries'], issues, { min: 1, max: 100_000 });
  entries?.forEach((e, i) => {
    const eo = guardObject(e, ['lot', 'entries', i], issues);
    if (eo) guardBytes(field(eo, 'pdf'), ['lot', 'entries', i, 'pdf'], issues, { max: 2 ** 31 });
  });
  if (issues.length > 0) return inputErr(issues);
  let offset = 0;
  const header = {
    numeroLot: lot.numeroLot,
    numeroPs: lot.numeroPs,
    dateCreation: lot.dateCreation,
    entries: lot.entries.map((e) => {
      const h = { numeroFacture: e.numeroFacture, dateFacturation: e.dateFacturation, numeroLotFse: e.numeroLotFse, nature: e.nature, pageCount: e.pageCount, offset, length: e.pdf.length };
      offset += e.pdf.length;
      return h;
    }),
  };
  const json = new TextEncoder().encode(`${JSON.stringify(header)}\n`);
  const out = new Uint8Array(MAGIC_BYTES.length + json.length + offset);
  out.set(MAGIC_BYTES, 0);
  out.set(json, MAGIC_BYTES.length);
  let at = MAGIC_BYTES.length + json.length;
  for (const e of lot.entries) {
    out.set(e.pdf, at);
    at += e.pdf.length;
  }
  // Read back: a lot this codec writes, it reads (junk in the lot's fields is refused here).
  const check = decodeLot(out);
  return check.ok ? ok(out) : check;
}

function decodeLot(bytes: Uint8Array): Result<ScorLot> {
  const issues: Issue[] = [];
  const b = guardBytes(bytes, ['bytes'], issues, { max: 2 ** 31 });
  if (!b) return inputErr(issues);
  if (b.length < MAGIC_BYTES.length || MAGIC_BYTES.some((v, i) => b[i] !== v)) return err(issue('SCOR_LOT_CORRUPT', { received: 'en-tête absent', expected: MAGIC.trim() }));
  const nl = b.indexOf(0x0a, MAGIC_BYTES.length);
  if (nl < 0) return err(issue('SCOR_LOT_CORRUPT', { received: 'manifeste sans fin de ligne' }));
  const j = readJson(b.subarray(MAGIC_BYTES.length, nl), 'SCOR_LOT_CORRUPT');
  if (!j.ok) return j;
  const body = b.subarray(nl + 1);
  const o = guardObject(j.value, [], issues);
  if (!o) return relabel('SCOR_LOT_CORRUPT', issues);
  const { numeroLot, numeroPs } = lotHeader(o, issues);
  const dateCreation = guardPlainDate(field(o, 'dateCreation'), ['dateCreation'], issues);
  const list = guardArray(field(o, 'entries'), ['entries'], issues, { min: 1, max: 100_000 });
  const entries: ScorLotEntry[] = [];
  let expectedOffset = 0;
  list?.forEach((e, i) => {
    const eo = guardObject(e, ['entries', i], issues);
    if (!eo) return;
    const { numeroFacture, nature } = pieceKeys(eo, ['entries', i], issues);
    const dateFacturation = guardPlainDate(field(eo, 'dateFacturation'), ['entries', i, 'dateFacturation'], issues);
    const numeroLotFse = guardInteger(field(eo, 'numeroLotFse'), ['entries', i, 'numeroLotFse'], issues, { min: 1, max: 999 });
    const pageCount = guardInteger(field(eo, 'pageCount'), ['entries', i, 'pageCount'], issues, { min: 1, max: 10_000 });
    const offset = guardInteger(field(eo, 'offset'), ['entries', i, 'offset'], issues, { min: expectedOffset, max: expectedOffset });
    const length = guardInteger(field(eo, 'length'), ['entries', i, 'length'], issues, { min: 1, max: body.length - expectedOffset });
    if (numeroFacture === undefined || !nature || !dateFacturation || numeroLotFse === undefined || pageCount === undefined || offset === undefined || length === undefined) return;
    entries.push({ numeroFacture, dateFacturation, numeroLotFse, nature, pageCount, pdf: body.slice(offset, offset + length) });
    expectedOffset += length;
  });
  if (issues.length === 0 && expectedOffset !== body.length) issues.push(issue('SCOR_LOT_CORRUPT', { received: `${body.length - expectedOffset} octet(s) après la dernière pièce` }));
  if (issues.length > 0 || numeroLot === undefined || !numeroPs || !dateCreation) return issues[0]?.code === 'SCOR_LOT_CORRUPT' ? err(issues[0]) : relabel('SCOR_LOT_CORRUPT', issues);
  return ok({ numeroLot, numeroPs, dateCreation, entries });
}

function parseArl(bytes: Uint8Array): Result<ScorArl> {
  const issues: Issue[] = [];
  const b = guardBytes(bytes, ['bytes'], issues, { max: 64 * 1024 * 1024 });
  if (!b) return inputErr(issues);
  const j = readJson(b, 'SCOR_ARL_MALFORMED');
  if (!j.ok) return j;
  const o = guardObject(j.value, [], issues);
  if (!o) return relabel('SCOR_ARL_MALFORMED', issues);
  guardEnum(field(o, 'type'), ['ARL-SCOR'], ['type'], issues);
  const { numeroLot, numeroPs } = lotHeader(o, issues);
  const statut = guardEnum(field(o, 'statut'), ['accepte', 'rejete'], ['statut'], issues);
  const motif = guardString(field(o, 'motif'), ['motif'], issues, { required: false, max: 500 });
  const list = guardArray(field(o, 'pieces'), ['pieces'], issues, { max: 100_000 });
  const pieces: ScorArl['pieces'][number][] = [];
  list?.forEach((p, i) => {
    const po = guardObject(p, ['pieces', i], issues);
    if (!po) return;
    const { numeroFacture, nature } = pieceKeys(po, ['pieces', i], issues);
    const st = guardEnum(field(po, 'statut'), ['acceptee', 'rejetee'], ['pieces', i, 'statut'], issues);
    const m = guardString(field(po, 'motif'), ['pieces', i, 'motif'], issues, { required: false, max: 500 });
    if (numeroFacture !== undefined && nature && st) pieces.push({ numeroFacture, nature, statut: st, ...(m !== undefined ? { motif: m } : {}) });
  });
  if (issues.length > 0 || numeroLot === undefined || !numeroPs || !statut) return relabel('SCOR_ARL_MALFORMED', issues);
  return ok({ numeroLot, numeroPs, statut, ...(motif !== undefined ? { motif } : {}), pieces });
}

function formatArl(arl: ScorArl): Result<Uint8Array> {
  const issues: Issue[] = [];
  guardObject(arl, ['arl'], issues);
  if (issues.length > 0) return inputErr(issues);
  const text = JSON.stringify({ type: 'ARL-SCOR', numeroLot: arl.numeroLot, numeroPs: arl.numeroPs, statut: arl.statut, ...(arl.motif !== undefined ? { motif: arl.motif } : {}), pieces: arl.pieces });
  // Written then read back: what this codec writes, it reads (and junk in `arl` is refused here).
  const bytes = new TextEncoder().encode(text ?? '');
  const check = parseArl(bytes);
  return check.ok ? ok(bytes) : check;
}

/**
 * The modeled SCOR lot codec (not the official layout, which is restricted).
 *
 * @returns The codec: `encodeLot` / `decodeLot` (container described above), `parseArl` / `formatArl` (JSON).
 * @example
 * const codec = createModeledScorLotCodec();
 * const bytes = codec.encodeLot(built.lot);
 */
export function createModeledScorLotCodec(): ScorLotCodec {
  return { name: 'modele-sesam-billing-1', encodeLot, decodeLot, parseArl, formatArl };
}
