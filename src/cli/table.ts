/**
 * Plain-text tables for the terminal (no dependency): columns padded, numbers right-aligned.
 */
export interface Column {
  readonly title: string;
  readonly align?: 'left' | 'right';
}

/**
 * Renders rows as an aligned table with a header rule.
 *
 * @param columns - Titles and alignment.
 * @param rows - Cells as text.
 * @param indent - Left margin.
 * @returns The table, one line per row, ending with a newline.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    indent +
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        const w = widths[i] ?? 0;
        return c.align === 'right' ? cell.padStart(w) : cell.padEnd(w);
      })
      .join('  ')
      .trimEnd();
  const rule = indent + widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(columns.map((c) => c.title)), rule, ...rows.map(line)].join('\n') + '\n';
}
