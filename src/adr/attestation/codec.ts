/**
 * The DataMatrix payload of the attestation through the `AttestationPayloadCodec` port: the
 * default is the MODELED layout of ./modeledCodec (the real one is not public); a vendor plugs the
 * layout an AMC or the Inter-AMC lab gives it with `options.codec`.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { field, guardFunction, guardObject, guardString, inputErr } from '../../core/guard/index';
import { ATTESTATION_CODES } from './codes';
import type { AttestationPayloadCodec, AttestationTiersPayant } from './model';
import { ATTESTATION_MAX_PAYLOAD, MODELED_ATTESTATION_CODEC } from './modeledCodec';
import type { AttestationCheckOptions } from './validate';
import { finish, guardCheckOptions, validateAttestation } from './validate';

const issue = createIssueFactory(ATTESTATION_CODES);

/** Options of the payload functions. */
export interface AttestationPayloadOptions extends AttestationCheckOptions {
  /** The layout (default {@link MODELED_ATTESTATION_CODEC}). */
  readonly codec?: AttestationPayloadCodec;
}

/**
 * Guards a codec given by the caller.
 *
 * @param v - Caller's value.
 * @param issues - Collector.
 * @returns The codec (default the modeled one), or `undefined` after an issue.
 */
export function guardCodec(v: unknown, issues: Issue[]): AttestationPayloadCodec | undefined {
  if (v === undefined) return MODELED_ATTESTATION_CODEC;
  const o = guardObject(v, ['options', 'codec'], issues);
  if (o === undefined) return undefined;
  const id = guardString(field(o, 'id'), ['options', 'codec', 'id'], issues, { max: 128 });
  const parse = guardFunction(field(o, 'parse'), ['options', 'codec', 'parse'], issues);
  const serialize = guardFunction(field(o, 'serialize'), ['options', 'codec', 'serialize'], issues);
  if (id === undefined || parse === undefined || serialize === undefined) return undefined;
  return { id, parse: parse as AttestationPayloadCodec['parse'], serialize: serialize as AttestationPayloadCodec['serialize'] };
}

/** Runs a codec function: a throw or a value that is not a `Result` becomes `ATTESTATION_PAYLOAD_FORMAT`. */
function runCodec<T>(codec: AttestationPayloadCodec, f: () => unknown, isValue: (v: unknown) => v is T): Result<T> {
  const failed = (received: string): Result<T> => err(issue('ATTESTATION_PAYLOAD_FORMAT', { expected: codec.id, received }));
  let r: unknown;
  try {
    r = f();
  } catch {
    return failed('le codec a levé une exception');
  }
  if (typeof r !== 'object' || r === null) return failed('le codec n’a pas rendu de Result');
  const rec = r as Record<string, unknown>;
  const issues = field(rec, 'issues');
  if (field(rec, 'ok') === false && Array.isArray(issues) && issues.length > 0) return r as Result<T>;
  if (field(rec, 'ok') === true && isValue(field(rec, 'value'))) return ok(field(rec, 'value') as T, []);
  return failed('le codec n’a pas rendu de Result');
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isAnything = (v: unknown): v is unknown => v !== undefined;

/**
 * Reads the 5 fields from the text a DataMatrix carries.
 *
 * @param payload - The decoded text.
 * @param options - `codec` (default the modeled layout), `today` (validity checked on that day).
 * @returns The attestation, `ATTESTATION_PAYLOAD_FORMAT`, or validity issues; never throws (a
 *   throwing custom codec is reported as `ATTESTATION_PAYLOAD_FORMAT`).
 */
export function parseAttestationPayload(payload: unknown, options?: AttestationPayloadOptions): Result<AttestationTiersPayant> {
  const issues: Issue[] = [];
  const opts = guardCheckOptions(options, issues);
  const codec = guardCodec(options && typeof options === 'object' ? field(options as Record<string, unknown>, 'codec') : undefined, issues);
  const t = guardString(payload, ['payload'], issues, { max: ATTESTATION_MAX_PAYLOAD, expected: 'contenu du DataMatrix (texte)' });
  if (issues.length > 0 || opts === undefined || codec === undefined || t === undefined) return inputErr(issues);
  const r = runCodec(codec, () => codec.parse(t), isAnything);
  if (!r.ok) return r;
  // The modeled codec's output is already checked (only the day remains); a custom codec's is caller data.
  if (codec === MODELED_ATTESTATION_CODEC) return finish(r.value as AttestationTiersPayant, opts.today);
  return validateAttestation(r.value, opts);
}

/**
 * Writes the text a DataMatrix of the attestation carries (e.g. to print a test attestation).
 *
 * @param attestation - The 5 fields.
 * @param options - `codec` (default the modeled layout).
 * @returns The payload text, or the issues of {@link validateAttestation}.
 */
export function serializeAttestationPayload(attestation: unknown, options?: Pick<AttestationPayloadOptions, 'codec'>): Result<string> {
  const issues: Issue[] = [];
  guardObject(options, ['options'], issues, { required: false });
  const codec = guardCodec(options && typeof options === 'object' ? field(options as Record<string, unknown>, 'codec') : undefined, issues);
  if (issues.length > 0 || codec === undefined) return inputErr(issues);
  const v = validateAttestation(attestation);
  if (!v.ok) return v;
  const value = v.value;
  return runCodec(codec, () => codec.serialize(value), isString);
}
