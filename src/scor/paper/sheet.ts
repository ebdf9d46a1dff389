/**
 * A small text-page writer for the paper fallbacks: A4 pages, one embedded font, lines, table
 * rows with right-aligned amounts, automatic page breaks (the table header repeats) and
 * « Page i / n » footers. Black text and rules in DeviceRGB (allowed by the sRGB output
 * intent, ISO 19005-1 §6.2.3); no transparency.
 */
import type { PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import { rgb } from 'pdf-lib';
import { toFontText } from './font';

/** A4 in points. */
const A4: [number, number] = [595.28, 841.89];
const MARGIN = 40;
const BLACK = rgb(0, 0, 0);

/** A table column: left edge, width, alignment. */
export interface Column {
  readonly x: number;
  readonly width: number;
  readonly align?: 'left' | 'right';
}

/** The writer. */
export interface Sheet {
  /** One line of text at the left margin (or `x`), then down. */
  text(text: string, options?: { readonly size?: number; readonly x?: number }): void;
  /** Label and value on one line (value at `valueX`). */
  field(label: string, value: string, valueX?: number): void;
  /** Vertical space. */
  gap(height: number): void;
  /** A horizontal rule across the page. */
  rule(): void;
  /** A table row (texts cut to their column). */
  row(cells: readonly string[], columns: readonly Column[], options?: { readonly size?: number }): void;
  /** Makes sure `height` points remain, else starts a page (and calls the header again). */
  ensure(height: number): void;
  /** What to draw at the top of every further page (e.g. the table header). */
  onNewPage(draw: () => void): void;
  /** Writes « Page i / n » on every page; call once at the end. */
  finish(footer: string): void;
}

/**
 * Starts a sheet on a document.
 *
 * @param doc - The document.
 * @param font - The embedded font.
 * @returns The writer (first page added).
 */
export function createSheet(doc: PDFDocument, font: PDFFont): Sheet {
  const pages: PDFPage[] = [];
  let page = doc.addPage(A4);
  pages.push(page);
  let y = A4[1] - MARGIN;
  let header: (() => void) | undefined;

  const fit = (text: string, width: number, size: number): string => {
    let t = toFontText(text);
    if (font.widthOfTextAtSize(t, size) <= width) return t;
    while (t.length > 0 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
    return `${t}…`;
  };
  const draw = (text: string, x: number, size: number): void => {
    if (text.length > 0) page.drawText(text, { x, y: y - size, size, font, color: BLACK });
  };
  const sheet: Sheet = {
    text(text, options) {
      const size = options?.size ?? 10;
      sheet.ensure(size * 1.4);
      const x = options?.x ?? MARGIN;
      draw(fit(text, A4[0] - MARGIN - x, size), x, size);
      y -= size * 1.4;
    },
    field(label, value, valueX = 200) {
      sheet.ensure(14);
      draw(fit(label, valueX - MARGIN - 6, 10), MARGIN, 10);
      draw(fit(value, A4[0] - MARGIN - valueX, 10), valueX, 10);
      y -= 14;
    },
    gap(height) {
      y -= height;
    },
    rule() {
      sheet.ensure(8);
      page.drawLine({ start: { x: MARGIN, y: y - 3 }, end: { x: A4[0] - MARGIN, y: y - 3 }, thickness: 0.6, color: BLACK });
      y -= 8;
    },
    row(cells, columns, options) {
      const size = options?.size ?? 9;
      sheet.ensure(size * 1.5);
      cells.forEach((c, i) => {
        const col = columns[i];
        if (col === undefined) return;
        const t = fit(c, col.width, size);
        const x = col.align === 'right' ? col.x + col.width - font.widthOfTextAtSize(t, size) : col.x;
        draw(t, x, size);
      });
      y -= size * 1.5;
    },
    ensure(height) {
      if (y - height >= MARGIN + 20) return;
      page = doc.addPage(A4);
      pages.push(page);
      y = A4[1] - MARGIN;
      header?.();
    },
    onNewPage(drawHeader) {
      header = drawHeader;
    },
    finish(footer) {
      pages.forEach((p, i) => {
        const t = toFontText(`${footer} — page ${i + 1} / ${pages.length}`);
        p.drawText(t, { x: MARGIN, y: MARGIN, size: 8, font, color: BLACK });
      });
    },
  };
  return sheet;
}
