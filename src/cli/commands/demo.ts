/**
 * `sesam demo`: the main job on embedded defaults — a practice's day from the cards to the
 * returns: read the Vitale and open the CPS, check the rights (INSi, ADRi, apCV, the mutuelle's
 * attestation, Annuaire AMC, IDB, then CLC on the priced invoices) against local HTTPS services, price and split every invoice (with its trace),
 * build, control, number, secure, lot and write the FSE/DRE files in a SQLite ledger, send them
 * by SMTP to the local caisse (with the SCOR pièces of the prescribed care), fetch its ARL and
 * NOEMIE returns over IMAP, and reconcile them with the ledger and the bank statement.
 */
import { join } from 'node:path';
import type { Command } from 'commander';
import type { PlainDate } from '../../core/date/index';
import { addDays, toYmd } from '../../core/date/index';
import { createSqliteLedger } from '../../ledger/sqlite/index';
import type { DemoFacture } from '../../rules/index';
import { computeFacture, DEMO_DAY } from '../../rules/index';
import { runReturnsDemo } from '../../simulator/index';
import { runCardsStage } from '../demo/cards';
import { runFseStage } from '../demo/fse';
import { runGuaranteeStep } from '../demo/guarantee';
import { demoNir, psOf } from '../demo/practice';
import { runPricingStage } from '../demo/pricing';
import type { RightsStage } from '../demo/rights';
import { runRightsStage } from '../demo/rights';
import { runTeletransmissionStage } from '../demo/teletransmission';
import { DATA_DIR_MARKER, openDataDir } from '../dataDir';
import type { CliIo } from '../io';
import { EXIT } from '../outcome';

/** Options of `sesam demo`. */
export interface DemoOptions {
  readonly explain?: boolean;
  readonly data?: string;
  readonly pcsc?: boolean;
}

/** The demo's default data folder (relative to the working directory). */
export const DEFAULT_DEMO_DATA = '.demo-data';

/**
 * Runs `sesam demo`.
 *
 * @param options - `explain`, `data` (the data folder, see src/cli/dataDir.ts), `pcsc`.
 * @param io - Output.
 * @returns The exit code: 0, or 73 when the data folder is refused (nothing is touched).
 * @throws SesamError `TRANSPORT` / `NOT_INSTALLED` without pcscd (mapped to 69 by runCli).
 */
export async function runDemo(options: DemoOptions, io: CliIo): Promise<number> {
  const explain = options.explain === true;
  // The data folder is checked before anything else: a wrong --data costs nothing.
  const opened = await openDataDir(options.data ?? DEFAULT_DEMO_DATA);
  if (!opened.ok) {
    io.err(`sesam demo: ${opened.message}\n`);
    return opened.exit;
  }
  const data = opened.value;
  io.out('sesam-billing — démonstration : une journée de cabinet (données fictives)\n');

  const cards = await runCardsStage(io, { pcsc: options.pcsc === true });
  let rights: RightsStage | undefined;
  try {
    // The first patient is the one whose Vitale card was read.
    const patient = cards.carte.beneficiaires[0];
    const day: DemoFacture[] = DEMO_DAY.map((x, i) =>
      i === 0 && patient?.dateNaissance !== undefined
        ? { ...x, label: `${x.label} (patient lu sur la carte Vitale)`, input: { ...x.input, beneficiaire: { ...x.input.beneficiaire, dateNaissance: patient.dateNaissance } } }
        : x,
    );
    const nirs = day.map((x, i) => (i === 0 && patient !== undefined ? patient.nir : demoNir(x.input.beneficiaire.dateNaissance, i)));
    const date = day[0]?.input.dateFacturation as PlainDate;
    // The day starts with the rights (INSi, ADRi, apCV, attestation, Annuaire AMC, IDB); the CLC
    // comes after pricing, on the décompte.
    const patients = day.map((x, i) => {
      const tp = computeFacture(x.input);
      return { nir: nirs[i] ?? '', dateNaissance: x.input.beneficiaire.dateNaissance, ps: psOf(x.input).numeroFacturation, tiersPayantAmc: tp.ok && tp.value.tiersPayantAmc, mutuelle: x.input.amc !== undefined };
    });
    rights = await runRightsStage(io, { day: date, patients, ...(patient !== undefined ? { carte: patient } : {}) });
    const priced = runPricingStage(io, day, { explain });
    if (rights !== undefined) await runGuaranteeStep(io, rights, priced);

    // Each run starts from a fresh ledger: delete what the previous run created, only that.
    await data.reset();
    let ledgerPath = '';
    for (const f of ['ledger.sqlite', 'ledger.sqlite-wal', 'ledger.sqlite-shm', 'ledger.sqlite-journal']) {
      const claimed = await data.claimFile(f);
      if (!claimed.ok) {
        io.err(`sesam demo: ${claimed.message}\n`);
        return claimed.exit;
      }
      if (f === 'ledger.sqlite') ledgerPath = claimed.value;
    }
    const ledger = await createSqliteLedger({ path: ledgerPath, clock: () => `${date}T18:00:00+01:00` });
    try {
      const fse = await runFseStage(io, { priced, nirs, ledger, securer: cards.securer, certificate: cards.certificate, data, day: date, explain, ...(rights !== undefined ? { rights } : {}) });
      const sent = await runTeletransmissionStage(io, { files: fse.files, data, day: date });
      io.out('\n━━ 5. Retours : ARL, NOEMIE 580, relevé bancaire, rapprochement ━━\n');
      for (const ps of [...fse.ps].sort()) {
        io.out(`\n  ▸ PS ${ps}\n`);
        const r = await runReturnsDemo(ledger, { ps, date: sent.returnsDate, today: addDays(date, 40), fetched: sent.fetched, out: (t) => io.out(t.replace(/^(?!$)/gm, '  ')) });
        if (!r.ok) io.err(`  retours ${ps} : ${r.issues.map((x) => x.code).join(', ')}\n`);
      }
      io.out(`\nLedger SQLite : ${ledgerPath} ; fichiers B2 : ${join(data.path, 'fichiers')} (exercice ${toYmd(date).year})\n`);
    } finally {
      await ledger.close?.();
    }
  } finally {
    await rights?.close();
    await cards.close();
  }
  return EXIT.OK;
}

/**
 * Adds `sesam demo` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The sub-command.
 */
export function addDemoCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  return program
    .command('demo')
    .summary("run a practice's day on embedded data: cards, pricing, FSE/lots/files, teletransmission to a local caisse, returns")
    .description("Run a practice's day on embedded, fictitious data: read the cards, price and split every invoice, build, control, number, secure, lot and write the FSE/DRE files in a SQLite ledger, send them by SMTP to a local caisse (with SCOR PDF/A-1b pièces for prescribed care), fetch its ARL and NOEMIE returns over IMAP (a dovecot started for the run; an in-process mailbox when dovecot is missing) and reconcile.")
    .option('--explain', 'show the trace of every invoice and one file annotated field by field')
    .option(
      '--data <dir>',
      `where the demo writes its SQLite ledger and files; created with a ${DATA_DIR_MARKER} marker, and on each run only the files the demo created are deleted (an existing non-empty folder without the marker, a file or a symlink is refused: exit 73)`,
      DEFAULT_DEMO_DATA,
    )
    .option('--pcsc', 'use real readers through pcscd instead of the in-process virtual cards (exit 69 when pcscd is not running)')
    .addHelpText('after', '\nExit codes: 0 done; 64 usage; 69 pcscd or the PC/SC binding missing; 73 data folder refused; 74 I/O error.')
    .action(async (options: DemoOptions) => {
      done(await runDemo(options, io));
    });
}
