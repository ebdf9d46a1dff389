/**
 * CFONB 120 bank statement reader: 01 ancien solde, 04 mouvements each followed by any number
 * of 05 compléments, 07 nouveau solde; several statements per file (CFONB, Relevé de compte sur support informatique (120 caractères), 2004).
 *
 * Never throws on bad bytes: every problem is an issue with its record number and offset.
 */
import type { PlainDate } from '../../core/date/index';
import { plainDate } from '../../core/date/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import type { Money } from '../../core/money/index';
import { add, equals, formatDecimal, sum } from '../../core/money/index';
import { RECONCILE_CODES } from '../reconcile/codes';
import { field, guardBoolean, guardEnum, guardObject, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import { decodeCfonbAmount } from './cfonbAmount';
import { CFONB_RECORD_LENGTH, CFONB_ZONES as Z, readJjmmaa, readText, readZone } from './cfonbFields';
import type { Cfonb120Account, Cfonb120Complement, Cfonb120File, Cfonb120Mouvement, Cfonb120Solde, Cfonb120Statement } from './types';

const issue = createIssueFactory(RECONCILE_CODES);

/** Options of {@link parseCfonb120}; each tolerance is named and can be turned off. */
export interface ParseCfonb120Options {
  /** Century pivot of JJMMAA dates (default 2010-01-01: years 1961–2060, as pennylane-hq/cfonb); never the machine's clock. */
  readonly referenceDate?: PlainDate;
  /** @deprecated Since 0.3.0: renamed `referenceDate`; removed in the next minor release. */
  readonly dateReference?: PlainDate;
  /** Pad lines shorter than 120 characters with spaces (editors strip trailing blanks). Default on. */
  readonly padShortRecords?: boolean;
  /** Skip empty lines between records. Default on. */
  readonly skipBlankLines?: boolean;
  /** Accept lines holding several back-to-back 120-character records. Default on. */
  readonly splitLongLines?: boolean;
  /** Severity of a balance that does not add up (ancien + mouvements ≠ nouveau). Default `error`. */
  readonly balanceCheck?: 'error' | 'warning' | 'off';
}

interface RawRecord {
  readonly text: string;
  readonly record: number;
  readonly offset: number;
}

function decodeLatin1(bytes: Uint8Array | string): string {
  if (typeof bytes === 'string') return bytes;
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function splitRecords(text: string, o: Required<Omit<ParseCfonb120Options, 'referenceDate' | 'dateReference' | 'balanceCheck'>>, issues: Issue[]): RawRecord[] {
  const out: RawRecord[] = [];
  let offset = 0;
  for (const line0 of text.split('\n')) {
    const line = line0.endsWith('\r') ? line0.slice(0, -1) : line0;
    const lineOffset = offset;
    offset += line0.length + 1;
    if (line.trim() === '' && o.skipBlankLines) continue;
    if (line.length === CFONB_RECORD_LENGTH) out.push({ text: line, record: out.length + 1, offset: lineOffset });
    else if (line.length > CFONB_RECORD_LENGTH && line.length % CFONB_RECORD_LENGTH === 0 && o.splitLongLines) {
      for (let k = 0; k < line.length; k += CFONB_RECORD_LENGTH) {
        out.push({ text: line.slice(k, k + CFONB_RECORD_LENGTH), record: out.length + 1, offset: lineOffset + k });
      }
    } else if (line.length < CFONB_RECORD_LENGTH && line.length >= 2 && o.padShortRecords) {
      out.push({ text: line.padEnd(CFONB_RECORD_LENGTH, ' '), record: out.length + 1, offset: lineOffset });
    } else {
      issues.push(issue('BANK_CFONB_RECORD_LENGTH', {
        path: ['records', out.length], expected: String(CFONB_RECORD_LENGTH), received: line.length,
        source: { record: out.length + 1, offset: lineOffset },
      }));
    }
  }
  return out;
}

interface Ctx {
  readonly reference: PlainDate;
  readonly issues: Issue[];
}

function readAccount(r: RawRecord, ctx: Ctx): Cfonb120Account | undefined {
  const d = readZone(r.text, Z.nombreDecimales);
  if (!/^\d$/.test(d)) {
    ctx.issues.push(issue('BANK_CFONB_DECIMALS', { path: ['records', r.record - 1, 'nombreDecimales'], received: d, source: { record: r.record, column: 20, offset: r.offset + 19 } }));
    return undefined;
  }
  return {
    codeBanque: readText(r.text, Z.codeBanque),
    codeGuichet: readText(r.text, Z.codeGuichet),
    devise: readText(r.text, Z.devise),
    nombreDecimales: Number(d),
    numeroCompte: readText(r.text, Z.numeroCompte),
  };
}

function readDate(r: RawRecord, zone: typeof Z.date, field: string, ctx: Ctx, optional: boolean): PlainDate | undefined | null {
  const text = readZone(r.text, zone);
  if (optional && text.trim() === '') return undefined;
  const d = readJjmmaa(text, ctx.reference);
  if (d !== undefined) return d;
  ctx.issues.push(issue('BANK_CFONB_DATE', { path: ['records', r.record - 1, field], received: text, source: { record: r.record, column: zone.start, offset: r.offset + zone.start - 1 } }));
  return null;
}

function readAmount(r: RawRecord, decimales: number, ctx: Ctx): Money | undefined {
  const text = readZone(r.text, Z.montant);
  const d = decodeCfonbAmount(text, decimales);
  if (d.ok) return d.montant;
  const source = { record: r.record, column: Z.montant.start, offset: r.offset + Z.montant.start - 1 };
  const path = ['records', r.record - 1, 'montant'];
  ctx.issues.push(d.reason === 'format'
    ? issue('BANK_CFONB_AMOUNT', { path, expected: '{A-I}J-R', received: text, source })
    : issue('BANK_CFONB_DECIMALS', { path, received: `${text} / 10^${decimales}`, source }));
  return undefined;
}

function readSolde(r: RawRecord, account: Cfonb120Account, ctx: Ctx): Cfonb120Solde | undefined {
  const date = readDate(r, Z.date, 'date', ctx, false);
  const montant = readAmount(r, account.nombreDecimales, ctx);
  return date && montant ? { date, montant } : undefined;
}

function readMouvement(r: RawRecord, account: Cfonb120Account, ctx: Ctx): Omit<Cfonb120Mouvement, 'complements'> | undefined {
  const dateComptable = readDate(r, Z.date, 'dateComptable', ctx, false);
  const dateValeur = readDate(r, Z.dateValeur, 'dateValeur', ctx, true);
  const montant = readAmount(r, account.nombreDecimales, ctx);
  if (!dateComptable || dateValeur === null || !montant) return undefined;
  return {
    codeOperationInterne: readText(r.text, Z.codeOperationInterne),
    codeOperationInterbancaire: readText(r.text, Z.codeOperationInterbancaire),
    dateComptable,
    codeMotifRejet: readText(r.text, Z.codeMotifRejet),
    ...(dateValeur === undefined ? {} : { dateValeur }),
    libelle: readText(r.text, Z.libelleRead),
    numeroEcriture: readText(r.text, Z.numeroEcriture),
    indiceExoneration: readText(r.text, Z.indiceExoneration),
    indiceIndisponibilite: readText(r.text, Z.indiceIndisponibilite),
    montant,
    reference: readText(r.text, Z.reference),
    record: r.record,
  };
}

const sameAccount = (a: Cfonb120Account, b: Cfonb120Account): boolean =>
  a.codeBanque === b.codeBanque && a.codeGuichet === b.codeGuichet && a.devise === b.devise && a.numeroCompte === b.numeroCompte && a.nombreDecimales === b.nombreDecimales;

const accountText = (a: Cfonb120Account): string => `${a.codeBanque} ${a.codeGuichet} ${a.numeroCompte} ${a.devise}/${a.nombreDecimales}`;

/**
 * Reads a CFONB 120 bank statement file.
 *
 * @param input - The file bytes (read as Latin-1) or its text.
 * @param options - Tolerances and the century pivot.
 * @returns The statements, or `BANK_CFONB_*` issues (record number and byte offset in `source`);
 *   `INPUT_*` issues for arguments of the wrong shape.
 * @example
 * const r = parseCfonb120(fs.readFileSync('releve.txt'));
 * if (r.ok) for (const s of r.value.statements) console.log(s.nouveauSolde);
 * @see CFONB, Relevé de compte sur support informatique (120 caractères), 2004 (CFONB relevé de compte 120 caractères)
 */
export function parseCfonb120(input: Uint8Array | string, options: ParseCfonb120Options = {}): Result<Cfonb120File> {
  const shape: Issue[] = [];
  if (!(input instanceof Uint8Array)) guardString(input, ['input'], shape, { max: 512 * 1024 * 1024, expected: 'octets (Uint8Array) ou texte' });
  const o = guardObject(options, ['options'], shape, { required: false });
  if (o) {
    guardPlainDate(field(o, 'referenceDate'), ['options', 'referenceDate'], shape, { required: false });
    guardPlainDate(field(o, 'dateReference'), ['options', 'dateReference'], shape, { required: false });
    for (const k of ['padShortRecords', 'skipBlankLines', 'splitLongLines']) guardBoolean(field(o, k), ['options', k], shape, { required: false });
    guardEnum(field(o, 'balanceCheck'), ['error', 'warning', 'off'], ['options', 'balanceCheck'], shape, { required: false });
  }
  if (shape.length > 0) return inputErr(shape);
  const issues: Issue[] = [];
  const ctx: Ctx = { reference: options.referenceDate ?? options.dateReference ?? plainDate('2010-01-01'), issues };
  const records = splitRecords(decodeLatin1(input), {
    padShortRecords: options.padShortRecords ?? true,
    skipBlankLines: options.skipBlankLines ?? true,
    splitLongLines: options.splitLongLines ?? true,
  }, issues);
  const statements: Cfonb120Statement[] = [];
  let open: { account: Cfonb120Account; ancienSolde: Cfonb120Solde | undefined; mouvements: Cfonb120Mouvement[] } | undefined;
  let current: { base: Omit<Cfonb120Mouvement, 'complements'> | undefined; complements: Cfonb120Complement[] } | undefined;
  const sequence = (r: RawRecord, what: string): void => {
    issues.push(issue('BANK_CFONB_SEQUENCE', { path: ['records', r.record - 1], received: what, source: { record: r.record, offset: r.offset } }));
  };
  const flush = (): void => {
    if (open && current?.base) open.mouvements.push({ ...current.base, complements: current.complements });
    current = undefined;
  };
  for (const r of records) {
    const code = readZone(r.text, Z.code);
    if (code === '01') {
      if (open) sequence(r, 'ancien solde (01) alors que le relevé précédent n’a pas de nouveau solde (07)');
      current = undefined;
      const account = readAccount(r, ctx);
      open = account ? { account, ancienSolde: readSolde(r, account, ctx), mouvements: [] } : undefined;
    } else if (code === '04') {
      flush();
      if (!open) { sequence(r, 'mouvement (04) hors relevé'); continue; }
      current = { base: readMouvement(r, open.account, ctx), complements: [] };
    } else if (code === '05') {
      if (!current) { sequence(r, 'complément (05) sans mouvement (04)'); continue; }
      current.complements.push({ qualifiant: readText(r.text, Z.qualifiant), information: readText(r.text, Z.information) });
    } else if (code === '07') {
      flush();
      if (!open) { sequence(r, 'nouveau solde (07) sans ancien solde (01)'); continue; }
      const account = readAccount(r, ctx);
      if (account && !sameAccount(account, open.account)) {
        issues.push(issue('BANK_CFONB_ACCOUNT_MISMATCH', { path: ['records', r.record - 1], expected: accountText(open.account), received: accountText(account), source: { record: r.record, offset: r.offset } }));
      }
      const nouveauSolde = account ? readSolde(r, account, ctx) : undefined;
      if (open.ancienSolde && nouveauSolde) {
        const computed = add(open.ancienSolde.montant, sum(open.mouvements.map((m) => m.montant)));
        const check = options.balanceCheck ?? 'error';
        if (check !== 'off' && !equals(computed, nouveauSolde.montant)) {
          issues.push(issue('BANK_CFONB_BALANCE_MISMATCH', { path: ['statements', statements.length], severity: check, expected: formatDecimal(nouveauSolde.montant), received: formatDecimal(computed), source: { record: r.record, offset: r.offset } }));
        }
        statements.push({ compte: open.account, ancienSolde: open.ancienSolde, mouvements: open.mouvements, nouveauSolde });
      }
      open = undefined;
    } else {
      issues.push(issue('BANK_CFONB_RECORD_CODE', { path: ['records', r.record - 1], received: code, source: { record: r.record, column: 1, offset: r.offset } }));
    }
  }
  if (open) {
    const last = records[records.length - 1];
    issues.push(issue('BANK_CFONB_SEQUENCE', { path: ['records', records.length], received: 'relevé sans nouveau solde (07) en fin de fichier', ...(last ? { source: { record: last.record, offset: last.offset } } : {}) }));
  }
  return resultOf({ statements }, issues);
}
