/**
 * `sesam fse build FILE.json` (an FseInput, or an array of them: priced with the rules engine and
 * controlled) and `sesam fse validate FILE.json` (an Fse, an array, or the `--json` document of
 * `fse build`: the FSE controls). The CLI only reads, calls buildFse / validateFse and prints.
 */
import type { Command } from 'commander';
import type { PlainDate } from '../../core/date/index';
import { parsePlainDate } from '../../core/date/index';
import type { Issue } from '../../core/issues/index';
import type { Fse } from '../../fse/index';
import { buildFse, validateFse } from '../../fse/index';
import { eur } from '../format';
import { parseJsonBytes, readInputFile } from '../input';
import type { CliIo } from '../io';
import type { Reporter } from '../json';
import { createReporter } from '../json';
import { EXIT } from '../outcome';
import { startProgress } from '../progress';
import { reviveMoney } from './price';

/** Largest input (a batch of invoices). */
const MAX_BATCH_BYTES = 64 * 1024 * 1024;

/** Options of `sesam fse build|validate`. */
export interface FseCommandOptions {
  readonly today?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** One FSE's outcome in the `--json` result. */
interface FseOutcome {
  readonly index: number;
  readonly ok: boolean;
  readonly fse?: Fse;
}

async function readItems(file: string, r: Reporter, unwrapDocument: boolean): Promise<{ items: readonly unknown[]; batch: boolean } | number> {
  const bytes = await readInputFile(file, MAX_BATCH_BYTES);
  if (!bytes.ok) return r.refuse(bytes.exit, bytes.message);
  const parsed = parseJsonBytes(bytes.value, file, reviveMoney);
  if (!parsed.ok) return r.refuse(parsed.exit, parsed.message);
  let value = parsed.value;
  // The document of `sesam fse build --json`: its result's FSE are validated.
  if (unwrapDocument && value !== null && typeof value === 'object' && !Array.isArray(value) && 'schema' in value && 'result' in value) {
    const result = (value as { result?: { fse?: unknown } }).result;
    value = Array.isArray(result?.fse) ? result.fse.map((o: unknown) => (o !== null && typeof o === 'object' && 'fse' in o ? (o as { fse: unknown }).fse : o)) : result;
  }
  return Array.isArray(value) ? { items: value, batch: true } : { items: [value], batch: false };
}

const todayOf = (options: FseCommandOptions, r: Reporter): PlainDate | undefined | number => {
  if (options.today === undefined) return undefined;
  const d = parsePlainDate(options.today);
  return d.ok ? d.value : r.refuse(EXIT.USAGE, `--today: expected a date YYYY-MM-DD, got ${JSON.stringify(String(options.today).slice(0, 40))}`);
};

/**
 * Runs `sesam fse build` or `sesam fse validate`.
 *
 * @param mode - `build` (FseInput → Fse, then the controls) or `validate` (Fse → the controls).
 * @param file - The JSON file.
 * @param options - `today` (the controls that need the day run only with it), `json`, `quiet`.
 * @param io - Output.
 * @returns 0 every FSE passes (warnings allowed); 64 bad `--today`; 65 invalid JSON or an FSE
 *   with errors; 66 unreadable input.
 */
export async function runFse(mode: 'build' | 'validate', file: string, options: FseCommandOptions, io: CliIo): Promise<number> {
  const r = createReporter(io, `fse ${mode}`, options.json === true);
  const today = todayOf(options, r);
  if (typeof today === 'number') return today;
  const read = await readItems(file, r, mode === 'validate');
  if (typeof read === 'number') return read;
  const progress = startProgress(mode === 'build' ? 'FSE construites' : 'FSE contrôlées', read.items.length, options);
  const outcomes: FseOutcome[] = [];
  let failed = 0;
  read.items.forEach((item, index) => {
    const at = (i: Issue): Issue => (read.batch ? { ...i, path: [index, ...i.path] } : i);
    const built = mode === 'build' ? buildFse(item as never) : { ok: true as const, value: item as Fse, issues: [] as readonly Issue[] };
    const checked = built.ok ? validateFse(built.value, today === undefined ? {} : { today }) : undefined;
    const issues = [...built.issues, ...(checked?.issues ?? [])];
    const ok = checked?.ok === true;
    for (const i of issues) r.issue(at(i));
    if (!ok) failed++;
    outcomes.push({ index, ok, ...(ok && mode === 'build' ? { fse: checked.value } : {}) });
    if (ok && !read.batch) {
      const t = checked.value.totaux;
      r.say(`FSE ${mode === 'build' ? 'construite' : 'conforme'} : facturé ${eur(t.montantFacture)}, AMO ${eur(t.netAmo)}, AMC ${eur(t.partAmc)}, ${checked.value.lignes.length} ligne(s)\n`);
    }
    progress.tick();
  });
  progress.stop();
  if (read.batch || failed > 0) r.say(`${read.items.length - failed} FSE ${mode === 'build' ? 'construite(s)' : 'conforme(s)'} sur ${read.items.length}${failed > 0 ? ` ; ${failed} en erreur` : ''}\n`);
  return r.finish(failed > 0 ? EXIT.DATA : EXIT.OK, { count: read.items.length, ok: read.items.length - failed, failed, ...(mode === 'build' ? { fse: outcomes } : { outcomes }) });
}

/**
 * Adds `sesam fse` and its sub-commands `build` and `validate` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The `fse` command.
 */
export function addFseCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  const fse = program.command('fse').summary('build or check FSE from JSON').description('Feuilles de soins électroniques: build them from invoice data (FseInput) or run the FSE controls on built ones.');
  const common = (c: Command): Command =>
    c
      .option('--today <date>', 'the day of the controls that need one (not in the future, billing delay), YYYY-MM-DD; without it they are skipped')
      .option('--json', 'print one JSON document (docs/cli.md)')
      .option('--quiet', 'no progress bar')
      .addHelpText('after', '\nExit codes: 0 every FSE passes (warnings allowed); 64 usage; 65 invalid JSON or an FSE with errors (one line per issue: code, path, message); 66 missing or not a regular file.');
  common(fse.command('build').summary('price and build FSE from FseInput JSON (one or an array), then control them').argument('<file>', 'an FseInput as JSON, or an array of them (at most 64 MiB)')).action(async (file: string, options: FseCommandOptions) => {
    done(await runFse('build', file, options, io));
  });
  common(fse.command('validate').summary('run the FSE controls on built FSE (JSON: one, an array, or the output of fse build --json)').argument('<file>', 'an Fse as JSON, an array of them, or the document of `sesam fse build --json`')).action(async (file: string, options: FseCommandOptions) => {
    done(await runFse('validate', file, options, io));
  });
  return fse;
}
