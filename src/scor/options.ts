/**
 * Options of buildPdfA, checked at the boundary, with their documented defaults.
 *
 * The SCOR cahier des charges is restricted: none of these limits is an official figure. The
 * 150 dpi floor is the resolution most public SCOR material advises (some conventions' guides
 * say 200 dpi: raise `minDpi`); page count and page size limits are safe bounds for a scanned
 * pièce justificative (A5 ordonnance to A3 document), to be tuned to what the caisse accepts.
 */
import type { Issue } from '../core/issues/index';
import { field, guardArray, guardBoolean, guardEnum, guardInteger, guardObject, guardString } from '../core/guard/index';
import type { ScanColour } from './image/model';

/** Options of {@link buildPdfA}. */
export interface BuildPdfAOptions {
  /** Title (Info /Title and XMP dc:title); default `'Pièce justificative'`. */
  readonly title?: string;
  /**
   * The instant the document is made, ISO 8601 with its offset (`'2026-03-10T18:00:00+01:00'`):
   * written as CreationDate / ModDate and xmp:CreateDate / ModifyDate. Absent: no date is written
   * (pure code reads no clock).
   */
  readonly at?: string;
  /** The file identifier (trailer /ID), 32 hexadecimal digits; default: derived from the content. */
  readonly documentId?: string;
  /** Lowest resolution accepted, dpi (default 150). */
  readonly minDpi?: number;
  /** Most pages in one document (default 20). */
  readonly maxPages?: number;
  /** Largest page, millimetres, short side then long side (default A3 `[297, 420]`, 1 % tolerance). */
  readonly maxPageMm?: readonly [number, number];
  /** Shortest page side accepted, millimetres (default 25). */
  readonly minPageMm?: number;
  /** Colour modes accepted (default all: `['colour', 'greyscale', 'bilevel']`). */
  readonly colours?: readonly ScanColour[];
  /** An image that does not state its resolution is an error (default `false`: a warning, fitted to A4). */
  readonly requireDensity?: boolean;
  /** Most pixels in one image (default 100 000 000). */
  readonly maxPixels?: number;
}

/** The options with their defaults applied. */
export interface PdfAConfig {
  readonly title: string;
  readonly at: string | undefined;
  readonly documentId: string | undefined;
  readonly minDpi: number;
  readonly maxPages: number;
  readonly maxPageMm: readonly [number, number];
  readonly minPageMm: number;
  readonly colours: readonly ScanColour[];
  readonly requireDensity: boolean;
  readonly maxPixels: number;
}

/** Defaults of {@link BuildPdfAOptions} (not official figures: the SCOR limits are not public). */
export const PDFA_DEFAULTS = /* @__PURE__ */ Object.freeze({
  title: 'Pièce justificative',
  minDpi: 150,
  maxPages: 20,
  maxPageMm: /* @__PURE__ */ Object.freeze([297, 420] as const),
  minPageMm: 25,
  colours: /* @__PURE__ */ Object.freeze(['colour', 'greyscale', 'bilevel'] as const),
  requireDensity: false,
  maxPixels: 100_000_000,
});

const ISO_INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-](0\d|1[0-4]):[0-5]\d)$/;
// eslint-disable-next-line no-control-regex
const TEXT = /^[^\u0000-\u001f\u007f\ud800-\udfff\ufffe\uffff]*$/;

/**
 * Checks the options object of buildPdfA.
 *
 * @param raw - The caller's options (anything).
 * @param issues - Collector of `INPUT_*` issues (paths under `options`).
 * @returns The config, or `undefined` after an issue.
 */
export function checkPdfAOptions(raw: unknown, issues: Issue[]): PdfAConfig | undefined {
  const before = issues.length;
  const o = raw === undefined ? {} : guardObject(raw, ['options'], issues);
  if (o === undefined) return undefined;
  const title = guardString(field(o, 'title'), ['options', 'title'], issues, { required: false, min: 1, max: 200, pattern: TEXT, expected: 'titre de 1 à 200 caractères sans caractère de contrôle' });
  const at = guardString(field(o, 'at'), ['options', 'at'], issues, { required: false, max: 40, pattern: ISO_INSTANT, expected: 'instant ISO 8601 avec son décalage (2026-03-10T18:00:00+01:00)' });
  const documentId = guardString(field(o, 'documentId'), ['options', 'documentId'], issues, { required: false, pattern: /^[0-9A-Fa-f]{32}$/, expected: '32 chiffres hexadécimaux' });
  const minDpi = guardInteger(field(o, 'minDpi'), ['options', 'minDpi'], issues, { required: false, min: 1, max: 4800 });
  const maxPages = guardInteger(field(o, 'maxPages'), ['options', 'maxPages'], issues, { required: false, min: 1, max: 10_000 });
  const minPageMm = guardInteger(field(o, 'minPageMm'), ['options', 'minPageMm'], issues, { required: false, min: 1, max: 5080 });
  const maxPixels = guardInteger(field(o, 'maxPixels'), ['options', 'maxPixels'], issues, { required: false, min: 1, max: 1_000_000_000 });
  const requireDensity = guardBoolean(field(o, 'requireDensity'), ['options', 'requireDensity'], issues, { required: false });
  let maxPageMm: [number, number] | undefined;
  const mp = guardArray(field(o, 'maxPageMm'), ['options', 'maxPageMm'], issues, { required: false, min: 2, max: 2 });
  if (mp !== undefined) {
    // PDF 1.4 pages are at most 200 inches (5080 mm) a side (ISO 19005-1 §6.1.12).
    const s = guardInteger(mp[0], ['options', 'maxPageMm', 0], issues, { min: 1, max: 5080 });
    const l = guardInteger(mp[1], ['options', 'maxPageMm', 1], issues, { min: 1, max: 5080 });
    if (s !== undefined && l !== undefined) maxPageMm = s <= l ? [s, l] : [l, s];
  }
  let colours: ScanColour[] | undefined;
  const cs = guardArray(field(o, 'colours'), ['options', 'colours'], issues, { required: false, min: 1, max: 3 });
  if (cs !== undefined) {
    colours = [];
    cs.forEach((c, i) => {
      const v = guardEnum(c, ['colour', 'greyscale', 'bilevel'], ['options', 'colours', i], issues);
      if (v !== undefined) colours!.push(v);
    });
  }
  if (issues.length > before) return undefined;
  return {
    title: title ?? PDFA_DEFAULTS.title,
    at,
    documentId: documentId?.toUpperCase(),
    minDpi: minDpi ?? PDFA_DEFAULTS.minDpi,
    maxPages: maxPages ?? PDFA_DEFAULTS.maxPages,
    maxPageMm: maxPageMm ?? PDFA_DEFAULTS.maxPageMm,
    minPageMm: minPageMm ?? PDFA_DEFAULTS.minPageMm,
    colours: colours ?? PDFA_DEFAULTS.colours,
    requireDensity: requireDensity ?? PDFA_DEFAULTS.requireDensity,
    maxPixels: maxPixels ?? PDFA_DEFAULTS.maxPixels,
  };
}
