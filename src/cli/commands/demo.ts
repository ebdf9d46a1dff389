/**
 * `sesam demo` (`npm run demo`): the main job on embedded defaults — a practice's week (five
 * working days from a fixed Monday; `--days`, `--start`). The cards are read and the CPS opened
 * once; the local HTTPS services (INSi, ADRi, Annuaire AMC, IDB, CLC), the cabinet's mailbox (one
 * dovecot) and the local caisse (a manual clock moved day by day) are started once. Each day:
 * rights, pricing, FSE/DRE built, controlled, numbered in the ledger (SQLite, or PostgreSQL with
 * `--pg`), secured, lotted and written, sent by SMTP (with the SCOR pièces), the ARL fetched the
 * same evening over IMAP, and the NOEMIE returns of the previous days in the morning mail. At the
 * week's end: reconciliation with the ledger and the bank statement, the watchdog (one return
 * never comes), the dashboard written in the data folder, and a summary table read from the ledger.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { PlainDate } from '../../core/date/index';
import { addDays, parsePlainDate, toYmd } from '../../core/date/index';
import { isSesamError } from '../../core/issues/index';
import { formatMoney, sum } from '../../core/money/index';
import { loadDashboardModel, renderDashboardHtml } from '../../dashboard/index';
import type { LedgerStore } from '../../ledger/index';
import { createPostgresLedger } from '../../ledger/postgres/index';
import { createSqliteLedger } from '../../ledger/sqlite/index';
import type { PaymentMatchReport } from '../../returns/index';
import type { DemoFacture } from '../../rules/index';
import { computeFacture } from '../../rules/index';
import { runReturnsDemo } from '../../simulator/index';
import { runCardsStage } from '../demo/cards';
import { runFseStage } from '../demo/fse';
import { runGuaranteeStep } from '../demo/guarantee';
import { psOf } from '../demo/practice';
import { runPricingStage } from '../demo/pricing';
import type { RightsServices, RightsStage } from '../demo/rights';
import { openRightsServices, runRightsStage } from '../demo/rights';
import { computeWeekSummary, renderWeekSummary } from '../demo/summary';
import type { TeletransmissionSession } from '../demo/teletransmission';
import { demoScript, LOST_RETURN_PS, openTeletransmission, sayArlOfDay } from '../demo/teletransmission';
import { DEMO_WEEK_DAYS, DEMO_WEEK_START, demoDayOf, JOURS, weekdayOf, workingDays } from '../demo/week';
import type { DataDir } from '../dataDir';
import { DATA_DIR_MARKER, openDataDir } from '../dataDir';
import type { CliIo } from '../io';
import { EXIT } from '../outcome';
import { startProgress } from '../progress';

/** Options of `sesam demo`. */
export interface DemoOptions {
  readonly explain?: boolean;
  readonly data?: string;
  readonly pcsc?: boolean;
  /** Working days to run (default 5: Monday–Friday). */
  readonly days?: string;
  /** First day, YYYY-MM-DD (default {@link DEMO_WEEK_START}). */
  readonly start?: string;
  /** PostgreSQL connection string: the week goes to the PostgreSQL ledger instead of the SQLite file. */
  readonly pg?: string;
  readonly json?: boolean;
}

/** The demo's default data folder (relative to the working directory). */
export const DEFAULT_DEMO_DATA = '.demo-data';
/** File name of the dashboard the demo writes in its data folder. */
export const DEMO_DASHBOARD_FILE = 'tableau-de-bord.html';
/**
 * The watchdog's delay for a NOEMIE return in the demo, in days: the local caisse answers after
 * 3 days, so a return still missing the day after is reported (a parameter of the simulation,
 * not a regulatory delay; the library's default is `DEFAULT_WATCHDOG_THRESHOLDS.rspDays`).
 */
export const DEMO_RSP_DAYS = 4;

