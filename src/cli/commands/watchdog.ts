/**
 * `sesam watchdog --today YYYY-MM-DD`: the no-return watchdog (computeWatchdogReport,
 * sesam-billing/returns) over the ledger: parts not sent, without ARL or RSP, AMC unpaid,
 * rejected, near forclusion — sorted by amount at risk.
 */
import type { Command } from 'commander';
import { parsePlainDate } from '../../core/date/index';
import type { WatchdogThresholds } from '../../returns/index';
import { computeWatchdogReport } from '../../returns/index';
import { eur } from '../format';
import type { CliIo } from '../io';
import { createReporter } from '../json';
import type { LedgerLocation } from '../ledgerFile';
import { addLedgerOptions, addOutputOptions, withLedger } from '../ledgerCommand';
import { EXIT } from '../outcome';
import { renderTable } from '../table';

/** Options of `sesam watchdog`. */
export interface WatchdogCommandOptions extends LedgerLocation {
  readonly today: string;
  readonly ps?: string;
  readonly threshold?: readonly string[];
  readonly limit?: string;
  readonly json?: boolean;
}

const THRESHOLD_KEYS = ['transmissionDays', 'arlDays', 'rspDays', 'amcUnpaidDays', 'forclusionDays', 'forclusionWarningDays'] as const;

/**
 * Runs `sesam watchdog`.
 *
 * @param options - `today` (required), `data`/`ledger`, `ps`, `threshold` (`key=days`), `limit`, `json`.
 * @param io - Output.
 * @returns 0 (alerts or not); 64 bad option; 66 no ledger; 69 SQLite binding missing.
 */
export async function runWatchdog(options: WatchdogCommandOptions, io: CliIo): Promise<number> {
  const r = createReporter(io, 'watchdog', options.json === true);
  const today = parsePlainDate(options.today);
  if (!today.ok) return r.refuse(EXIT.USAGE, `--today: expected a date YYYY-MM-DD, got ${JSON.stringify(String(options.today).slice(0, 40))}`);
  const thresholds: Partial<Record<keyof WatchdogThresholds, number>> = {};
  for (const t of options.threshold ?? []) {
    const m = /^(\w+)=(\d{1,5})$/.exec(t);
    const key = THRESHOLD_KEYS.find((k) => k === m?.[1]);
    if (m === null || key === undefined) return r.refuse(EXIT.USAGE, `--threshold: expected KEY=DAYS with KEY one of ${THRESHOLD_KEYS.join(', ')}`);
    thresholds[key] = Number(m[2]);
  }
  const limit = options.limit === undefined ? 50 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 0) return r.refuse(EXIT.USAGE, '--limit: a whole number of lines');
  return withLedger(r, options, {}, async ({ ledger }) => {
    const invoices = await ledger.listInvoices(options.ps === undefined ? {} : { ps: options.ps });
    const report = computeWatchdogReport(invoices, { today: today.value, thresholds });
    const { asOf: _deprecated, ...result } = report;
    r.say(`Veille au ${report.today} : ${invoices.length} facture(s), ${report.alerts.length} alerte(s), ${eur(report.totalAtRisk)} en risque\n`);
    const kinds = Object.entries(report.countByKind).map(([k, n]) => `${k} ${n}`);
    if (kinds.length > 0) r.say(`  ${kinds.join(' · ')}\n`);
    if (report.alerts.length > 0 && limit > 0) {
      const rows = report.alerts.slice(0, limit).map((a) => [a.ps, String(a.numero), a.part.toUpperCase(), a.kind, a.state, a.since, String(a.ageDays), eur(a.amountAtRisk)]);
      r.say(renderTable([{ title: 'PS' }, { title: 'n°', align: 'right' }, { title: 'part' }, { title: 'alerte' }, { title: 'état' }, { title: 'depuis' }, { title: 'jours', align: 'right' }, { title: 'en risque', align: 'right' }], rows));
      if (report.alerts.length > limit) r.say(`  … ${report.alerts.length - limit} de plus (--limit N, ou --json)\n`);
    }
    return r.finish(EXIT.OK, { invoices: invoices.length, ...result });
  });
}

/**
 * Adds `sesam watchdog` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The sub-command.
 */
export function addWatchdogCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  const watchdog = program
    .command('watchdog')
    .summary('no-return watchdog over the ledger: parts late, rejected or near forclusion')
    .description('The no-return watchdog over the SQLite ledger (computeWatchdogReport): parts not sent, without ARL or RSP after their delay, AMC unpaid, rejected, partially paid, near or past forclusion; sorted by amount at risk.')
    .requiredOption('--today <date>', 'the day of the report, YYYY-MM-DD (the command never guesses it)');
  addLedgerOptions(watchdog, { ledgerFile: true })
    .option('--ps <numero>', 'only this PS (n° de facturation)')
    .option('--threshold <key=days>', `override a threshold (${THRESHOLD_KEYS.join(', ')}); repeatable`, (v: string, prev: string[] = []) => [...prev, v])
    .option('--limit <n>', 'alerts printed (default 50; --json gives them all)');
  return addOutputOptions(watchdog, {
    result: 'the watchdog report',
    exitCodes: '0 report printed (with or without alerts); 64 usage; 66 no ledger; 69 SQLite binding (better-sqlite3) missing.',
  }).action(async (options: WatchdogCommandOptions) => {
    done(await runWatchdog(options, io));
  });
}
