/**
 * `sesam reconcile NOEMIE... [--cfonb FILE | --bank-csv FILE]`: applies NOEMIE PS returns to the
 * ledger (reconcile, sesam-billing/returns: once per file, the ledger remembers what it applied)
 * and, with a bank statement, matches the virements; prints the report.
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { NoemieFile } from '../../noemie/types';
import { parseNoemie } from '../../noemie/index';
import type { BankMovement } from '../../returns/index';
import { computeBankMovements, parseBankCsv, parseCfonb120, reconcile } from '../../returns/index';
import { eur } from '../format';
import { readInputFile } from '../input';
import type { CliIo } from '../io';
import { createReporter } from '../json';
import type { LedgerLocation } from '../ledgerFile';
import { addLedgerOptions, addOutputOptions, withLedger } from '../ledgerCommand';
import { EXIT } from '../outcome';
import { startProgress } from '../progress';

/** Largest NOEMIE file or bank statement read. */
const MAX_RETURN_BYTES = 64 * 1024 * 1024;

/** Options of `sesam reconcile`. */
export interface ReconcileCommandOptions extends LedgerLocation {
  readonly ps?: string;
  readonly cfonb?: string;
  readonly bankCsv?: string;
  readonly lineBreaks?: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/**
 * Runs `sesam reconcile`.
 *
 * @param files - NOEMIE PS files.
 * @param options - Ledger location, `ps`, a bank statement (`cfonb` or `bankCsv`), `json`, `quiet`.
 * @param io - Output.
 * @returns 0 reconciled (differences and rejects are reported, not failures); 64 usage; 65 a
 *   file that is not NOEMIE / CFONB / CSV, or a file addressed to another PS; 66 unreadable
 *   input or no ledger; 69 SQLite binding missing.
 */
export async function runReconcile(files: readonly string[], options: ReconcileCommandOptions, io: CliIo): Promise<number> {
  const r = createReporter(io, 'reconcile', options.json === true);
  if (options.cfonb !== undefined && options.bankCsv !== undefined) return r.refuse(EXIT.USAGE, 'give --cfonb or --bank-csv, not both');
  if (files.length === 0 && options.cfonb === undefined && options.bankCsv === undefined) return r.refuse(EXIT.USAGE, 'nothing to reconcile: give NOEMIE files and/or --cfonb / --bank-csv');
  const noemie: NoemieFile[] = [];
  const progress = startProgress('fichiers NOEMIE lus', files.length, options);
  for (const [fi, file] of files.entries()) {
    const bytes = await readInputFile(file, MAX_RETURN_BYTES);
    if (!bytes.ok) {
      progress.stop();
      return r.refuse(bytes.exit, bytes.message);
    }
    const parsed = parseNoemie(bytes.value, options.lineBreaks === true ? { lineBreaks: true, trailingPadding: true } : {});
    for (const i of parsed.issues) r.issue({ ...i, path: ['noemie', fi, ...i.path] });
    progress.tick();
    if (!parsed.ok) {
      progress.stop();
      return r.refuse(EXIT.DATA, `${basename(file)}: not a NOEMIE PS file that can be read (issues above)`);
    }
    noemie.push(parsed.value);
  }
  progress.stop();
  let bank: readonly BankMovement[] | undefined;
  const statement = options.cfonb ?? options.bankCsv;
  if (statement !== undefined) {
    const bytes = await readInputFile(statement, MAX_RETURN_BYTES);
    if (!bytes.ok) return r.refuse(bytes.exit, bytes.message);
    if (options.cfonb !== undefined) {
      const parsed = parseCfonb120(bytes.value);
      for (const i of parsed.issues) r.issue({ ...i, path: ['bank', ...i.path] });
      if (!parsed.ok) return r.refuse(EXIT.DATA, `${basename(statement)}: not a CFONB 120 statement that can be read`);
      bank = computeBankMovements(parsed.value);
    } else {
      const parsed = parseBankCsv(Buffer.from(bytes.value).toString('utf8').replace(/^\uFEFF/, ''));
      for (const i of parsed.issues) r.issue({ ...i, path: ['bank', ...i.path] });
      if (!parsed.ok) return r.refuse(EXIT.DATA, `${basename(statement)}: not a bank CSV that can be read (date;libellé;montant, JJ/MM/AAAA, decimal comma)`);
      bank = parsed.value;
    }
  }
  return withLedger(r, options, {}, async ({ ledger }) => {
    const report = await reconcile({ noemie, ...(bank === undefined ? {} : { bank }) }, ledger, options.ps === undefined ? {} : { ps: options.ps });
    if (!report.ok) {
      for (const i of report.issues) r.issue(i);
      return r.finish(EXIT.DATA);
    }
    const rep = report.value;
    for (const d of rep.differences) r.issue(d);
    r.say(`${noemie.length} fichier(s) NOEMIE, ${rep.invoices.length} facture(s) : ${rep.matched.length} payée(s), ${rep.partiallyPaid.length} partiellement, ${rep.rejected.length} rejetée(s), ${rep.pending.length} en attente, ${rep.unknown.length} inconnue(s) ; ${rep.differences.length} écart(s)\n`);
    for (const inv of rep.rejected) for (const rej of inv.rejects) r.say(`  facture ${inv.numeroFacture} rejet ${rej.code} : ${rej.definition?.libelle ?? rej.libelleCaisse} → ${rej.definition?.correction ?? 'code inconnu du dictionnaire'}\n`);
    for (const ret of rep.retenues) r.say(`  retenue ${ret.referenceDette} : ${eur(ret.montant)}\n`);
    if (rep.payments !== undefined) r.say(`  banque : ${rep.payments.matches.length} virement(s) rapproché(s), ${rep.payments.unmatchedVirements.length} non trouvé(s) au relevé, ${rep.payments.unmatchedCredits.length} crédit(s) non rapproché(s)\n`);
    return r.finish(EXIT.OK, rep);
  });
}

/**
 * Adds `sesam reconcile` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The sub-command.
 */
export function addReconcileCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  const reconcileCommand = program
    .command('reconcile')
    .summary('apply NOEMIE returns to the ledger and match the virements with a bank statement')
    .description('Apply NOEMIE PS return files to the SQLite ledger (each file once: the ledger remembers what it applied) and, with a bank statement (CFONB 120 or CSV), match the virements; print the report (paid, partially paid, rejected with the remediation, pending, unknown, differences).')
    .argument('[noemie...]', 'NOEMIE PS files (128-byte records; at most 64 MiB each)');
  addLedgerOptions(reconcileCommand, { ledgerFile: true })
    .option('--ps <numero>', 'the PS the files are addressed to (a file for another PS is refused before anything is applied)')
    .option('--cfonb <file>', 'bank statement, CFONB 120')
    .option('--bank-csv <file>', 'bank statement, CSV: date;libellé;montant, one header line, JJ/MM/AAAA, decimal comma')
    .option('--line-breaks', 'accept NOEMIE records followed by line ends and padding after the trailer (files converted by a text transfer)');
  return addOutputOptions(reconcileCommand, {
    result: 'the reconciliation report',
    quiet: true,
    exitCodes: '0 reconciled (rejects and differences are in the report); 64 usage; 65 unreadable NOEMIE / CFONB / CSV content or a file for another PS; 66 missing input or no ledger; 69 SQLite binding missing.',
  }).action(async (noemieFiles: string[], options: ReconcileCommandOptions) => {
    done(await runReconcile(noemieFiles, options, io));
  });
}