const HOUR = 3_600_000;
const ISO_HOUR = (day: PlainDate, hhmm: string): string => `${day}T${hhmm}:00.000Z`;
const dayName = (d: PlainDate): string => `${JOURS[weekdayOf(d)] ?? ''} ${d}`;

/** The ledger of the run: a fresh SQLite file in the data folder, or a fresh practice on PostgreSQL. */
async function openLedger(io: CliIo, data: DataDir, pg: string | undefined, clock: () => string): Promise<{ ledger: LedgerStore; where: string } | { exit: number }> {
  if (pg !== undefined) {
    // A new practice (tenant) per run: the run writes only its own rows and deletes nothing.
    const practice = `sesam-demo-${new Date().toISOString().replace(/[^0-9]/g, '').slice(0, 14)}-${process.pid}`;
    try {
      const ledger = await createPostgresLedger({ connectionString: pg, practice, clock, poolSize: 4 });
      return { ledger, where: `Ledger PostgreSQL : practice « ${practice} » (schéma sesam_ledger)` };
    } catch (e) {
      io.err(`sesam demo: ${isSesamError(e) ? e.message.split('\n')[0] : 'cannot open the PostgreSQL ledger'}\n`);
      return { exit: isSesamError(e) && e.code === 'ASSERTION' ? EXIT.USAGE : EXIT.UNAVAILABLE };
    }
  }
  let ledgerPath = '';
  for (const f of ['ledger.sqlite', 'ledger.sqlite-wal', 'ledger.sqlite-shm', 'ledger.sqlite-journal']) {
    const claimed = await data.claimFile(f);
    if (!claimed.ok) {
      io.err(`sesam demo: ${claimed.message}\n`);
      return { exit: claimed.exit };
    }
    if (f === 'ledger.sqlite') ledgerPath = claimed.value;
  }
  return { ledger: await createSqliteLedger({ path: ledgerPath, clock }), where: `Ledger SQLite : ${ledgerPath}` };
}

/** The output of the week's later days: only errors and the lines the week prints itself. */
const quietOf = (io: CliIo): CliIo => ({ out: () => undefined, err: (t) => io.err(t) });

/**
 * Runs `sesam demo`.
 *
 * @param options - `explain`, `data` (the data folder, see src/cli/dataDir.ts), `pcsc`, `days`, `start`, `pg`.
 * @param io - Output.
 * @returns The exit code: 0; 64 bad `--days` / `--start`; 69 PostgreSQL unreachable; 73 when
 *   the data folder is refused (nothing is touched).
 * @throws SesamError `TRANSPORT` / `NOT_INSTALLED` without pcscd (mapped to 69 by runCli).
 */
