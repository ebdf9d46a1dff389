/**
 * Records of a comma-separated export (RFC 4180 quoting: `"` opens a quoted cell, `""` is a quote,
 * line breaks inside quotes belong to the cell). Internal: the CCAM importer reads CNAM's
 * spreadsheet export with it.
 *
 * Hint: cells are sliced from the text, never built character by character; a quote left open
 * runs to the end of the text (one cell, no quadratic rescans) and is reported by the caller.
 */

/** One record: its cells and the 1-based line where it starts. */
export interface CsvRecord {
  readonly cells: readonly string[];
  readonly line: number;
}

/** Records of a CSV text, and whether a quote was left open at the end. */
export interface CsvRead {
  readonly records: CsvRecord[];
  readonly unclosedQuote: boolean;
}

/**
 * Splits a CSV text into records.
 *
 * @param text - The whole file (a leading BOM is skipped).
 * @param maxRecords - Stop after this many records.
 * @returns The records and whether the last quoted cell was unclosed.
 */
export function readCsvRecords(text: string, maxRecords = 1_000_000): CsvRead {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n && records.length < maxRecords) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(i) === 34) {
        // Quoted cell: find the closing quote, unescaping "" pairs.
        let j = i + 1;
        let parts = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            parts += text.slice(j);
            line += countLines(text, j, n);
            i = n;
            cells.push(parts);
            records.push({ cells, line: start });
            return { records, unclosedQuote: true };
          }
          line += countLines(text, j, q);
          parts += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            parts += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the separator is kept (lenient).
        let k = i;
        while (k < n && text.charCodeAt(k) !== 44 && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
        cell = parts + text.slice(i, k);
        i = k;
      } else {
        let k = i;
        while (k < n && text.charCodeAt(k) !== 44 && text.charCodeAt(k) !== 10 && text.charCodeAt(k) !== 13) k++;
        cell = text.slice(i, k);
        i = k;
      }
      cells.push(cell);
      if (i < n && text.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      break;
    }
    // End of record: CR LF, LF or CR.
    if (i < n && text.charCodeAt(i) === 13) i++;
    if (i < n && text.charCodeAt(i) === 10) i++;
    line++;
    records.push({ cells, line: start });
  }
  return { records, unclosedQuote: false };
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  let k = text.indexOf('\n', from);
  while (k >= 0 && k < to) {
    count++;
    k = text.indexOf('\n', k + 1);
  }
  return count;
}
