/**
 * Dates: PlainDate (`'YYYY-MM-DD'`, no time zone) and the spec formats AAMMJJ / AAAAMMJJ.
 */
export type { PlainDate } from './plainDate';
export {
  addDays,
  ageAt,
  compareDates,
  DATE_CODES,
  daysBetween,
  daysInMonth,
  fromEpochDays,
  isPlainDate,
  isValidYmd,
  parsePlainDate,
  plainDate,
  plainDateOf,
  toEpochDays,
  toYmd,
} from './plainDate';
export type { AammjjOptions, CenturyRule } from './specFormats';
export { formatAaaammjj, formatAammjj, parseAaaammjj, parseAammjj, SPEC_DATE_CODES } from './specFormats';
