/**
 * CSV bank statement reader and writer (date; libellé; montant), with configurable columns,
 * separator, decimal comma, date format and split débit / crédit columns, as banks export them.
 *
 * Reading goes through csv-parse (RFC 4180 quotes, `""` escapes, quoted newlines, CR, LF and
 * CRLF line ends), record by record: each record becomes a movement or issues as soon as it is
 * read and is never kept, so memory stays flat whatever the file — blank lines, bare `\r`, an
 * unclosed quote (capped by `maxRecordSize`), millions of bad lines (capped by `maxIssues`).
 *
 * Hint: the text is fed to csv-parse's synchronous API in blocks cut at record ends (a line end
 * outside quotes, found by one scan of the block); the tail after the last record end waits for
 * the next chunk. One engine serves the one-shot reader (1 MiB slices of the text) and the
 * streaming one. `csv-parse/sync` imports no `node:` module (it uses the `Buffer` global of the
 * runtime); its stream API imports `node:stream/web` and its browser build, with its own Buffer,
 * ran 10–15× slower here (bench/bankCsv.bench.ts), hence this choice.
 */
import { parse as parseCsvSync } from 'csv-parse/sync';
import type { Options as CsvOptions } from 'csv-parse/sync';
import type { PlainDate } from '../../core/date/index';
import { isValidYmd, plainDateOf } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, ok, resultOf } from '../../core/issues/index';
import { field, guardArray, guardEnum, guardFunction, guardInteger, guardObject, guardString, inputErr } from '../../core/guard/index';
import type { Money } from '../../core/money/index';
import { formatDecimal, negate, parseMoney } from '../../core/money/index';
import { guardBankMovements } from '../guards';
import { RECONCILE_CODES } from '../reconcile/codes';
import type { BankMovement } from './types';

const issue = createIssueFactory(RECONCILE_CODES);

/** Column numbers (0-based). Give `montant` (signed) or `debit` and `credit`. */
export interface BankCsvColumns {
  readonly date: number;
  readonly libelle: number;
  readonly montant?: number;
  readonly debit?: number;
  readonly credit?: number;
  readonly dateValeur?: number;
  readonly reference?: number;
}

/** Date formats found in bank CSV exports. */
export type BankCsvDateFormat = 'JJ/MM/AAAA' | 'AAAA-MM-JJ' | 'JJ/MM/AA';

/** Options of {@link parseBankCsv}, {@link streamBankCsv} and {@link serializeBankCsv}. */
export interface BankCsvOptions {
  /** Field separator (default `;`). */
  readonly separator?: string;
  /** Decimal mark (default `,`). */
  readonly decimalMark?: ',' | '.';
  /** Thousands separator to drop when reading (default none; e.g. `' '` or `'.'`). */
  readonly thousandsSeparator?: string;
  /** Columns (default date 0, libellé 1, montant 2). */
  readonly columns?: BankCsvColumns;
  /** Date format (default `JJ/MM/AAAA`). */
  readonly dateFormat?: BankCsvDateFormat;
  /** Header lines to skip (default 1; blank lines are not counted). */
  readonly headerLines?: number;
  /** Stop reading after this many issues (default 100); a last `BANK_CSV_MAX_ISSUES` says so. */
  readonly maxIssues?: number;
  /** Longest record, in bytes (default 65 536): an unclosed quote stops there instead of eating the file. */
  readonly maxRecordSize?: number;
}

/** One event of {@link streamBankCsv}: a movement, or an issue in-band. */
export type BankCsvEvent = { readonly kind: 'movement'; readonly movement: BankMovement } | { readonly kind: 'issue'; readonly issue: Issue };

