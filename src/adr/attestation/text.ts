/**
 * The 5 fields of an attestation de tiers payant from text: what a PMS's OCR or a user's typing
 * gives. Labelled text (« N° AMC : 12345678 », « Type de convention SP », « CSR = 01 »,
 * « N° adhérent 123 456 », « Période de validité du 01/01/2026 au 31/12/2026 ») in any order,
 * any case, with or without accents and with tolerant separators (`:`, `=`, `-`, `|`, `;`, tabs,
 * new lines); or, without labels, the values in the order of the pavé normalisé separated by
 * `|`, `;`, tabs, new lines or runs of spaces.
 */
import type { PlainDate } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory } from '../../core/issues/index';
import { field, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import { ATTESTATION_CODES } from './codes';
import { DATE_RE, readDates } from './dates';
import type { AttestationCodeField, AttestationTiersPayant } from './model';
import { ATTESTATION_FIELD_LABELS } from './model';
import type { AttestationCheckOptions } from './validate';
import { finish, guardCheckOptions } from './validate';

const issue = createIssueFactory(ATTESTATION_CODES);

/** Longest text read (an attestation's block is a few hundred characters; a whole OCR page fits). */
export const ATTESTATION_MAX_TEXT = 20_000;

/** Options of {@link parseAttestationText}. */
export interface ParseAttestationTextOptions extends AttestationCheckOptions {
  /** Pivot of two-digit years (JJ/MM/AA): the nearest century to this day. Absent: a two-digit year is an issue. */
  readonly referenceDate?: PlainDate;
}

type Key = AttestationCodeField | 'periodeValidite';

/** « N° », « No », « Numéro » (+ « d' ») before a label, on the same line: a bare « N » is a value, not a prefix. */
const NUMERO = "\\bN(?:UMERO|O\\.?|[°º])[ ]?(?:D[ ]?['’]?[ ]?)?";

/** Labels on the normalised text (capitals, no accent). Longest first where they overlap. */
const LABELS: readonly (readonly [Key, RegExp])[] = [
  ['critereSecondaireRoutage', /CRITERE\s*SECONDAIRE(?:\s*DE\s*ROUTAGE)?|\bC\.?\s?S\.?\s?R\b\.?/y],
  ['typeConvention', /(?:TYPE\s*(?:DE\s*)?)?CONVENTION\b|\bTYPE\s*(?:DE\s*)?CONV\b\.?/y],
  ['numeroAdherent', new RegExp(`(?:${NUMERO})?ADHERENT\\b`, 'y')],
  ['numeroAmc', new RegExp(`(?:${NUMERO})?\\bAMC\\b`, 'y')],
  ['periodeValidite', /(?:PERIODE\s*(?:DE\s*)?)?VALIDITE\b|\bVALABLE\b/y],
];

/** Capitals without accents, same length as the input (offsets stay those of the caller's text). */
function normalise(text: string): string {
  return text.replace(/[a-z]+/g, (s) => s.toUpperCase()).replace(/[^\x00-\x7f]/g, (ch) => {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
    return base.length === 1 ? base : ch;
  });
}

interface Found {
  readonly key: Key;
  readonly start: number;
  readonly end: number;
}

const LABEL_STARTS = 'ACNPTV';

function findLabels(n: string): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < n.length; ) {
    let hit: Found | undefined;
    const prev = i === 0 ? ' ' : n.charAt(i - 1);
    // Every label starts with one of these letters, after a non-alphanumeric character.
    if (LABEL_STARTS.includes(n.charAt(i)) && !/[A-Z0-9]/.test(prev)) {
      for (const [key, re] of LABELS) {
        re.lastIndex = i;
        const m = re.exec(n);
        if (m !== null && m[0].length > 0) {
          hit = { key, start: i, end: i + m[0].length };
          break;
        }
      }
    }
    if (hit !== undefined && !found.some((f) => f.key === hit.key)) {
      found.push(hit);
      i = hit.end;
    } else i += 1;
  }
  return found;
}

const EDGE = /^[\s:=\-–—>|;,.]+|[\s|;,]+$/g;

/** The value after a label: on the label's line, or on the next line when the label ends its line. */
function firstLine(raw: string): string {
  const lines = raw.replace(/^[ \t:=\-–—>|;,.]+/, '').split(/\r?\n|\r/);
  const first = lines[0] ?? '';
  return first.trim() === '' && lines.length > 1 && /^[ \t:=\-–—>]*$/.test(first) ? (lines[1] ?? '') : first;
}

/** A code value: spaces, dots and dashes inside are dropped (« 123 456 789 », « 12.34 »). */
function codeOf(raw: string): string {
  return raw.replace(EDGE, '').replace(/[\s.\-–]/g, '');
}

const MARK = '\u0001';

