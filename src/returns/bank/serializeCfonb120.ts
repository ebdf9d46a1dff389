/**
 * CFONB 120 writer (inverse of {@link parseCfonb120}): used for fixtures and by the returns
 * simulator. Zones the model does not carry are written as spaces; 05 records repeat the
 * account and operation zones of their 04.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, resultOf } from '../../core/issues/index';
import type { Money } from '../../core/money/index';
import { RECONCILE_CODES } from '../reconcile/codes';
import { field, guardObject, guardString, inputErr } from '../../core/guard/index';
import { guardCfonbFile } from '../guards';
import { encodeCfonbAmount } from './cfonbAmount';
import type { Zone } from './cfonbFields';
import { CFONB_RECORD_LENGTH, CFONB_ZONES as Z, formatJjmmaa, writeZone } from './cfonbFields';
import type { Cfonb120Account, Cfonb120File, Cfonb120Mouvement } from './types';

const issue = createIssueFactory(RECONCILE_CODES);

/** Options of {@link serializeCfonb120}. */
export interface SerializeCfonb120Options {
  /** Written after each record (default `\n`; `''` for back-to-back records). */
  readonly lineEnd?: string;
}

class Writer {
  readonly buffer: string[] = new Array<string>(CFONB_RECORD_LENGTH).fill(' ');
  constructor(private readonly issues: Issue[], private readonly path: readonly (string | number)[]) {}
  put(zone: Zone, value: string, field: string): void {
    if (!writeZone(this.buffer, zone, value)) {
      this.issues.push(issue('BANK_CFONB_RECORD_LENGTH', { path: [...this.path, field], expected: `≤ ${zone.length}`, received: value.length, message: `Valeur trop longue pour la zone CFONB ${field} (${zone.length} caractères)` }));
    }
  }
  amount(m: Money, decimales: number): void {
    const text = encodeCfonbAmount(m, decimales);
    if (text === undefined) this.issues.push(issue('BANK_CFONB_DECIMALS', { path: [...this.path, 'montant'], received: `${m.centimes} centimes / ${decimales} décimales` }));
    else writeZone(this.buffer, Z.montant, text);
  }
  account(code: string, a: Cfonb120Account): void {
    this.put(Z.code, code, 'code');
    this.put(Z.codeBanque, a.codeBanque, 'codeBanque');
    this.put(Z.codeGuichet, a.codeGuichet, 'codeGuichet');
    this.put(Z.devise, a.devise, 'devise');
    this.put(Z.nombreDecimales, String(a.nombreDecimales), 'nombreDecimales');
    this.put(Z.numeroCompte, a.numeroCompte, 'numeroCompte');
  }
  text(): string {
    return this.buffer.join('');
  }
}

function writeOperation(w: Writer, a: Cfonb120Account, m: Cfonb120Mouvement, code: '04' | '05'): void {
  w.account(code, a);
  w.put(Z.codeOperationInterne, m.codeOperationInterne, 'codeOperationInterne');
  w.put(Z.codeOperationInterbancaire, m.codeOperationInterbancaire, 'codeOperationInterbancaire');
  w.put(Z.date, formatJjmmaa(m.dateComptable), 'dateComptable');
}

/**
 * Writes CFONB 120 statements.
 *
 * @param file - The statements.
 * @param options - Line end.
 * @returns The text (ASCII when the model is), or `BANK_CFONB_*` issues for values that do
 *   not fit their zone; `INPUT_*` issues for arguments of the wrong shape.
 * @example
 * const text = unwrap(serializeCfonb120({ statements: [statement] }));
 */
export function serializeCfonb120(file: Cfonb120File, options: SerializeCfonb120Options = {}): Result<string> {
  const shape: Issue[] = [];
  guardCfonbFile(file, ['file'], shape);
  const o = guardObject(options, ['options'], shape, { required: false });
  if (o) guardString(field(o, 'lineEnd'), ['options', 'lineEnd'], shape, { required: false, max: 4, pattern: /^[\r\n]*$/, expected: 'fin de ligne (\\n, \\r\\n ou vide)' });
  if (shape.length > 0) return inputErr(shape);
  const issues: Issue[] = [];
  const lines: string[] = [];
  file.statements.forEach((s, si) => {
    const d = s.compte.nombreDecimales;
    const head = new Writer(issues, ['statements', si, 'ancienSolde']);
    head.account('01', s.compte);
    head.put(Z.date, formatJjmmaa(s.ancienSolde.date), 'date');
    head.amount(s.ancienSolde.montant, d);
    lines.push(head.text());
    s.mouvements.forEach((m, mi) => {
      const path = ['statements', si, 'mouvements', mi];
      const w = new Writer(issues, path);
      writeOperation(w, s.compte, m, '04');
      w.put(Z.codeMotifRejet, m.codeMotifRejet, 'codeMotifRejet');
      if (m.dateValeur !== undefined) w.put(Z.dateValeur, formatJjmmaa(m.dateValeur), 'dateValeur');
      w.put(Z.libelleWrite, m.libelle, 'libelle');
      w.put(Z.numeroEcriture, m.numeroEcriture, 'numeroEcriture');
      w.put(Z.indiceExoneration, m.indiceExoneration, 'indiceExoneration');
      w.put(Z.indiceIndisponibilite, m.indiceIndisponibilite, 'indiceIndisponibilite');
      w.amount(m.montant, d);
      w.put(Z.reference, m.reference, 'reference');
      lines.push(w.text());
      m.complements.forEach((c, ci) => {
        const cw = new Writer(issues, [...path, 'complements', ci]);
        writeOperation(cw, s.compte, m, '05');
        cw.put(Z.qualifiant, c.qualifiant, 'qualifiant');
        cw.put(Z.information, c.information, 'information');
        lines.push(cw.text());
      });
    });
    const tail = new Writer(issues, ['statements', si, 'nouveauSolde']);
    tail.account('07', s.compte);
    tail.put(Z.date, formatJjmmaa(s.nouveauSolde.date), 'date');
    tail.amount(s.nouveauSolde.montant, d);
    lines.push(tail.text());
  });
  const end = options.lineEnd ?? '\n';
  return resultOf(lines.map((l) => l + end).join(''), issues);
}
