/**
 * `sesam dashboard --data DIR --out FILE.html [--today YYYY-MM-DD] [--force] [--json]`: writes the
 * tiers-payant dashboard of the SQLite ledger of a data folder (DIR/ledger.sqlite, as `sesam
 * demo` leaves it) as one self-contained HTML file, and prints its path. The ledger is only
 * read; the folder is never created. An existing FILE is replaced only when it is a dashboard
 * this command wrote (it carries the generator marker) or with `--force`.
 */
import { lstat, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { PlainDate } from '../../core/date/index';
import { parsePlainDate } from '../../core/date/index';
import { DASHBOARD_GENERATOR, loadDashboardModel, renderDashboardHtml } from '../../dashboard/index';
import { createSqliteLedger } from '../../ledger/sqlite/index';
import type { CliIo } from '../io';
import type { CliOutcome } from '../outcome';
import { EXIT, refuse } from '../outcome';

/** Options of `sesam dashboard`. */
export interface DashboardCliOptions {
  readonly data: string;
  readonly out: string;
  readonly today?: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

/** File name of the ledger inside a data folder. */
export const LEDGER_FILE = 'ledger.sqlite';

const errno = (e: unknown): string => (e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'error');

/** The local calendar day of the machine (the CLI is where the clock may be read). */
function localToday(): PlainDate {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}` as PlainDate;
}

/** Whether OUT may be written: absent, a dashboard we wrote, or `--force` on a regular file. */
async function mayWrite(out: string, force: boolean): Promise<CliOutcome<'create' | 'replace'>> {
  let st;
  try {
    st = await lstat(out);
  } catch (e) {
    if (errno(e) === 'ENOENT') return { ok: true, value: 'create' };
    return refuse(EXIT.CANT_CREATE, `cannot use ${out}: ${errno(e)}`);
  }
  if (!st.isFile()) return refuse(EXIT.CANT_CREATE, `refusing ${out}: it exists and is not a regular file (nothing was changed)`);
  if (force) return { ok: true, value: 'replace' };
  let head = '';
  try {
    const fh = await open(out, 'r');
    try {
      const buf = new Uint8Array(2048);
      const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
      head = new TextDecoder().decode(buf.subarray(0, bytesRead));
    } finally {
      await fh.close();
    }
  } catch (e) {
    return refuse(EXIT.CANT_CREATE, `cannot read ${out}: ${errno(e)}`);
  }
  if (head.includes(`<meta name="generator" content="${DASHBOARD_GENERATOR}">`)) return { ok: true, value: 'replace' };
  return refuse(EXIT.CANT_CREATE, `${out} exists and was not written by sesam dashboard: not overwritten (use --force)`);
}

/**
 * Runs `sesam dashboard`.
 *
 * @param options - `data`, `out`, `today` (default: the machine's local day), `force`, `json`.
 * @param io - Output.
 * @returns 0; 64 bad `--today`; 66 no ledger in DIR; 73 OUT refused; 74 write failed.
 */
export async function runDashboard(options: DashboardCliOptions, io: CliIo): Promise<number> {
  const say = (text: string): void => io.err(`sesam dashboard: ${text}\n`);
  let today = localToday();
  if (options.today !== undefined) {
    const parsed = parsePlainDate(options.today);
    if (!parsed.ok) {
      say(`--today must be a day YYYY-MM-DD, got ${options.today.slice(0, 40)}`);
      return EXIT.USAGE;
    }
    today = parsed.value;
  }
  const ledgerPath = join(options.data, LEDGER_FILE);
  try {
    if (!(await lstat(ledgerPath)).isFile()) {
      say(`${ledgerPath} is not a regular file`);
      return EXIT.NO_INPUT;
    }
  } catch (e) {
    say(`no ledger in ${options.data} (${LEDGER_FILE}: ${errno(e) === 'ENOENT' ? 'missing' : errno(e)}); run sesam demo --data ${options.data} first`);
    return EXIT.NO_INPUT;
  }
  const allowed = await mayWrite(options.out, options.force === true);
  if (!allowed.ok) {
    say(allowed.message);
    return allowed.exit;
  }
  const ledger = await createSqliteLedger({ path: ledgerPath });
  let html: string;
  let counts: { invoices: number; rejects: number; alerts: number };
  try {
    const model = await loadDashboardModel(ledger, { today });
    const page = model.ok ? renderDashboardHtml(model.value, { lang: 'fr' }) : model;
    if (!model.ok || !page.ok) {
      for (const i of page.issues) say(`${i.code} ${i.path.join('.')}: ${i.message}`);
      return EXIT.DATA;
    }
    html = page.value;
    counts = { invoices: model.value.invoiceCount, rejects: model.value.rejects.length, alerts: model.value.watchdog.alertCount };
  } finally {
    await ledger.close();
  }
  try {
    await writeFile(options.out, html, { flag: allowed.value === 'create' ? 'wx' : 'w' });
  } catch (e) {
    say(`cannot write ${options.out}: ${errno(e)}`);
    return errno(e) === 'EEXIST' || errno(e) === 'ENOENT' || errno(e) === 'EISDIR' || errno(e) === 'EACCES' ? EXIT.CANT_CREATE : EXIT.IO;
  }
  if (options.json === true) io.out(`${JSON.stringify({ path: options.out, today, ...counts })}\n`);
  else io.out(`${options.out}\n`);
  return EXIT.OK;
}

/**
 * Adds `sesam dashboard` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The command.
 */
export function addDashboardCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  return program
    .command('dashboard')
    .summary('write the tiers-payant dashboard of a data folder as one HTML file')
    .description('Write the tiers-payant follow-up (expected / paid / rejected / awaiting, AMO and AMC apart, ageing,\nrejects with their remediation, bank matching, watchdog alerts) of the ledger in DIR as one\nself-contained, accessible HTML file (French labels), and print its path.')
    .requiredOption('--data <dir>', `data folder holding ${LEDGER_FILE} (as sesam demo --data leaves it)`)
    .requiredOption('-o, --out <file>', 'the HTML file to write')
    .option('--today <day>', 'day of the dashboard, YYYY-MM-DD (default: today)')
    .option('--force', 'overwrite OUT even if it was not written by sesam dashboard')
    .option('--json', 'print {"path","today","invoices","rejects","alerts"} as JSON')
    .addHelpText('after', '\nExit codes: 0 written; 64 usage; 65 ledger data refused; 66 no ledger in DIR; 73 OUT exists (not a dashboard, no --force) or cannot be created; 74 write failed.')
    .action(async (options: DashboardCliOptions) => {
      done(await runDashboard(options, io));
    });
}