/** Splits unlabelled text: separators `|`, `;`, tabs, new lines, runs of 2+ spaces. */
function positional(text: string): { values: Partial<Record<AttestationCodeField, string>>; rest: string } {
  const dates = [...text.matchAll(DATE_RE)].filter((m) => m[7] === undefined).map((m) => m[0]);
  let rest = text;
  for (const d of dates) rest = rest.replace(d, MARK);
  // « du D1 au D2 », « D1 - D2 »: the words around the dates belong to the period, not to a value.
  rest = rest.replace(/\b(?:VALABLE )?DU ?(?=\u0001)/g, '').replace(/(?<=\u0001) ?(?:AU|A|JUSQU ?['’]? ?AU|-|–) ?(?=\u0001)/g, '');
  const tokens = rest
    .split(/[|;\t\r\n\u0001]+|\s{2,}/)
    .map((t) => codeOf(t))
    .filter((t) => t !== '');
  const keys: readonly AttestationCodeField[] = tokens.length >= 4 ? ['numeroAmc', 'typeConvention', 'critereSecondaireRoutage', 'numeroAdherent'] : ['numeroAmc', 'typeConvention', 'numeroAdherent'];
  const values: Partial<Record<AttestationCodeField, string>> = {};
  keys.forEach((k, i) => {
    const t = tokens[i];
    if (t !== undefined) values[k] = t;
  });
  return { values, rest: dates.join(' ') };
}

/**
 * Reads an attestation de tiers payant from text (OCR output or typing).
 *
 * @param text - The text (labelled fields in any order, or the 5 values in the order of the pavé normalisé).
 * @param options - `today` (validity checked on that day), `referenceDate` (pivot of two-digit years).
 * @returns The attestation, or issues: `ATTESTATION_FIELD_MISSING` / `ATTESTATION_FIELD_FORMAT`
 *   / `ATTESTATION_DATE_INVALID` (path: the field), `ATTESTATION_PERIODE_INVERSEE`,
 *   `ATTESTATION_EXPIREE`, `ATTESTATION_NON_ENCORE_VALIDE`, `INPUT_*`. Never throws.
 * @example
 * parseAttestationText('N° AMC : 12345678\nType de convention : SP\nCSR : 01\nN° adhérent : 0012345\nValidité : du 01/01/2026 au 31/12/2026');
 */
export function parseAttestationText(text: unknown, options?: ParseAttestationTextOptions): Result<AttestationTiersPayant> {
  const issues: Issue[] = [];
  const opts = guardCheckOptions(options, issues);
  const refRaw = options !== null && typeof options === 'object' ? field(options as Record<string, unknown>, 'referenceDate') : undefined;
  const referenceDate = guardPlainDate(refRaw, ['options', 'referenceDate'], issues, { required: false, minYear: 1, maxYear: 9999 }) as PlainDate | undefined;
  const t = guardString(text, ['text'], issues, { max: ATTESTATION_MAX_TEXT, expected: 'texte de l’attestation' });
  if (issues.length > 0 || opts === undefined || t === undefined) return inputErr(issues);
  const n = normalise(t);
  const labels = findLabels(n);
  const values: Partial<Record<AttestationCodeField, string>> = {};
  let periode = '';
  if (labels.length > 0) {
    const sorted = [...labels].sort((a, b) => a.start - b.start);
    sorted.forEach((l, i) => {
      const raw = n.slice(l.end, sorted[i + 1]?.start ?? n.length);
      if (l.key === 'periodeValidite') periode = raw;
      else values[l.key] = codeOf(firstLine(raw));
    });
  } else {
    const p = positional(n);
    Object.assign(values, p.values);
    periode = p.rest;
  }
  for (const k of ['numeroAmc', 'typeConvention', 'numeroAdherent'] as const) {
    if ((values[k] ?? '') === '') issues.push(issue('ATTESTATION_FIELD_MISSING', { path: [k], expected: ATTESTATION_FIELD_LABELS[k] }));
  }
  const found = readDates(periode, referenceDate, labels.length > 0);
  // Labelled: the period is the first two dates after its label (what follows may be the
  // bénéficiaires and their birth dates); unlabelled: exactly two dates.
  const dates = labels.length > 0 && found.length > 2 ? found.slice(0, 2) : found;
  if (periode.trim() === '' || dates.length === 0) issues.push(issue('ATTESTATION_FIELD_MISSING', { path: ['periodeValidite'], expected: ATTESTATION_FIELD_LABELS.periodeValidite }));
  else if (dates.length !== 2) issues.push(issue('ATTESTATION_DATE_INVALID', { path: ['periodeValidite'], expected: 'deux dates (début et fin)', received: `${dates.length} date(s)` }));
  else {
    dates.forEach((d, i) => {
      if (d.date === undefined) issues.push(issue('ATTESTATION_DATE_INVALID', { path: ['periodeValidite', i === 0 ? 'debut' : 'fin'], expected: referenceDate === undefined ? 'JJ/MM/AAAA' : 'JJ/MM/AAAA ou JJ/MM/AA', received: d.text }));
    });
  }
  const [debut, fin] = dates.map((d) => d.date);
  if (issues.length > 0 || debut === undefined || fin === undefined) return inputErr(issues);
  const csr = values.critereSecondaireRoutage ?? '';
  const a: AttestationTiersPayant = {
    numeroAmc: values.numeroAmc ?? '',
    typeConvention: values.typeConvention ?? '',
    ...(csr === '' ? {} : { critereSecondaireRoutage: csr }),
    numeroAdherent: values.numeroAdherent ?? '',
    periodeValidite: { debut, fin },
  };
  return finish(a, opts.today);
}
