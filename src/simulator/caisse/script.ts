/**
 * The local caisse's script: what it answers for each file and each invoice, decided by a seed.
 *
 * Every decision is a pure function of the seed and a stable key (the file id, the PS and the
 * invoice number), never of the order in which files arrive: the same seed gives the same
 * answers whatever the concurrency of the sender, a retry or a restart. Explicit choices
 * (`files`, `invoices`) override the drawn ones.
 *
 * The outcomes are those a PS meets (ameli, « Le retour NOEMIE » ; Cahier des charges NOEMIE PS):
 * an ARL positive or negative per file; per invoice paid, partially paid or rejected with a code
 * of the reject dictionary (the official table is not public: the modeled dictionary's codes by
 * default); per file a retenue (entité 250), a return that never comes, or one sent twice.
 */
import type { Money } from '../../core/money/index';

/** What happens to a whole file. */
export type CaisseFileOutcome =
  /** Positive ARL, then the NOEMIE return. */
  | 'normal'
  /** Negative ARL (file refused, no NOEMIE): the PS re-sends it. */
  | 'arl-negatif'
  /** Positive ARL sent twice (two messages, same bytes). */
  | 'arl-double'
  /** Positive ARL, then a NOEMIE return with a retenue (250) on the virement. */
  | 'retenue'
  /** Positive ARL, and the NOEMIE return never comes (the watchdog must see it). */
  | 'retour-perdu'
  /** Positive ARL, then the NOEMIE return delivered twice (two messages, same bytes). */
  | 'retour-double';

/** What happens to one invoice of a NOEMIE return. */
export type CaisseInvoiceOutcome = 'payee' | 'partielle' | 'rejetee';

/** Relative weights of a draw (non-negative integers; absent = 0). */
export type Weights<K extends string> = Readonly<Partial<Record<K, number>>>;

/** The script of the local caisse. */
export interface CaisseScript {
  /** Seed of every draw (an unsigned 32-bit integer). */
  readonly seed: number;
  /** Weights of the file outcomes (default: every file `normal`). */
  readonly fileWeights?: Weights<CaisseFileOutcome>;
  /** Weights of the invoice outcomes (default: every invoice `payee`). */
  readonly invoiceWeights?: Weights<CaisseInvoiceOutcome>;
  /** Explicit outcome per file id (overrides the draw). */
  readonly files?: Readonly<Record<string, CaisseFileOutcome>>;
  /** Explicit outcome per invoice, keyed `<n° PS>/<n° facture>` (e.g. `990781052/3`). */
  readonly invoices?: Readonly<Record<string, CaisseInvoiceOutcome>>;
  /** Reject codes drawn for a rejected invoice (default: the AMO / AMC codes of level A of the modeled dictionary). */
  readonly rejectCodes?: { readonly amo?: readonly string[]; readonly amc?: readonly string[] };
  /** Amount of a retenue (default 5,00 €: a parameter of the simulation, not a tariff). */
  readonly retenue?: Money;
  /**
   * Participation forfaitaire and franchises the caisse deducts from the AMO part, per invoice
   * (`<n° PS>/<n° facture>`): the B2 carries the remboursable before them (type 5), and this
   * caisse does not re-price. Default: none.
   */
  readonly deductions?: Readonly<Record<string, Money>>;
  /** Share of the amount asked that a partial payment pays, in percent (default 50). */
  readonly partialPercent?: number;
}

const FILE_OUTCOMES: readonly CaisseFileOutcome[] = ['normal', 'arl-negatif', 'arl-double', 'retenue', 'retour-perdu', 'retour-double'];
const INVOICE_OUTCOMES: readonly CaisseInvoiceOutcome[] = ['payee', 'partielle', 'rejetee'];

/**
 * A number in [0, 1) drawn from a seed and a key: FNV-1a of the key mixed with the seed, then
 * one round of the mulberry32 finaliser. Stable across runs, platforms and orders.
 *
 * @param seed - The seed.
 * @param key - What the draw is about (file id, invoice key…).
 * @returns A number in [0, 1).
 */
export function computeDraw(seed: number, key: string): number {
  // Junk from a JavaScript caller draws like seed 0 / its string form: never a throw.
  const k = typeof key === 'string' ? key : typeof key === 'number' ? keyText(key) : '';
  let h = 0x811c9dc5 ^ (typeof seed === 'number' ? seed >>> 0 : 0);
  for (let i = 0; i < k.length; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x01000193);
  let t = (h + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** The script, or an empty one for junk (so that the draws never throw). */
const scriptOf = (s: unknown): CaisseScript => (typeof s === 'object' && s !== null ? (s as CaisseScript) : { seed: 0 });
const table = <T>(v: unknown): Readonly<Record<string, T>> | undefined => (typeof v === 'object' && v !== null ? (v as Record<string, T>) : undefined);

function pick<K extends string>(all: readonly K[], weights: Weights<K> | undefined, fallback: K, u: number): K {
  if (typeof weights !== 'object' || weights === null) return fallback;
  const w = (k: K): number => (typeof weights[k] === 'number' && Number.isFinite(weights[k]) ? Math.max(0, weights[k]) : 0);
  const total = all.reduce((s, k) => s + w(k), 0);
  if (!(total > 0)) return fallback;
  let x = u * total;
  for (const k of all) {
    x -= w(k);
    if (x < 0) return k;
  }
  return fallback;
}

/** A key part as text: strings and numbers as written, anything else (junk) empty — never `String()` of an object, which may throw. */
const keyText = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * The outcome of a file.
 *
 * @param script - The script.
 * @param fileId - The file id (B2 000, identification du fichier).
 * @returns The explicit outcome, else the drawn one.
 */
export function computeFileOutcome(script: CaisseScript, fileId: string): CaisseFileOutcome {
  const s = scriptOf(script);
  const explicit = table<CaisseFileOutcome>(s.files)?.[keyText(fileId)];
  return FILE_OUTCOMES.includes(explicit as CaisseFileOutcome) ? (explicit as CaisseFileOutcome) : pick(FILE_OUTCOMES, s.fileWeights, 'normal', computeDraw(s.seed, `file:${keyText(fileId)}`));
}

/**
 * The outcome of an invoice.
 *
 * @param script - The script.
 * @param ps - N° de facturation of the PS.
 * @param numeroFacture - N° de facture.
 * @returns The explicit outcome, else the drawn one.
 */
export function computeInvoiceOutcome(script: CaisseScript, ps: string, numeroFacture: number): CaisseInvoiceOutcome {
  const s = scriptOf(script);
  const key = `${keyText(ps)}/${keyText(numeroFacture)}`;
  const explicit = table<CaisseInvoiceOutcome>(s.invoices)?.[key];
  return INVOICE_OUTCOMES.includes(explicit as CaisseInvoiceOutcome) ? (explicit as CaisseInvoiceOutcome) : pick(INVOICE_OUTCOMES, s.invoiceWeights, 'payee', computeDraw(s.seed, `invoice:${key}`));
}

/**
 * The reject code of a rejected invoice, drawn among `codes`.
 *
 * @param script - The script.
 * @param key - The invoice key.
 * @param codes - Candidate codes (non-empty).
 * @returns One of `codes`.
 */
export function computeRejectCode(script: CaisseScript, key: string, codes: readonly string[]): string {
  const list = Array.isArray(codes) ? codes.filter((c): c is string => typeof c === 'string' && c !== '') : [];
  return list[Math.floor(computeDraw(scriptOf(script).seed, `reject:${keyText(key)}`) * list.length)] ?? list[0] ?? 'MOD1';
}
