/**
 * Bank statements: CFONB 120 (read / write) and CSV, flattened to movements for matching
 * NOEMIE virements (CFONB, Relevé de compte sur support informatique (120 caractères), 2004).
 */
export type {
  BankMovement,
  BankMovementSource,
  Cfonb120Account,
  Cfonb120Complement,
  Cfonb120File,
  Cfonb120Mouvement,
  Cfonb120Solde,
  Cfonb120Statement,
} from './types';
export type { CfonbAmountDecoding } from './cfonbAmount';
export { decodeCfonbAmount, encodeCfonbAmount } from './cfonbAmount';
export type { ParseCfonb120Options } from './parseCfonb120';
export { parseCfonb120 } from './parseCfonb120';
export type { SerializeCfonb120Options } from './serializeCfonb120';
export { serializeCfonb120 } from './serializeCfonb120';
export type { BankCsvColumns, BankCsvDateFormat, BankCsvEvent, BankCsvOptions } from './bankCsv';
export { parseBankCsv, serializeBankCsv, streamBankCsv } from './bankCsv';
export { computeBankMovements } from './movements';
