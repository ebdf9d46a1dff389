/**
 * Payment guarantee of the rights: an FSE whose AMO rights come from ADRi (or from the Vitale
 * card / apCV as read) keeps the guarantee of payment; rights changed by hand afterwards lose it.
 * {@link markFseFromAdri} fills an FSE input from an ADRi answer and returns the fingerprint of
 * the rights it wrote; {@link checkDroitsGarantis} is the control that compares an FSE input
 * with that fingerprint and warns (`ADR_GARANTIE_PERDUE`) on every field changed by hand.
 *
 * The fse module does not import adr: these functions work on the structural subset of its
 * `FseInput` ({@link FseDroitsInput}); fse's validation may call the control with the
 * fingerprint the PMS kept.
 *
 * @see ameli.fr « ADRi : acquisition des droits intégrée » (garantie de paiement des droits consultés)
 */
import type { PlainDate } from '../core/date/index';
import type { Rec } from '../core/guard/index';
import { field, guardEnum, guardObject, guardPlainDate, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, ok } from '../core/issues/index';
import type { DroitsAdri, PeriodeCouverture } from './adri';
import { computeDroitsAuJour, isPeriode } from './droitsAuJour';
import { ADR_CODES } from './codes';

const issue = createIssueFactory(ADR_CODES);

/** The rights fields of an FSE input (structurally fse's `FseInput`). */
export interface FseDroitsInput {
  readonly beneficiaire: {
    readonly nirAssure: string;
    readonly rangBeneficiaire: number;
    readonly qualite: string;
    readonly droitsAmo: readonly { readonly debut: PlainDate; readonly fin?: PlainDate }[];
    readonly periodesAld?: readonly { readonly debut: PlainDate; readonly fin?: PlainDate }[];
  };
  readonly amo: { readonly grandRegime: string; readonly caisse: string; readonly centre: string };
  readonly securisation: { readonly mode: string; readonly cps?: unknown };
}

/** Where guaranteed rights come from. */
export type SourceGarantie = 'adri' | 'vitale' | 'apcv';

/** Fingerprint of the rights as the guaranteed source gave them. */
export interface GarantieDroits {
  readonly source: SourceGarantie;
  /** ADRi / apCV transaction reference. */
  readonly reference?: string;
  /** The rights fields, each as canonical text, keyed by their path in the FSE input. */
  readonly empreinte: Readonly<Record<string, string>>;
}

const KEYS: readonly (readonly [string, string])[] = [
  ['beneficiaire', 'nirAssure'],
  ['beneficiaire', 'rangBeneficiaire'],
  ['beneficiaire', 'qualite'],
  ['beneficiaire', 'droitsAmo'],
  ['beneficiaire', 'periodesAld'],
  ['amo', 'grandRegime'],
  ['amo', 'caisse'],
  ['amo', 'centre'],
];

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    const o = v as Rec;
    return `{${Object.keys(o).sort().filter((k) => field(o, k) !== undefined).map((k) => `${k}:${canonical(field(o, k))}`).join(',')}}`;
  }
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? JSON.stringify(v) : v === undefined ? '' : `<${typeof v}>`;
}

function empreinteOf(input: Rec): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [a, b] of KEYS) {
    const parent = field(input, a);
    out[`${a}.${b}`] = typeof parent === 'object' && parent !== null ? canonical(field(parent as Rec, b)) : '';
  }
  return out;
}

/**
 * Fingerprints the rights of an FSE input as the card or the apCV gave them (before any edit).
 *
 * @param input - The FSE input built from the card / apCV read.
 * @param options - `source` (`vitale` default, or `apcv`), `reference`.
 * @returns The fingerprint to keep with the draft, or `INPUT_*` issues.
 */
export function captureDroitsLus(input: FseDroitsInput, options?: { readonly source?: 'vitale' | 'apcv'; readonly reference?: string }): Result<GarantieDroits> {
  const issues: Issue[] = [];
  const i = guardObject(input, ['input'], issues);
  const o = guardObject(options, ['options'], issues, { required: false });
  const source = (o && guardEnum(field(o, 'source'), ['vitale', 'apcv'], ['options', 'source'], issues, { required: false })) ?? 'vitale';
  const ref = o && field(o, 'reference');
  if (issues.length > 0 || !i) return inputErr(issues);
  return ok({ source, ...(typeof ref === 'string' ? { reference: ref.slice(0, 64) } : {}), empreinte: empreinteOf(i) });
}

