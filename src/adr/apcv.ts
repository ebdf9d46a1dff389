/**
 * apCV (application carte Vitale): the PMS reads the app by QR code or NFC and receives an
 * expiring context `{ identifiant, token, dateFinValidite }`, renewed per invoice before
 * securing. The payload layout and the securing addendum are not public: the acquisition is
 * modeled behind {@link ApcvDecoder} (default: the JSON text of the context), and an apCV
 * invoice is secured as an FSE « sans Vitale » whose rights come from the app
 * (`{ mode: 'F', sourceDroits: 'apcv' }`), beside S / F / D. The token is a credential: it is
 * never put in an issue nor in the securing data.
 *
 * @see ameli.fr « L’application carte Vitale » (lecture par QR code ou NFC)
 */
import { field, guardEnum, guardInteger, guardObject, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import { ADR_CODES } from './codes';

const issue = createIssueFactory(ADR_CODES);

/** The app's context for one invoice. */
export interface ApcvContexte {
  /** Identifiant of the context (not secret). */
  readonly identifiant: string;
  /** Session token (secret: never logged). */
  readonly token: string;
  /** End of validity, ISO 8601 instant with offset. */
  readonly dateFinValidite: string;
}

/** How the app was read. */
export type CanalApcv = 'qr' | 'nfc';

/** Decodes the payload read by QR code (text) or NFC (bytes): pluggable, the layout is not public. */
export type ApcvDecoder = (payload: string | Uint8Array, canal: CanalApcv) => unknown;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function instant(text: string): number {
  const t = Date.parse(text);
  return Number.isFinite(t) ? t : NaN;
}

const jsonDecoder: ApcvDecoder = (payload) => {
  const textPayload = typeof payload === 'string' ? payload : new TextDecoder('utf-8', { fatal: false }).decode(payload);
  if (textPayload.length > 4096) return undefined;
  try {
    return JSON.parse(textPayload) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * Checks the shape of an apCV context.
 *
 * @param contexte - Anything.
 * @returns The context, or `INPUT_*` issues (the token is reported by its length only).
 */
export function validateApcvContexte(contexte: unknown): Result<ApcvContexte> {
  const issues: Issue[] = [];
  const c = guardObject(contexte, ['contexte'], issues);
  const identifiant = c && guardString(field(c, 'identifiant'), ['contexte', 'identifiant'], issues, { min: 1, max: 128, pattern: /^[\x21-\x7e]+$/, expected: 'identifiant ASCII' });
  const token = field(c ?? {}, 'token');
  if (c && (typeof token !== 'string' || token.length < 1 || token.length > 4096)) guardString(typeof token === 'string' ? 0 : token, ['contexte', 'token'], issues, { expected: 'jeton (texte de 1 à 4096 caractères)' });
  const fin = c && guardString(field(c, 'dateFinValidite'), ['contexte', 'dateFinValidite'], issues, { pattern: ISO_INSTANT, expected: 'instant ISO 8601 avec fuseau' });
  if (fin !== undefined && Number.isNaN(instant(fin))) guardString(0, ['contexte', 'dateFinValidite'], issues, { expected: 'instant ISO 8601 avec fuseau' });
  if (issues.length > 0 || !identifiant || typeof token !== 'string' || !fin) return inputErr(issues);
  return ok({ identifiant, token, dateFinValidite: fin });
}

/**
 * Reads the context from a QR code text or NFC bytes.
 *
 * @param lecture - `{ canal: 'qr' | 'nfc', payload }`.
 * @param options - `decoder` (default: the JSON text of the context — modeled).
 * @returns The context, or `INPUT_*` issues.
 */
export function acquireApcvContexte(lecture: { readonly canal: CanalApcv; readonly payload: string | Uint8Array }, options?: { readonly decoder?: ApcvDecoder }): Result<ApcvContexte> {
  const issues: Issue[] = [];
  const l = guardObject(lecture, ['lecture'], issues);
  const canal = l && guardEnum(field(l, 'canal'), ['qr', 'nfc'], ['lecture', 'canal'], issues);
  const payload = l && field(l, 'payload');
  if (l && typeof payload !== 'string' && !(payload instanceof Uint8Array)) guardString(payload ?? undefined, ['lecture', 'payload'], issues, { expected: 'texte (QR) ou octets (NFC)' });
  const o = guardObject(options, ['options'], issues, { required: false });
  const dec = o && field(o, 'decoder');
  if (dec !== undefined && typeof dec !== 'function') guardString(1, ['options', 'decoder'], issues, { expected: 'fonction' });
  if (issues.length > 0 || !canal || payload === undefined) return inputErr(issues);
  let decoded: unknown;
  try {
    decoded = ((dec as ApcvDecoder | undefined) ?? jsonDecoder)(payload as string | Uint8Array, canal);
  } catch {
    decoded = undefined;
  }
  return validateApcvContexte(decoded);
}

/** What to do with a context before securing an invoice. */
export interface DecisionApcv {
  /** `renew`: read the app again before securing; `use`: the context is valid. */
  readonly action: 'renew' | 'use';
  /** Seconds left (≤ 0 when expired). */
  readonly resteSecondes: number;
}

/**
 * Says whether the context must be renewed before securing an invoice at `at` (expired, or
 * expiring within `margeSecondes`, default 0).
 *
 * @param contexte - The apCV context.
 * @param options - `at` (ISO 8601 instant of the securing), `margeSecondes`.
 * @returns `{ action: 'renew' | 'use', resteSecondes }`, or `INPUT_*` issues.
 * @example
 * decideApcvRenewal(ctx, { at: '2025-03-10T10:00:00+01:00' }).value?.action; // 'renew' when expired
 */
export function decideApcvRenewal(contexte: ApcvContexte, options: { readonly at: string; readonly margeSecondes?: number }): Result<DecisionApcv> {
  const issues: Issue[] = [];
  const c = validateApcvContexte(contexte);
  if (!c.ok) issues.push(...c.issues);
  const o = guardObject(options, ['options'], issues);
  const at = o && guardString(field(o, 'at'), ['options', 'at'], issues, { pattern: ISO_INSTANT, expected: 'instant ISO 8601 avec fuseau' });
  const marge = (o && guardInteger(field(o, 'margeSecondes'), ['options', 'margeSecondes'], issues, { required: false, min: 0, max: 86_400 })) ?? 0;
  const t = at === undefined ? NaN : instant(at);
  if (at !== undefined && Number.isNaN(t)) guardString(0, ['options', 'at'], issues, { expected: 'instant ISO 8601 avec fuseau' });
  if (issues.length > 0 || !c.ok) return inputErr(issues);
  const reste = Math.floor((instant(c.value.dateFinValidite) - t) / 1000);
  return ok({ action: reste > marge ? 'use' : 'renew', resteSecondes: reste });
}

/** The securing data of an apCV invoice (fse's mode F with `sourceDroits: 'apcv'`). */
export interface SecurisationApcv<C = unknown> {
  readonly mode: 'F';
  readonly cps: C;
  readonly sourceDroits: 'apcv';
  /** The context identifiant (never the token). */
  readonly referenceDroits: string;
  /** The context's end of validity: fse's securing control (`FSE_APCV_CONTEXTE_EXPIRE`) checks it again at `secureFse`. */
  readonly finValiditeDroits: string;
}

/**
 * The apCV securing path: refuses an expired context (`ADR_APCV_EXPIRE`), else the securing data.
 *
 * @param contexte - The context renewed for this invoice.
 * @param cps - fse's `CpsSecurisation` (type de carte PS, n° de situation).
 * @param options - `at`: the securing instant.
 * @returns The securing data, or issues.
 */
export function buildApcvSecurisation<C>(contexte: ApcvContexte, cps: C, options: { readonly at: string }): Result<SecurisationApcv<C>> {
  const d = decideApcvRenewal(contexte, { at: options?.at as string });
  if (!d.ok) return d;
  if (d.value.action === 'renew') return err(issue('ADR_APCV_EXPIRE', { path: ['contexte', 'dateFinValidite'], expected: contexte.dateFinValidite, received: options.at }));
  const ci = guardCps(cps);
  if (ci.length > 0) return inputErr(ci);
  return ok({ mode: 'F', cps, sourceDroits: 'apcv', referenceDroits: contexte.identifiant, finValiditeDroits: contexte.dateFinValidite });
}

function guardCps(cps: unknown): Issue[] {
  const issues: Issue[] = [];
  guardObject(cps, ['cps'], issues);
  return issues;
}
