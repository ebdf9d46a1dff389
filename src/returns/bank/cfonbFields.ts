/**
 * CFONB 120 record zones (1-based positions, CFONB, Relevé de compte sur support informatique (120 caractères), 2004, cross-checked with pennylane-hq/cfonb
 * `line_parser/*.rb`), and the small readers/writers shared by the parser and the serializer.
 *
 * Hint: the libellé is read over pos. 49-80 (as pennylane-hq/cfonb does; the CFONB text gives
 * 49-79 then a reserved zone) so a bank that fills pos. 80 loses nothing; it is written over
 * 49-79 only.
 */
import type { PlainDate } from '../../core/date/index';
import { parseAammjj } from '../../core/date/index';

/** Length of a CFONB 120 record. */
export const CFONB_RECORD_LENGTH = 120;

/** A zone: 1-based start and length. */
export interface Zone {
  readonly start: number;
  readonly length: number;
}

const z = (start: number, end: number): Zone => ({ start, length: end - start + 1 });

/** Zones of the 01 / 04 / 05 / 07 records. */
export const CFONB_ZONES = {
  code: z(1, 2),
  codeBanque: z(3, 7),
  codeOperationInterne: z(8, 11),
  codeGuichet: z(12, 16),
  devise: z(17, 19),
  nombreDecimales: z(20, 20),
  numeroCompte: z(22, 32),
  codeOperationInterbancaire: z(33, 34),
  date: z(35, 40),
  codeMotifRejet: z(41, 42),
  dateValeur: z(43, 48),
  libelleRead: z(49, 80),
  libelleWrite: z(49, 79),
  numeroEcriture: z(82, 88),
  indiceExoneration: z(89, 89),
  indiceIndisponibilite: z(90, 90),
  montant: z(91, 104),
  reference: z(105, 120),
  qualifiant: z(46, 48),
  information: z(49, 118),
} as const satisfies Record<string, Zone>;

/** Reads a zone verbatim. */
export function readZone(record: string, zone: Zone): string {
  return record.slice(zone.start - 1, zone.start - 1 + zone.length);
}

/** Reads a zone, trailing spaces removed. */
export function readText(record: string, zone: Zone): string {
  return readZone(record, zone).trimEnd();
}

/**
 * Writes a value into a record buffer (array of 120 chars), space-padded on the right.
 *
 * @returns `false` when the value is longer than the zone.
 */
export function writeZone(buffer: string[], zone: Zone, value: string): boolean {
  if (value.length > zone.length) return false;
  for (let k = 0; k < zone.length; k++) buffer[zone.start - 1 + k] = value.charAt(k) || ' ';
  return true;
}

/**
 * Reads a JJMMAA date.
 *
 * @param text - Six characters.
 * @param reference - Century pivot (dates land within 50 years of it).
 * @returns The date, or `undefined` when unreadable.
 */
export function readJjmmaa(text: string, reference: PlainDate): PlainDate | undefined {
  if (!/^\d{6}$/.test(text)) return undefined;
  const r = parseAammjj(text.slice(4, 6) + text.slice(2, 4) + text.slice(0, 2), { referenceDate: reference, century: 'near' });
  return r.ok ? r.value : undefined;
}

/** Writes a date as JJMMAA. */
export function formatJjmmaa(d: PlainDate): string {
  return d.slice(8, 10) + d.slice(5, 7) + d.slice(2, 4);
}