/**
 * Fills the rights of an FSE input from an ADRi answer at the date of care and marks it
 * guaranteed: qualité, AMO periods, ALD periods, régime / caisse / centre; mode F with
 * `sourceDroits: 'adri'` and the ADRi reference when the card was not read (mode S stays S).
 *
 * @param input - The FSE input (not mutated).
 * @param droits - The ADRi answer.
 * @param options - `dateSoins`.
 * @returns `{ input, garantie }`, or `ADR_DROITS_FERMES` / `INPUT_*` issues.
 * @example
 * const r = markFseFromAdri(fseInput, droits, { dateSoins: '2025-03-10' });
 * if (r.ok) { keep(r.value.garantie); buildFse(r.value.input); }
 */
export function markFseFromAdri<T extends FseDroitsInput>(input: T, droits: DroitsAdri, options: { readonly dateSoins: PlainDate }): Result<{ readonly input: T; readonly garantie: GarantieDroits }> {
  const issues: Issue[] = [];
  const i = guardObject(input, ['input'], issues);
  const b = i && guardObject(field(i, 'beneficiaire'), ['input', 'beneficiaire'], issues);
  const amo = i && guardObject(field(i, 'amo'), ['input', 'amo'], issues);
  const sec = i && guardObject(field(i, 'securisation'), ['input', 'securisation'], issues);
  const o = guardObject(options, ['options'], issues);
  const day = o && guardPlainDate(field(o, 'dateSoins'), ['options', 'dateSoins'], issues);
  if (issues.length > 0 || !i || !b || !amo || !sec || !day) return inputErr(issues);
  const jour = computeDroitsAuJour(droits, { dateSoins: day as PlainDate });
  if (!jour.ok) return jour;
  const d = droits;
  const text = (k: string): string | undefined => (typeof field(d as unknown as Rec, k) === 'string' ? (field(d as unknown as Rec, k) as string) : undefined);
  const list = (k: string): readonly PeriodeCouverture[] => {
    const v = field(d as unknown as Rec, k);
    return Array.isArray(v) ? (v as unknown[]).filter(isPeriode) : [];
  };
  const reference = text('reference');
  const ald = list('couvertures').filter((c) => typeof c.codeAld === 'string' && c.codeAld !== '').map((c) => ({ debut: c.debut, ...(c.fin === undefined ? {} : { fin: c.fin }) }));
  const securisation = field(sec, 'mode') === 'S' ? sec : { mode: 'F', cps: field(sec, 'cps'), sourceDroits: 'adri', ...(reference === undefined ? {} : { referenceDroits: reference }) };
  const out = {
    ...i,
    beneficiaire: { ...b, qualite: text('qualite'), droitsAmo: list('periodesAmo').map((p) => ({ debut: p.debut, ...(p.fin === undefined ? {} : { fin: p.fin }) })), ...(ald.length > 0 ? { periodesAld: ald } : {}) },
    amo: { ...amo, grandRegime: text('codeRegime'), caisse: text('codeCaisse'), centre: text('centrePrestation') },
    securisation,
  } as unknown as T;
  return ok({ input: out, garantie: { source: 'adri', ...(reference === undefined ? {} : { reference }), empreinte: empreinteOf(out as unknown as Rec) } });
}

/**
 * Control: are the rights of an FSE input still those the guaranteed source gave? Warns
 * `ADR_GARANTIE_PERDUE` (path of each field changed by hand) — the invoice stays valid, but its
 * payment is no longer guaranteed.
 *
 * @param input - The FSE input about to be secured.
 * @param garantie - The fingerprint kept from {@link markFseFromAdri} / {@link captureDroitsLus}; absent = rights typed by hand.
 * @returns `{ garanti }` with warnings, or `INPUT_*` issues.
 */
export function checkDroitsGarantis(input: FseDroitsInput, garantie: GarantieDroits | undefined): Result<{ readonly garanti: boolean; readonly modifies: readonly string[] }> {
  const issues: Issue[] = [];
  const i = guardObject(input, ['input'], issues);
  const g = guardObject(garantie, ['garantie'], issues, { required: false });
  const e = g && guardObject(field(g, 'empreinte'), ['garantie', 'empreinte'], issues);
  if (issues.length > 0 || !i) return inputErr(issues);
  if (!g || !e) return ok({ garanti: false, modifies: [] });
  const now = empreinteOf(i);
  const modifies = Object.keys(now).filter((k) => field(e, k) !== now[k]);
  const label = field(g, 'source') === 'adri' ? 'la consultation ADRi' : field(g, 'source') === 'apcv' ? 'la lecture de l’apCV' : 'la lecture de la carte Vitale';
  const warnings = modifies.map((k) => issue('ADR_GARANTIE_PERDUE', { path: ['input', ...k.split('.')], expected: label, received: k }));
  return ok({ garanti: modifies.length === 0, modifies }, warnings);
}
