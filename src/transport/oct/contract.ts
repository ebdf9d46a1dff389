/**
 * The OCT HTTP contract — MODELED. An organisme concentrateur technique (OCT) receives a PS's
 * lots and hands back the caisses' returns; each OCT publishes its own interface to its
 * contracted editors, and none is public. This adapter speaks the smallest contract that keeps
 * the `Transport` port's guarantees; a PMS maps its OCT's real interface onto it (a proxy) or
 * writes another adapter of the same port.
 *
 * - `PUT  {base}/files/{fileId}`: body = the file's exact bytes (`application/octet-stream`),
 *   headers `X-Sesam-Destination`, `X-Sesam-Filename`, `Content-Digest: sha-256=:…:` (RFC 9530).
 *   `201` new file, `200` the same file already received (idempotent by file id, RFC 9110
 *   §9.2.2), `409` another content under that id; JSON answer `{ "fileId", "receipt" }`.
 * - `GET  {base}/returns`: `200 { "returns": [ { "id", "messageId"?, "from"?, "subject"?,
 *   "inReplyTo"? (the file id answered), "attachments": [ { "filename", "contentType"?, "data"
 *   (base64) } ] } ] }`, the returns not yet acknowledged; never deletes.
 * - `POST {base}/returns/ack`: `{ "ids": [...] }` → `200 { "acknowledged": n }`: they are not
 *   listed again.
 * Authentication: mutual TLS with the client certificate the OCT issued, optional bearer token.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { field, guardArray, guardInteger, guardObject, guardString, inputErr } from '../../core/guard/index';
import { TRANSPORT_CODES } from '../codes';
import { computeContentHash, computeMessageId } from '../messageId';
import type { FetchedReturn, ReturnAttachment } from '../model';

const issue = createIssueFactory(TRANSPORT_CODES);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function notText(v: unknown, name = 'text'): Result<never> | undefined {
  const issues: Issue[] = [];
  guardString(v, [name], issues, { max: 256 * 1024 * 1024 });
  return issues.length > 0 ? inputErr(issues) : undefined;
}

function parseJson(text: string, what: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return err(issue('TRANSPORT_OCT_RESPONSE', { path: [what], received: `JSON illisible (${text.slice(0, 60)})` }));
  }
}

function invalid(what: string, issues: readonly Issue[]): Result<never> {
  const first = issues[0];
  return err(issue('TRANSPORT_OCT_RESPONSE', { path: [what, ...(first?.path ?? [])], received: first ? `${first.path.join('.')} : ${first.message}` : 'forme inattendue' }));
}

/**
 * Reads the answer to `PUT /files/{id}`.
 *
 * @param text - Response body.
 * @returns The receipt text (empty when the OCT gave none), or `TRANSPORT_OCT_RESPONSE`.
 */
export function parseOctReceipt(text: string): Result<string> {
  const bad = notText(text);
  if (bad) return bad;
  if (text.trim() === '') return ok('');
  const j = parseJson(text, 'receipt');
  if (!j.ok) return j;
  const issues: Issue[] = [];
  const o = guardObject(j.value, [], issues);
  const receipt = o && guardString(field(o, 'receipt'), ['receipt'], issues, { required: false, max: 500 });
  return issues.length > 0 ? invalid('receipt', issues) : ok(receipt ?? '');
}

/**
 * Reads the answer to `GET /returns`.
 *
 * @param text - Response body.
 * @param domain - Message-ID domain (an `inReplyTo` file id becomes the Message-ID the file was sent under).
 * @returns The returns with their exact attachment bytes, or `TRANSPORT_OCT_RESPONSE`.
 */
export function parseOctReturns(text: string, domain: string): Result<FetchedReturn[]> {
  const bad = notText(text) ?? notText(domain, 'domain');
  if (bad) return bad;
  const j = parseJson(text, 'returns');
  if (!j.ok) return j;
  const issues: Issue[] = [];
  const o = guardObject(j.value, [], issues);
  const list = o && guardArray(field(o, 'returns'), ['returns'], issues, { max: 10_000 });
  const out: FetchedReturn[] = [];
  list?.forEach((r, i) => {
    const at = ['returns', i];
    const ro = guardObject(r, at, issues);
    if (!ro) return;
    const id = guardString(field(ro, 'id'), [...at, 'id'], issues, { min: 1, max: 200 });
    const messageId = guardString(field(ro, 'messageId'), [...at, 'messageId'], issues, { required: false, max: 500 });
    const from = guardString(field(ro, 'from'), [...at, 'from'], issues, { required: false, max: 500 });
    const subject = guardString(field(ro, 'subject'), [...at, 'subject'], issues, { required: false, max: 1000 });
    const inReplyTo = guardString(field(ro, 'inReplyTo'), [...at, 'inReplyTo'], issues, { required: false, max: 200 });
    const atts = guardArray(field(ro, 'attachments'), [...at, 'attachments'], issues, { max: 100 });
    const attachments: ReturnAttachment[] = [];
    atts?.forEach((a, k) => {
      const ao = guardObject(a, [...at, 'attachments', k], issues);
      const filename = ao && guardString(field(ao, 'filename'), [...at, 'attachments', k, 'filename'], issues, { min: 1, max: 255 });
      const contentType = ao && guardString(field(ao, 'contentType'), [...at, 'attachments', k, 'contentType'], issues, { required: false, max: 255 });
      const data = ao && guardString(field(ao, 'data'), [...at, 'attachments', k, 'data'], issues, { max: 64 * 1024 * 1024, pattern: BASE64, expected: 'base64' });
      if (filename !== undefined && data !== undefined) attachments.push({ filename, contentType: contentType ?? 'application/octet-stream', bytes: new Uint8Array(Buffer.from(data, 'base64')) });
    });
    if (id === undefined || atts === undefined) return;
    out.push({
      ref: id,
      messageId: messageId ?? '',
      contentHash: computeContentHash(attachments.map((a) => a.bytes)),
      from: from ?? '',
      subject: subject ?? '',
      inReplyTo: inReplyTo === undefined || inReplyTo === '' ? '' : computeMessageId(inReplyTo, domain),
      attachments,
    });
  });
  return issues.length > 0 ? invalid('returns', issues) : ok(out);
}

/**
 * Reads the answer to `POST /returns/ack`.
 *
 * @param text - Response body.
 * @param asked - Number of ids sent (the default when the OCT does not count).
 * @returns The number acknowledged, or `TRANSPORT_OCT_RESPONSE`.
 */
export function parseOctAck(text: string, asked: number): Result<number> {
  const issues: Issue[] = [];
  guardInteger(asked, ['asked'], issues, { min: 0, max: 1_000_000 });
  const bad = notText(text) ?? (issues.length > 0 ? inputErr(issues) : undefined);
  if (bad) return bad;
  if (text.trim() === '') return ok(asked);
  const j = parseJson(text, 'ack');
  if (!j.ok) return j;
  const o = guardObject(j.value, [], issues);
  const n = o && guardInteger(field(o, 'acknowledged'), ['acknowledged'], issues, { min: 0, max: 1_000_000 });
  return issues.length > 0 || n === undefined ? invalid('ack', issues) : ok(n);
}