const DEFAULT_COLUMNS: BankCsvColumns = { date: 0, libelle: 1, montant: 2 };
const DEFAULT_MAX_ISSUES = 100;
const DEFAULT_MAX_RECORD_SIZE = 65_536;
/** Largest text `parseBankCsv` takes at once (use {@link streamBankCsv} beyond). */
const MAX_TEXT = 256 * 1024 * 1024;
const COLUMN_NAMES = ['date', 'libelle', 'montant', 'debit', 'credit', 'dateValeur', 'reference'] as const;
const DATE_FORMATS = ['JJ/MM/AAAA', 'AAAA-MM-JJ', 'JJ/MM/AA'] as const;

/** Options checked and defaulted. */
interface Settings {
  readonly separator: string;
  readonly decimalMark: ',' | '.';
  readonly thousandsSeparator: string | undefined;
  readonly columns: BankCsvColumns;
  readonly dateFormat: BankCsvDateFormat;
  readonly headerLines: number;
  readonly maxIssues: number;
  readonly maxRecordSize: number;
}

function guardOptions(v: unknown, issues: Issue[]): Settings | undefined {
  const before = issues.length;
  const o = guardObject(v, ['options'], issues, { required: false }) ?? {};
  // The separator cannot be a quote or a line end (it would make every file ambiguous).
  const separator = guardString(field(o, 'separator'), ['options', 'separator'], issues, { required: false, min: 1, max: 8, pattern: /^[^"\r\n]+$/, expected: 'séparateur de 1 à 8 caractères, sans guillemet ni fin de ligne' }) ?? ';';
  const decimalMark = guardEnum(field(o, 'decimalMark'), [',', '.'], ['options', 'decimalMark'], issues, { required: false }) ?? ',';
  const thousandsSeparator = guardString(field(o, 'thousandsSeparator'), ['options', 'thousandsSeparator'], issues, { required: false, min: 1, max: 4 });
  const dateFormat = guardEnum(field(o, 'dateFormat'), DATE_FORMATS, ['options', 'dateFormat'], issues, { required: false }) ?? 'JJ/MM/AAAA';
  const headerLines = guardInteger(field(o, 'headerLines'), ['options', 'headerLines'], issues, { required: false, min: 0, max: 1000 }) ?? 1;
  const maxIssues = guardInteger(field(o, 'maxIssues'), ['options', 'maxIssues'], issues, { required: false, min: 1, max: 1_000_000 }) ?? DEFAULT_MAX_ISSUES;
  const maxRecordSize = guardInteger(field(o, 'maxRecordSize'), ['options', 'maxRecordSize'], issues, { required: false, min: 16, max: 16 * 1024 * 1024 }) ?? DEFAULT_MAX_RECORD_SIZE;
  let columns = DEFAULT_COLUMNS;
  const c = guardObject(field(o, 'columns'), ['options', 'columns'], issues, { required: false });
  if (c) {
    const read: Partial<Record<(typeof COLUMN_NAMES)[number], number>> = {};
    for (const name of COLUMN_NAMES) {
      const n = guardInteger(field(c, name), ['options', 'columns', name], issues, { required: name === 'date' || name === 'libelle', min: 0, max: 255 });
      if (n !== undefined) read[name] = n;
    }
    if (read.montant === undefined && (read.debit === undefined || read.credit === undefined)) {
      guardInteger(undefined, ['options', 'columns', 'montant'], issues); // INPUT_MISSING: montant, or debit and credit
    }
    columns = read as BankCsvColumns;
  }
  if (issues.length > before) return undefined;
  return { separator, decimalMark, thousandsSeparator, columns, dateFormat, headerLines, maxIssues, maxRecordSize };
}

function readDate(text: string, format: BankCsvDateFormat): PlainDate | undefined {
  const t = text.trim();
  const m = format === 'AAAA-MM-JJ' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(t) : format === 'JJ/MM/AAAA' ? /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(t) : /^(\d{2})\/(\d{2})\/(\d{2})$/.exec(t);
  if (!m) return undefined;
  const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [y, mo, d] = format === 'AAAA-MM-JJ' ? [a, b, c] : format === 'JJ/MM/AAAA' ? [c, b, a] : [c + (c > 60 ? 1900 : 2000), b, a];
  return isValidYmd(y, mo, d) && y >= 1000 ? plainDateOf(y, mo, d) : undefined;
}

function formatDate(d: PlainDate, format: BankCsvDateFormat): string {
  if (format === 'AAAA-MM-JJ') return d;
  return `${d.slice(8, 10)}/${d.slice(5, 7)}/${format === 'JJ/MM/AAAA' ? d.slice(0, 4) : d.slice(2, 4)}`;
}

function readAmount(text: string, s: Settings): Money | undefined {
  let t = text.replace(/\u00a0|€|EUR/g, '').trim();
  if (s.thousandsSeparator) t = t.split(s.thousandsSeparator).join('');
  t = t.replace(/\s+/g, '');
  if (s.decimalMark === ',') {
    if (t.includes('.')) return undefined;
    t = t.replace(',', '.');
  } else if (t.includes(',')) return undefined;
  if (t.startsWith('+')) t = t.slice(1);
  const r = parseMoney(t);
  return r.ok ? r.value : undefined;
}

/** 1-based line where a record starts: csv-parse counts the line it ends on. */
function startLine(endLine: number, fields: readonly string[]): number {
  let breaks = 0;
  for (const f of fields) breaks += f.match(/\r\n|\r|\n/g)?.length ?? 0;
  return Math.max(1, endLine - breaks);
}

/** Turns one record into a movement, pushing its issues. */
function readRecord(fields: readonly string[], line: number, s: Settings, push: (i: Issue) => void): BankMovement | undefined {
  if (fields.every((f) => f.trim() === '')) return undefined;
  const cols = s.columns;
  const path = ['lines', line - 1];
  const get = (name: keyof BankCsvColumns): string | undefined => {
    const c = cols[name];
    if (c === undefined) return undefined;
    const v = fields[c];
    if (v === undefined) push(issue('BANK_CSV_COLUMNS', { path: [...path, name], expected: `${name} (n° ${c})`, received: fields.length, source: { record: line } }));
    return v;
  };
  const dateText = get('date');
  const libelle = get('libelle');
  const date = dateText === undefined ? undefined : readDate(dateText, s.dateFormat);
  if (dateText !== undefined && date === undefined) push(issue('BANK_CSV_DATE', { path: [...path, 'date'], expected: s.dateFormat, received: dateText, source: { record: line } }));
  const valeurText = get('dateValeur');
  const dateValeur = valeurText === undefined || valeurText.trim() === '' ? undefined : readDate(valeurText, s.dateFormat);
  const amountOf = (name: 'montant' | 'debit' | 'credit'): Money | undefined | null => {
    const t = get(name);
    if (t === undefined || (name !== 'montant' && t.trim() === '')) return null;
    const m = readAmount(t, s);
    if (m === undefined) push(issue('BANK_CSV_AMOUNT', { path: [...path, name], received: t, source: { record: line } }));
    return m;
  };
  let montant: Money | undefined;
  if (cols.montant !== undefined) montant = amountOf('montant') ?? undefined;
  else {
    const debit = amountOf('debit');
    const credit = amountOf('credit');
    montant = credit ?? (debit ? negate({ centimes: Math.abs(debit.centimes) }) : undefined);
    if (debit === null && credit === null) push(issue('BANK_CSV_AMOUNT', { path: [...path, 'credit'], received: '', source: { record: line } }));
  }
  if (date === undefined || libelle === undefined || montant === undefined) return undefined;
  const reference = get('reference');
  return {
    date, libelle: libelle.trim(), montant,
    ...(dateValeur === undefined ? {} : { dateValeur }),
    ...(reference === undefined || reference.trim() === '' ? {} : { reference: reference.trim() }),
    source: { format: 'csv', record: line },
  };
}

/** Thrown inside csv-parse's record callback to stop reading once `maxIssues` is reached. */
class StopReading {}


/** Line breaks of a text (`\r\n` counts once), as csv-parse counts lines. */
function countLineBreaks(t: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = t.charCodeAt(i);
    if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * End of the last complete record of `t` (index after its line end), 0 when none: a line end
 * outside quotes, with csv-parse's quote rules (a quote opens a field only at its start, `""`
 * inside a quoted field is one quote, a quote elsewhere is text). A `\r` ending `t` may be the
 * first half of `\r\n`: it is left for the next chunk.
 */
function lastRecordEnd(t: string, sep: string): number {
  const s0 = sep.charCodeAt(0);
  // 0 field start, 1 unquoted, 2 quoted, 3 quote seen inside a quoted field
  let state = 0;
  let cut = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (state === 2) {
      if (c === 34) state = 3;
      continue;
    }
    if (c === 34 && (state === 0 || state === 3)) {
      state = 2;
      continue;
    }
    if (c === 10 || c === 13) {
      if (c === 13 && i + 1 >= t.length) break;
      if (c === 13 && t.charCodeAt(i + 1) === 10) i++;
      cut = i + 1;
      state = 0;
    } else if (c === s0 && t.startsWith(sep, i)) {
      i += sep.length - 1;
      state = 0;
    } else state = 1;
  }
  return cut;
}

/** The reading engine: text chunks in (any size), events out through `emit`. */
interface CsvFeeder {
  /** Reads a chunk; `false` once reading has stopped (an error or `maxIssues`). */
  push(chunk: string): boolean;
  /** Reads what is left (an unclosed quote is reported here). */
  end(): void;
}

function createFeeder(s: Settings, emit: (e: BankCsvEvent) => void): CsvFeeder {
  let records = 0;
  let issues = 0;
  let baseLine = 0;
  let carry = '';
  let stopped = false;
  const push = (i: Issue): void => {
    if (issues >= s.maxIssues) return;
    emit({ kind: 'issue', issue: i });
    issues++;
    if (issues >= s.maxIssues) {
      emit({ kind: 'issue', issue: issue('BANK_CSV_MAX_ISSUES', { expected: String(s.maxIssues) }) });
      throw new StopReading();
    }
  };
  const options: CsvOptions = {
    delimiter: s.separator,
    record_delimiter: ['\r\n', '\n', '\r'],
    quote: '"',
    escape: '"',
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: s.maxRecordSize,
    on_record: (fields: string[], ctx: { lines: number }): null => {
      records++;
      if (records <= s.headerLines) return null;
      const line = baseLine + startLine(ctx.lines, fields);
      const m = readRecord(fields, line, s, push);
      if (m !== undefined) emit({ kind: 'movement', movement: m });
      return null;
    },
  };
  const stop = (code: 'BANK_CSV_QUOTE' | 'BANK_CSV_RECORD_SIZE' | 'BANK_CSV_FORMAT', line: number | undefined, received: string): void => {
    stopped = true;
    const at = line === undefined ? {} : { path: ['lines', line - 1], source: { record: line } };
    try {
      push(issue(code, { ...at, ...(code === 'BANK_CSV_RECORD_SIZE' ? { expected: `${s.maxRecordSize} octets` } : {}), received }));
    } catch (e) {
      if (!(e instanceof StopReading)) throw e;
    }
  };
  const read = (block: string): void => {
    try {
      parseCsvSync(block, options);
    } catch (e) {
      if (e instanceof StopReading) {
        stopped = true;
        return;
      }
      // csv-parse reports a structural defect as a CsvError with a `code` and the `lines` read so far.
      const err = guardObject(e, [], []) ?? {};
      const line = guardInteger(field(err, 'lines'), [], [], { min: 1 });
      const csvCode = guardString(field(err, 'code'), [], [], { max: 64 }) ?? 'CSV';
      const code = csvCode === 'CSV_QUOTE_NOT_CLOSED' ? 'BANK_CSV_QUOTE' : csvCode === 'CSV_MAX_RECORD_SIZE' ? 'BANK_CSV_RECORD_SIZE' : 'BANK_CSV_FORMAT';
      stop(code, line === undefined ? undefined : baseLine + line, csvCode);
      return;
    }
    baseLine += countLineBreaks(block, block.length);
  };
  return {
    push(chunk) {
      if (stopped) return false;
      const text = carry + chunk;
      const cut = lastRecordEnd(text, s.separator);
      carry = cut === 0 ? text : text.slice(cut);
      if (cut > 0) read(text.slice(0, cut));
      if (!stopped && carry.length > s.maxRecordSize) stop('BANK_CSV_RECORD_SIZE', baseLine + 1, `${carry.length} caractères sans fin d’enregistrement`);
      return !stopped;
    },
    end() {
      if (!stopped && carry !== '') read(carry);
      carry = '';
      stopped = true;
    },
  };
}

/** Slices of a text for the feeder (V8 slices share the text's storage). */
const SLICE = 1 << 20;

/**
 * Reads a CSV bank statement into movements (credits positive).
 *
 * @param text - The CSV text (use {@link streamBankCsv} for files read in chunks).
 * @param options - Separator, decimal mark, columns, date format, header lines, `maxIssues`, `maxRecordSize`.
 * @returns The movements, or `BANK_CSV_*` issues with the 1-based line in `source.record`
 *   (at most `maxIssues`, then `BANK_CSV_MAX_ISSUES`); `INPUT_*` issues for arguments of the wrong shape.
 * @example
 * parseBankCsv('Date;Libellé;Montant\n05/03/2025;VIR CPAM PARIS;123,45\n')
 */
export function parseBankCsv(text: string, options: BankCsvOptions = {}): Result<readonly BankMovement[]> {
  const shape: Issue[] = [];
  const t = guardString(text, ['text'], shape, { max: MAX_TEXT });
  const s = guardOptions(options, shape);
  if (t === undefined || s === undefined) return inputErr(shape);
  const issues: Issue[] = [];
  const out: BankMovement[] = [];
  const feeder = createFeeder(s, (e) => (e.kind === 'movement' ? out.push(e.movement) : issues.push(e.issue)));
  for (let i = 0; i < t.length && feeder.push(t.slice(i, i + SLICE)); i += SLICE);
  feeder.end();
  return resultOf(out, issues);
}

/**
 * Streams a CSV bank statement: text chunks of any size in, movements and issues out, in
 * constant memory (nothing is kept between records). Same rules and options as {@link parseBankCsv}.
 *
 * @param chunks - The text, as an async (or sync) iterable of string chunks (decode bytes with
 *   `TextDecoder` in `stream` mode, with the bank's charset).
 * @param options - As {@link parseBankCsv}.
 * @returns An async iterable of events in file order; it never throws on bad text or options
 *   (they come as `issue` events); I/O errors of `chunks` propagate.
 * @example
 * const decoder = new TextDecoder('windows-1252');
 * for await (const ev of streamBankCsv(fs.createReadStream('releve.csv').map((b) => decoder.decode(b, { stream: true })))) {
 *   if (ev.kind === 'movement') credits.push(ev.movement);
 * }
 */
export async function* streamBankCsv(chunks: AsyncIterable<string> | Iterable<string>, options: BankCsvOptions = {}): AsyncGenerator<BankCsvEvent, void, undefined> {
  const shape: Issue[] = [];
  const s = guardOptions(options, shape);
  const iterable = guardIterable(chunks, shape);
  if (s === undefined || iterable === undefined) {
    for (const i of shape) yield { kind: 'issue', issue: i };
    return;
  }
  let queue: BankCsvEvent[] = [];
  const feeder = createFeeder(s, (e) => void queue.push(e));
  const drain = (): BankCsvEvent[] => {
    const ready = queue;
    queue = [];
    return ready;
  };
  for await (const chunk of iterable) {
    const c = guardString(chunk, ['chunks'], shape, { max: MAX_TEXT });
    if (c === undefined) {
      feeder.end();
      yield* drain();
      for (const i of shape) yield { kind: 'issue', issue: i };
      return;
    }
    const more = feeder.push(c);
    yield* drain();
    if (!more) return;
  }
  feeder.end();
  yield* drain();
}

/** An iterable of chunks (sync or async). */
function guardIterable(v: unknown, issues: Issue[]): AsyncIterable<string> | Iterable<string> | undefined {
  const list = guardArray(v, ['chunks'], [], { max: 100_000_000 });
  if (list !== undefined) return list as readonly string[];
  const o = guardObject(v, ['chunks'], issues);
  if (o === undefined) return undefined;
  const has = (key: symbol): boolean => {
    try {
      return guardFunction((o as Record<symbol, unknown>)[key], [], []) !== undefined;
    } catch {
      return false; // a throwing getter: not an iterable
    }
  };
  if (has(Symbol.asyncIterator) || has(Symbol.iterator)) return o as unknown as AsyncIterable<string> | Iterable<string>;
  guardString(v, ['chunks'], issues, { expected: 'itérable de textes (AsyncIterable<string> | Iterable<string>)' });
  return undefined;
}

function quote(value: string, sep: string): string {
  return value.includes(sep) || value.includes('"') || value.includes('\n') || value.includes('\r') ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes movements as CSV (inverse of {@link parseBankCsv} with the same options; one line per
 * header line). Amounts are written from integer centimes by `formatDecimal` (never a float).
 *
 * @param movements - The movements.
 * @param options - Same options as the reader (split débit / crédit columns supported).
 * @returns The CSV text, or `INPUT_*` issues for movements or options of the wrong shape
 *   (e.g. an amount whose centimes are not an integer).
 * @example
 * unwrap(serializeBankCsv([{ date: plainDate('2025-03-05'), libelle: 'VIR CPAM', montant: euros('19.50'), source: { format: 'csv', record: 2 } }]))
 * // 'date;libelle;montant\n05/03/2025;VIR CPAM;19,50\n'
 */
export function serializeBankCsv(movements: readonly BankMovement[], options: BankCsvOptions = {}): Result<string> {
  const shape: Issue[] = [];
  const list = guardBankMovements(movements, ['movements'], shape);
  const s = guardOptions(options, shape);
  if (list === undefined || s === undefined) return inputErr(shape);
  const sep = s.separator;
  const cols = s.columns;
  const width = Math.max(...Object.values(cols).filter((v): v is number => v !== undefined)) + 1;
  const amount = (m: Money): string => {
    const t = formatDecimal(m);
    return quote(s.decimalMark === ',' ? t.replace('.', ',') : t, sep);
  };
  const lines: string[] = [];
  for (let h = 0; h < s.headerLines; h++) {
    const header = new Array<string>(width).fill('');
    for (const [name, c] of Object.entries(cols)) if (c !== undefined) header[c] = name;
    lines.push(header.join(sep));
  }
  for (const m of list) {
    const row = new Array<string>(width).fill('');
    row[cols.date] = quote(formatDate(m.date, s.dateFormat), sep);
    row[cols.libelle] = quote(m.libelle, sep);
    if (cols.montant !== undefined) row[cols.montant] = amount(m.montant);
    else if (m.montant.centimes < 0) {
      if (cols.debit !== undefined) row[cols.debit] = amount(negate(m.montant));
    } else if (cols.credit !== undefined) row[cols.credit] = amount(m.montant);
    if (cols.dateValeur !== undefined && m.dateValeur !== undefined) row[cols.dateValeur] = quote(formatDate(m.dateValeur, s.dateFormat), sep);
    if (cols.reference !== undefined && m.reference !== undefined) row[cols.reference] = quote(m.reference, sep);
    lines.push(row.join(sep));
  }
  return ok(lines.map((l) => `${l}\n`).join(''));
}
