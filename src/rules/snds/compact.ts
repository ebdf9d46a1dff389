/**
 * Reads the compact texts of the generated SNDS modules (internal).
 *
 * One line per row, cells separated by a tab, sorted by code. In a numeric table the first cell
 * is the difference with the previous row's code (empty for +1), so 1 300 consecutive codes cost
 * one tab each; in a text table it is the code itself. Dates are `YYYY-MM-DD` or empty.
 */

/** Rows of a compact table by code: the cells after the code. */
export type CompactTable = ReadonlyMap<string, readonly string[]>;

/**
 * Parses one compact text.
 *
 * @param text - The compact text (a generated constant).
 * @param numeric - Whether the first cell is a code difference.
 * @param width - Pad numeric codes with zeros to this width (NABM: 4), 0 for none.
 * @returns The rows by code, in text order.
 */
export function readCompact(text: string, numeric: boolean, width = 0): CompactTable {
  const rows = new Map<string, readonly string[]>();
  let code = 0;
  for (const line of text.split('\n')) {
    const cells = line.split('\t');
    const first = cells[0] ?? '';
    let key: string;
    if (numeric) {
      code += first === '' ? 1 : Number(first);
      key = width > 0 ? String(code).padStart(width, '0') : String(code);
    } else {
      key = first;
    }
    rows.set(key, cells.slice(1));
  }
  return rows;
}

/**
 * Sections of a text holding several small tables (`#NAME` line, then its rows).
 *
 * @param text - The compact text.
 * @returns The rows (as in {@link readCompact}, text codes) by section name.
 */
export function readSections(text: string): ReadonlyMap<string, CompactTable> {
  const out = new Map<string, CompactTable>();
  for (const part of `\n${text}`.split('\n#').slice(1)) {
    const nl = part.indexOf('\n');
    out.set(part.slice(0, nl), readCompact(part.slice(nl + 1), false));
  }
  return out;
}

/**
 * Expands a grouped text (`key\t1,3-5` lines) into `key → numbers`.
 *
 * @param text - The compact text.
 * @returns The numbers of each key (a key may repeat with another type column: all are kept in order).
 */
export function readGrouped(text: string): { readonly key: string; readonly type: string; readonly numbers: ReadonlySet<number> }[] {
  return text.split('\n').map((line) => {
    const cells = line.split('\t');
    const list = cells[cells.length - 1] ?? '';
    const numbers = new Set<number>();
    for (const part of list.split(',')) {
      const dash = part.indexOf('-');
      const from = Number(dash < 0 ? part : part.slice(0, dash));
      const to = dash < 0 ? from : Number(part.slice(dash + 1));
      for (let n = from; n <= to; n++) numbers.add(n);
    }
    return { key: cells[0] ?? '', type: cells.length > 2 ? cells[1] ?? '' : '', numbers };
  });
}

/**
 * A lazily built value (the tables are parsed on first use, then kept).
 *
 * @param build - Builds the value.
 * @returns A getter.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}

/** @returns the date cell as a PlainDate text, or undefined when empty. */
export function dateCell(cell: string | undefined): string | undefined {
  return cell === undefined || cell === '' ? undefined : cell;
}
