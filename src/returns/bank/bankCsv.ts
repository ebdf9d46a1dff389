/**
 * CSV bank statement reader and writer (date; libellé; montant), with configurable columns,
 * separator, decimal comma, date format and split débit / crédit columns, as banks export them.
 */
import type { PlainDate } from '../../core/date/index';
import { isValidYmd, plainDateOf } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import type { Money } from '../../core/money/index';
import { formatDecimal, negate, parseMoney } from '../../core/money/index';
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

/** Options of {@link parseBankCsv} and {@link serializeBankCsv}. */
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
  /** Header lines to skip (default 1). */
  readonly headerLines?: number;
}

const DEFAULT_COLUMNS: BankCsvColumns = { date: 0, libelle: 1, montant: 2 };

/** Splits CSV text into rows of fields (RFC 4180 quotes, `""` escapes, quoted newlines). */
function splitCsv(text: string, sep: string): { rows: { fields: string[]; line: number }[]; unclosedAt?: number } {
  const rows: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text.charAt(i + 1) === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
    } else if (c === '"' && field === '') quoted = true;
    else if (sep !== '' && text.startsWith(sep, i)) { fields.push(field); field = ''; i += sep.length - 1; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++;
      fields.push(field);
      rows.push({ fields, line: rowLine });
      fields = []; field = ''; line++; rowLine = line;
    } else field += c;
  }
  if (quoted) return { rows, unclosedAt: rowLine };
  if (field !== '' || fields.length > 0) { fields.push(field); rows.push({ fields, line: rowLine }); }
  return { rows };
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

function readAmount(text: string, o: BankCsvOptions): Money | undefined {
  let t = text.replace(/\u00a0|€|EUR/g, '').trim();
  if (o.thousandsSeparator) t = t.split(o.thousandsSeparator).join('');
  t = t.replace(/\s+/g, '');
  if ((o.decimalMark ?? ',') === ',') { if (t.includes('.')) return undefined; t = t.replace(',', '.'); }
  else if (t.includes(',')) return undefined;
  if (t.startsWith('+')) t = t.slice(1);
  const r = parseMoney(t);
  return r.ok ? r.value : undefined;
}

/**
 * Reads a CSV bank statement into movements (credits positive).
 *
 * @param text - The CSV text.
 * @param options - Separator, decimal mark, columns, date format, header lines.
 * @returns The movements, or `BANK_CSV_*` issues with the 1-based line in `source.record`.
 * @example
 * parseBankCsv('Date;Libellé;Montant\n05/03/2025;VIR CPAM PARIS;123,45\n')
 */
export function parseBankCsv(text: string, options: BankCsvOptions = {}): Result<readonly BankMovement[]> {
  const issues: Issue[] = [];
  const cols = options.columns ?? DEFAULT_COLUMNS;
  const format = options.dateFormat ?? 'JJ/MM/AAAA';
  const { rows, unclosedAt } = splitCsv(text, options.separator ?? ';');
  if (unclosedAt !== undefined) issues.push(issue('BANK_CSV_QUOTE', { path: ['lines', unclosedAt - 1], source: { record: unclosedAt } }));
  const out: BankMovement[] = [];
  for (const { fields, line } of rows.slice(options.headerLines ?? 1)) {
    if (fields.every((f) => f.trim() === '')) continue;
    const path = ['lines', line - 1];
    const get = (name: keyof BankCsvColumns): string | undefined => {
      const c = cols[name];
      if (c === undefined) return undefined;
      const v = fields[c];
      if (v === undefined) issues.push(issue('BANK_CSV_COLUMNS', { path: [...path, name], expected: `${name} (n° ${c})`, received: fields.length, source: { record: line } }));
      return v;
    };
    const dateText = get('date');
    const libelle = get('libelle');
    const date = dateText === undefined ? undefined : readDate(dateText, format);
    if (dateText !== undefined && date === undefined) issues.push(issue('BANK_CSV_DATE', { path: [...path, 'date'], expected: format, received: dateText, source: { record: line } }));
    const valeurText = get('dateValeur');
    const dateValeur = valeurText === undefined || valeurText.trim() === '' ? undefined : readDate(valeurText, format);
    let montant: Money | undefined;
    const amountOf = (name: 'montant' | 'debit' | 'credit'): Money | undefined | null => {
      const t = get(name);
      if (t === undefined || (name !== 'montant' && t.trim() === '')) return null;
      const m = readAmount(t, options);
      if (m === undefined) issues.push(issue('BANK_CSV_AMOUNT', { path: [...path, name], received: t, source: { record: line } }));
      return m;
    };
    if (cols.montant !== undefined) montant = amountOf('montant') ?? undefined;
    else {
      const debit = amountOf('debit');
      const credit = amountOf('credit');
      montant = credit ?? (debit ? negate({ centimes: Math.abs(debit.centimes) }) : undefined);
      if (debit === null && credit === null) issues.push(issue('BANK_CSV_AMOUNT', { path: [...path, 'credit'], received: '', source: { record: line } }));
    }
    if (date === undefined || libelle === undefined || montant === undefined) continue;
    const reference = get('reference');
    out.push({
      date, libelle: libelle.trim(), montant,
      ...(dateValeur === undefined ? {} : { dateValeur }),
      ...(reference === undefined || reference.trim() === '' ? {} : { reference: reference.trim() }),
      source: { format: 'csv', record: line },
    });
  }
  return resultOf(out, issues);
}

function quote(value: string, sep: string): string {
  return value.includes(sep) || value.includes('"') || value.includes('\n') || value.includes('\r') ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes movements as CSV (inverse of {@link parseBankCsv} with the same options; one header line).
 *
 * @param movements - The movements.
 * @param options - Same options as the reader (split débit / crédit columns supported).
 * @returns The CSV text.
 */
export function serializeBankCsv(movements: readonly BankMovement[], options: BankCsvOptions = {}): string {
  const sep = options.separator ?? ';';
  const cols = options.columns ?? DEFAULT_COLUMNS;
  const format = options.dateFormat ?? 'JJ/MM/AAAA';
  const width = Math.max(...Object.values(cols).filter((v): v is number => v !== undefined)) + 1;
  const amount = (m: Money): string => {
    const t = formatDecimal(m);
    return (options.decimalMark ?? ',') === ',' ? t.replace('.', ',') : t;
  };
  const lines: string[] = [];
  for (let h = 0; h < (options.headerLines ?? 1); h++) {
    const header = new Array<string>(width).fill('');
    for (const [name, c] of Object.entries(cols)) if (c !== undefined) header[c] = name;
    lines.push(header.join(sep));
  }
  for (const m of movements) {
    const row = new Array<string>(width).fill('');
    row[cols.date] = formatDate(m.date, format);
    row[cols.libelle] = quote(m.libelle, sep);
    if (cols.montant !== undefined) row[cols.montant] = amount(m.montant);
    else if (m.montant.centimes < 0) { if (cols.debit !== undefined) row[cols.debit] = amount(negate(m.montant)); }
    else if (cols.credit !== undefined) row[cols.credit] = amount(m.montant);
    if (cols.dateValeur !== undefined && m.dateValeur !== undefined) row[cols.dateValeur] = formatDate(m.dateValeur, format);
    if (cols.reference !== undefined && m.reference !== undefined) row[cols.reference] = quote(m.reference, sep);
    lines.push(row.join(sep));
  }
  return lines.map((l) => `${l}\n`).join('');
}
