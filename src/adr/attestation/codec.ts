/**
 * The DataMatrix payload of the attestation: a port (`AttestationPayloadCodec`) and a MODELED
 * default codec.
 *
 * The byte layout of the attestation's DataMatrix is not public (Inter-AMC specifications are
 * reserved to members): the default codec below is this library's model, to be replaced by the
 * layout an AMC or the Inter-AMC lab gives a vendor. Modeled layout (`ATP1`, text, `|`-separated):
 *
 *     ATP1|<n° AMC>|<type de convention>|<critère secondaire de routage, may be empty>|<n° adhérent>|<début AAAAMMJJ>|<fin AAAAMMJJ>
 *
 * A codec's `parse` is strict (one canonical text per attestation) so that `serialize ∘ parse`
 * is the identity on every payload it accepts, and `parse ∘ serialize` on every valid attestation.
 */
import type { PlainDate } from '../../core/date/index';
import { formatAaaammjj, parseAaaammjj } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { field, guardFunction, guardObject, guardString, inputErr } from '../../core/guard/index';
import { ATTESTATION_CODES } from './codes';
import type { AttestationTiersPayant } from './model';
import { ATTESTATION_PATTERNS } from './model';
import type { AttestationCheckOptions } from './validate';
import { finish, guardCheckOptions, validateAttestation } from './validate';

const issue = createIssueFactory(ATTESTATION_CODES);

/** Longest payload read (a DataMatrix holds at most 2 335 alphanumeric characters; an attestation, about 60). */
export const ATTESTATION_MAX_PAYLOAD = 2335;

/**
 * Port: reads and writes the text a DataMatrix of an attestation carries. Both functions never
 * throw on bad data (they return issues).
 */
export interface AttestationPayloadCodec {
  /** Name of the layout (in issues). */
  readonly id: string;
  /** Payload text → the 5 fields (strict: one canonical payload per attestation). */
  readonly parse: (payload: string) => Result<AttestationTiersPayant>;
  /** The 5 fields → payload text (the inverse of `parse`). */
  readonly serialize: (attestation: AttestationTiersPayant) => Result<string>;
}

const HEADER = 'ATP1';
const SEP = '|';
const DATE8 = /^\d{8}$/;

function modeledParse(payload: string): Result<AttestationTiersPayant> {
  const issues: Issue[] = [];
  const t = guardString(payload, [], issues, { max: ATTESTATION_MAX_PAYLOAD, expected: 'contenu du DataMatrix (texte)' });
  if (t === undefined) return inputErr(issues);
  const bad = (received: string): Result<never> => err(issue('ATTESTATION_PAYLOAD_FORMAT', { expected: HEADER, received }));
  const parts = t.split(SEP);
  if (parts[0] !== HEADER) return bad('en-tête absent');
  if (parts.length !== 7) return bad(`${parts.length} zones au lieu de 7`);
  const [, numeroAmc = '', typeConvention = '', critere = '', numeroAdherent = '', d1 = '', d2 = ''] = parts;
  if (!ATTESTATION_PATTERNS.numeroAmc.test(numeroAmc)) return bad('zone n° AMC');
  if (!ATTESTATION_PATTERNS.typeConvention.test(typeConvention)) return bad('zone type de convention');
  if (critere !== '' && !ATTESTATION_PATTERNS.critereSecondaire.test(critere)) return bad('zone critère secondaire');
  if (!ATTESTATION_PATTERNS.numeroAdherent.test(numeroAdherent)) return bad('zone n° adhérent');
  if (!DATE8.test(d1) || !DATE8.test(d2)) return bad('zone de date');
  const debut = parseAaaammjj(d1, ['validite', 'debut']);
  const fin = parseAaaammjj(d2, ['validite', 'fin']);
  if (!debut.ok || !fin.ok) return bad('date invalide');
  const a: AttestationTiersPayant = {
    numeroAmc,
    typeConvention,
    ...(critere === '' ? {} : { critereSecondaire: critere }),
    numeroAdherent,
    validite: { debut: debut.value, fin: fin.value },
  };
  return finish(a, undefined);
}

function modeledSerialize(attestation: AttestationTiersPayant): Result<string> {
  const r = validateAttestation(attestation);
  if (!r.ok) return r;
  const a = r.value;
  const year = (d: PlainDate): number => Number(d.slice(0, 4));
  if (year(a.validite.debut) > 9999 || year(a.validite.fin) > 9999) return err(issue('ATTESTATION_DATE_INVALID', { path: ['validite'], expected: 'AAAAMMJJ', received: a.validite.fin }));
  return ok([HEADER, a.numeroAmc, a.typeConvention, a.critereSecondaire ?? '', a.numeroAdherent, formatAaaammjj(a.validite.debut), formatAaaammjj(a.validite.fin)].join(SEP));
}

/**
 * The default codec: MODELED layout `ATP1|AMC|convention|CSR|adhérent|AAAAMMJJ|AAAAMMJJ` (the real
 * layout is not public). Replace it with the layout of the AMC / Inter-AMC when a vendor has it.
 */
export const MODELED_ATTESTATION_CODEC: AttestationPayloadCodec = Object.freeze({
  id: 'sesam-billing modeled ATP1',
  parse: modeledParse,
  serialize: modeledSerialize,
});

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