export async function runDemo(options: DemoOptions, io: CliIo): Promise<number> {
  const explain = options.explain === true;
  const n = options.days === undefined ? DEMO_WEEK_DAYS : /^\d{1,2}$/.test(options.days) ? Number(options.days) : NaN;
  if (!(n >= 1 && n <= 20)) {
    io.err(`sesam demo: --days must be a number of working days from 1 to 20, got ${String(options.days).slice(0, 20)}\n`);
    return EXIT.USAGE;
  }
  let start = DEMO_WEEK_START;
  if (options.start !== undefined) {
    const parsed = parsePlainDate(options.start);
    if (!parsed.ok) {
      io.err(`sesam demo: --start must be a day YYYY-MM-DD, got ${options.start.slice(0, 40)}\n`);
      return EXIT.USAGE;
    }
    start = parsed.value;
  }
  // The data folder is checked before anything else: a wrong --data costs nothing.
  const opened = await openDataDir(options.data ?? DEFAULT_DEMO_DATA, { purpose: 'demo' });
  if (!opened.ok) {
    io.err(`sesam demo: ${opened.message}\n`);
    return opened.exit;
  }
  const data = opened.value;
  const days = workingDays(start, n);
  const first = days[0] ?? start;
  const last = days[days.length - 1] ?? start;
  const week = n > 1;
  io.out(week ? `sesam-billing — démonstration : la semaine d’un cabinet, ${n} jours ouvrés du ${dayName(first)} au ${dayName(last)} (données fictives)\n` : 'sesam-billing — démonstration : une journée de cabinet (données fictives)\n');
  // One tick per day and one for the week's end (reconciliation, watchdog, dashboard).
  const progress = startProgress(week ? 'Semaine (jours)' : 'Journée', week ? n + 1 : 2, { json: options.json === true, minTotal: 1 });

  const cards = await runCardsStage(io, { pcsc: options.pcsc === true });
  let shared: RightsServices | undefined;
  let session: TeletransmissionSession | undefined;
  let ledger: LedgerStore | undefined;
  try {
    const services = await openRightsServices();
    if (services.ok) shared = services.value;
    // Each run starts from a fresh ledger: delete what the previous run created, only that.
    await data.reset();
    let now = `${first}T18:00:00+01:00`;
    const open = await openLedger(io, data, options.pg, () => now);
    if ('exit' in open) return open.exit;
    ledger = open.ledger;
    session = await openTeletransmission(quietOf(io), { data, start: ISO_HOUR(first, '17:30') });
    const allPs = new Set<string>();
    let invoices = 0;
    for (const [k, day] of days.entries()) {
      const verbose = k === 0;
      const dio = verbose ? io : quietOf(io);
      now = `${day}T18:00:00+01:00`;
      // The morning mail: the NOEMIE returns the caisse sent since yesterday evening.
      await session.advanceTo(ISO_HOUR(day, '17:30'));
      const morning = await session.fetch();
      if (week) io.out(`\n━━━━ ${dayName(day)} (jour ${k + 1}/${n}) ━━━━\n`);
      if (week && k > 0) io.out(`  courrier relevé par ${session.imap ? 'IMAP' : 'la boîte en mémoire'} : ${morning.noemie} retour(s) NOEMIE 580 des jours précédents\n`);
      const { factures, nirs } = demoDayOf(k, day);
      // On the first day, the first patient is the one whose Vitale card was read.
      const patient = verbose ? cards.carte.beneficiaires[0] : undefined;
      const dayFactures: DemoFacture[] = factures.map((x, i) =>
        i === 0 && patient?.dateNaissance !== undefined
          ? { ...x, label: `${x.label} (patient lu sur la carte Vitale)`, input: { ...x.input, beneficiaire: { ...x.input.beneficiaire, dateNaissance: patient.dateNaissance } } }
          : x,
      );
      const dayNirs = nirs.map((nir, i) => (i === 0 && patient !== undefined ? patient.nir : nir));
      // The day starts with the rights (INSi, ADRi, apCV, attestation, Annuaire AMC, IDB); the CLC
      // comes after pricing, on the décompte.
      const patients = dayFactures.map((x, i) => {
        const tp = computeFacture(x.input);
        return { nir: dayNirs[i] ?? '', dateNaissance: x.input.beneficiaire.dateNaissance, ps: psOf(x.input).numeroFacturation, tiersPayantAmc: tp.ok && tp.value.tiersPayantAmc, mutuelle: x.input.amc !== undefined };
      });
      let rights: RightsStage | undefined;
      if (shared !== undefined) rights = await runRightsStage(dio, { day, patients, ...(patient !== undefined ? { carte: patient } : {}), shared, quiet: !verbose });
      else if (verbose) io.out(`\n━━ 1 bis. Droits ━━\n  étape sautée : ${services.ok ? '' : services.reason}\n`);
      const priced = runPricingStage(dio, dayFactures, { explain: explain && verbose });
      if (rights !== undefined) await runGuaranteeStep(dio, rights, priced);
      const fse = await runFseStage(dio, { priced, nirs: dayNirs, ledger, securer: cards.securer, certificate: cards.certificate, data, day, explain: explain && verbose, ...(rights !== undefined ? { rights } : {}) });
      for (const ps of fse.ps) allPs.add(ps);
      invoices += priced.length;
      if (verbose) io.out('\n━━ 4. Télétransmission : lots par SMTP à la caisse locale, ARL et NOEMIE relevés par IMAP ━━\n');
      if (verbose) io.out(`  boîte aux lettres du cabinet : ${session.mailboxLabel}${week ? ', ouverte une fois pour la semaine' : ''}\n`);
      const sent = await session.sendDay({ files: fse.files, day, script: demoScript(fse.files, { dayIndex: k, week }), quiet: !verbose, io });
      const arlBefore = session.fetched.arls.length;
      if (verbose) await sayArlOfDay(io, session);
      else {
        await session.advanceTo(new Date(Date.parse(session.clock()) + 2 * HOUR).toISOString());
        await session.fetch();
      }
      const arls = session.fetched.arls.slice(arlBefore);
      if (week && !verbose) {
        const billed = sum(priced.map((p) => p.decompte.total.montantFacture));
        io.out(`  ${priced.length} factures tarifées (${formatMoney(billed, { ascii: true })}) ; ${fse.files.length} fichiers B2 sécurisés et envoyés par SMTP (${sent.accepted} messages acceptés, dont ${sent.scor} pièces SCOR) ; ARL : ${arls.filter((a) => a.statut === 'positif').length} positif(s), ${arls.filter((a) => a.statut === 'negatif').length} négatif(s)\n`);
      }
      progress.tick();
    }
    let returnsDate = last;
    let today = last;
    if (!week) {
      // One day: the NOEMIE returns three days later, the watchdog 40 days on.
      const s = await session.advanceTo(new Date(Date.parse(session.clock()) + 3 * 24 * HOUR).toISOString()).then(() => session?.fetch());
      io.out(`  NOEMIE 580 relevés${session.imap ? ' par IMAP' : ''} trois jours plus tard : ${s?.messages ?? 0} retour(s), ${s?.duplicates ?? 0} doublon(s) ignoré(s)\n`);
      returnsDate = addDays(last, 3);
      today = addDays(last, 40);
    }
    now = `${returnsDate}T20:00:00+01:00`;
    io.out(week ? `\n━━ 5. Fin de semaine (${dayName(last)}) : retours relevés, relevé bancaire, rapprochement, surveillance ━━\n` : '\n━━ 5. Retours : ARL, NOEMIE 580, relevé bancaire, rapprochement ━━\n');
    if (week) io.out(`  ${session.fetched.arls.length} ARL et ${session.fetched.noemie.length} retours NOEMIE 580 relevés dans la semaine ; les retours du ${dayName(addDays(last, -2))} et après arrivent la semaine suivante (délai de la caisse : 3 jours) ; le retour du PS ${LOST_RETURN_PS} du ${dayName(first)} n’arrivera jamais (la surveillance le signale après ${DEMO_RSP_DAYS} jours)\n`);
    const thresholds = week ? { rspDays: DEMO_RSP_DAYS } : undefined;
    const payments: { matches: PaymentMatchReport['matches'][number][]; unmatchedVirements: PaymentMatchReport['unmatchedVirements'][number][]; unmatchedCredits: PaymentMatchReport['unmatchedCredits'][number][] } = { matches: [], unmatchedVirements: [], unmatchedCredits: [] };
    let alerts = 0;
    for (const ps of [...allPs].sort()) {
      io.out(`\n  ▸ PS ${ps}\n`);
      const r = await runReturnsDemo(ledger, { ps, date: returnsDate, today, fetched: session.fetched, ...(thresholds ? { thresholds } : {}), out: (t) => io.out(t.replace(/^(?!$)/gm, '  ')) });
      if (!r.ok) {
        io.err(`  retours ${ps} : ${r.issues.map((x) => x.code).join(', ')}\n`);
        continue;
      }
      alerts += r.value.watchdog.alerts.filter((a) => a.kind === 'sans_rsp').length;
      payments.matches.push(...(r.value.report.payments?.matches ?? []));
      payments.unmatchedVirements.push(...(r.value.report.payments?.unmatchedVirements ?? []));
      payments.unmatchedCredits.push(...(r.value.report.payments?.unmatchedCredits ?? []));
    }
    if (week) io.out(`\n  Surveillance : ${alerts} part(s) sans retour NOEMIE au-delà de ${DEMO_RSP_DAYS} jours (retour jamais arrivé)\n`);

    // The dashboard, written in the data folder (listed in its marker before it is written).
    const model = await loadDashboardModel(ledger, { today, extra: { payments, ...(thresholds ? { thresholds } : {}) } });
    const page = model.ok ? renderDashboardHtml(model.value, { lang: 'fr' }) : model;
    const claimed = await data.claimFile(DEMO_DASHBOARD_FILE);
    if (!page.ok) io.err(`sesam demo: tableau de bord : ${page.issues.map((i) => i.code).join(', ')}\n`);
    else if (!claimed.ok) io.err(`sesam demo: ${claimed.message}\n`);
    else {
      await writeFile(claimed.value, page.value);
      io.out(`\nTableau de bord : ${resolve(claimed.value)}\n`);
    }

    const summary = computeWeekSummary(await ledger.listInvoices());
    io.out(`\n━━ Résumé ${week ? 'de la semaine' : 'de la journée'} (${summary.total.invoices} factures ; état au ${today}, lu dans le ledger) ━━\n`);
    io.out(renderWeekSummary(summary));
    progress.tick();
    io.out(`\n${open.where} ; fichiers B2 : ${join(data.path, 'fichiers')} (exercice ${toYmd(first).year}) ; ${invoices} factures tarifées\n`);
  } finally {
    progress.stop();
    await session?.close();
    await ledger?.close?.();
    await shared?.close();
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
    .summary("run a practice's week on embedded data: cards, rights, pricing, FSE/lots/files, teletransmission to a local caisse, returns, reconciliation, dashboard")
    .description("Run a practice's week (5 working days from 2025-03-10; --days, --start) on embedded, fictitious data: each day read the cards, check the rights, price and split every invoice, build, control, number, secure, lot and write the FSE/DRE files in the ledger (SQLite in the data folder, or PostgreSQL with --pg), send them by SMTP to a local caisse (with SCOR PDF/A-1b pièces for prescribed care) and fetch its ARL and NOEMIE returns over IMAP (a dovecot started once; an in-process mailbox when dovecot is missing); at the week's end reconcile with the bank statement, run the watchdog, write the dashboard (tableau-de-bord.html in the data folder) and print a summary per day and per PS.")
    .option('--explain', 'show the trace of every invoice and one file annotated field by field')
    .option(
      '--data <dir>',
      `where the demo writes its SQLite ledger and files; created with a ${DATA_DIR_MARKER} marker, and on each run only the files the demo created are deleted (an existing non-empty folder without the marker, a file or a symlink is refused: exit 73)`,
      DEFAULT_DEMO_DATA,
    )
    .option('--days <n>', `working days to run, Monday–Friday (default ${DEMO_WEEK_DAYS}: a week; 1: one day)`)
    .option('--start <day>', `first day, YYYY-MM-DD (default ${DEMO_WEEK_START}, so the output is the same on every run)`)
    .option('--pg <url>', 'run the week on the PostgreSQL ledger at this connection string (a new practice per run; nothing is deleted) instead of the SQLite file')
    .option('--pcsc', 'use real readers through pcscd instead of the in-process virtual cards (exit 69 when pcscd is not running)')
    .addHelpText('after', '\nExit codes: 0 done; 64 usage (bad --days or --start); 69 pcscd or the PC/SC binding missing, or the PostgreSQL server unreachable; 73 data folder refused; 74 I/O error.')
    .action(async (options: DemoOptions) => {
      done(await runDemo(options, io));
    });
}
