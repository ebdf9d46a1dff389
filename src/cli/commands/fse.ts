/**
 * `sesam fse build FILE.json` (an FseInput, or an array of them: priced with the rules engine and
 * controlled) and `sesam fse validate FILE.json` (an Fse, an array, or the `--json` document of
 * `fse build`: the FSE controls). The CLI only reads, calls buildFse / validateFse and prints.
 * `fse build --record [--data DIR]` also records the FSE that passed in the data folder's ledger
 * as pending invoices (record.ts), which `sesam lot` then lots: a billing day without code.
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
import { addOutputOptions, withLedger } from '../ledgerCommand';
import { DEFAULT_DATA, ledgerPathOf } from '../ledgerFile';
import { EXIT } from '../outcome';
import { startProgress } from '../progress';
import type { RecordOutcome } from '../record';
import { recordFses } from '../record';
import { reviveMoney } from './price';

/** Largest input (a batch of invoices). */
const MAX_BATCH_BYTES = 64 * 1024 * 1024;

/** Options of `sesam fse build|validate`. */
export interface FseCommandOptions {
  readonly today?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  /** `build` only: record the FSE that pass in the ledger of `data`. */
  readonly record?: boolean;
  /** `build --record`: the data folder (default {@link DEFAULT_DATA}). */
  readonly data?: string;
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
 * @param options - `today` (the controls that need the day run only with it), `json`, `quiet`;
 *   `record` and `data` (build only).
 * @param io - Output.
 * @returns 0 every FSE passes (warnings allowed) and, with `record`, is recorded; 64 bad
 *   `--today`, `--data` without `--record`; 65 invalid JSON, an FSE with errors, or (`record`) a
 *   care already recorded or refused by the ledger; 66 unreadable input; 73 (`record`) the data
 *   folder cannot be used.
 */
export async function runFse(mode: 'build' | 'validate', file: string, options: FseCommandOptions, io: CliIo): Promise<number> {
  const r = createReporter(io, `fse ${mode}`, options.json === true);
  const today = todayOf(options, r);
  if (typeof today === 'number') return today;
  if (options.data !== undefined && options.record !== true) return r.refuse(EXIT.USAGE, '--data goes with --record (the data folder whose ledger records the FSE)');
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
  const result = { count: read.items.length, ok: read.items.length - failed, failed, ...(mode === 'build' ? { fse: outcomes } : { outcomes }) };
  if (mode === 'build' && options.record === true) return record(r, outcomes, { ...options, batch: read.batch, day: today }, result);
  return r.finish(failed > 0 ? EXIT.DATA : EXIT.OK, result);
}

/** `fse build --record`: the FSE that passed go to the ledger; the result gains `record`. */
async function record(r: Reporter, outcomes: readonly FseOutcome[], options: FseCommandOptions & { readonly batch: boolean; readonly day: PlainDate | undefined }, result: { readonly failed: number }): Promise<number> {
  const data = options.data ?? DEFAULT_DATA;
  const items = outcomes.flatMap((o) => (o.fse === undefined ? [] : [{ index: o.index, fse: o.fse }]));
  if (items.length === 0) {
    r.say('Aucune FSE enregistrée (aucune ne passe les contrôles).\n');
    return r.finish(EXIT.DATA, { ...result, record: { ledger: ledgerPathOf({ data }), recorded: [], duplicates: [], refused: [] } satisfies RecordOutcome });
  }
  return withLedger(r, { data }, { create: true }, async ({ ledger, path }) => {
    const progress = startProgress('FSE enregistrées', items.length, options);
    const done = await recordFses(ledger, path, items, {
      // A replayed day (--today) is recorded at noon UTC of that day; `sesam lot --today` lots at 18:00.
      ...(options.day === undefined ? {} : { at: `${options.day}T12:00:00.000Z` }),
      issue: (index, i) => r.issue(options.batch ? { ...i, path: [index, ...i.path] } : i),
      progress,
    });
    progress.stop();
    const numbers = done.recorded.map((x) => x.numero).slice(0, 20).join(', ');
    r.say(done.recorded.length === 0 ? `Aucune FSE enregistrée dans le registre ${path}\n` : `${done.recorded.length} FSE enregistrée(s) dans le registre ${path} (n° ${numbers}${done.recorded.length > 20 ? ', …' : ''}), en attente de lot (sesam lot)\n`);
    if (done.duplicates.length > 0) r.say(`${done.duplicates.length} doublon(s) refusé(s) : soin déjà enregistré (n° ${done.duplicates.map((d) => d.numero).slice(0, 20).join(', ')})\n`);
    if (done.refused.length > 0) r.say(`${done.refused.length} FSE refusée(s) par le registre (voir les messages)\n`);
    const bad = result.failed + done.duplicates.length + done.refused.length;
    return r.finish(bad > 0 ? EXIT.DATA : EXIT.OK, { ...result, record: done });
  });
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
  const today = (c: Command): Command => c.option('--today <date>', 'the day of the controls that need one (not in the future, billing delay), YYYY-MM-DD; without it they are skipped');
  const exitCodes = '0 every FSE passes (warnings allowed); 64 usage; 65 invalid JSON or an FSE with errors (one line per issue: code, path, message); 66 missing or not a regular file.';
  const common = (c: Command): Command => addOutputOptions(today(c), { quiet: true, exitCodes });
  const build = today(fse.command('build').summary('price and build FSE from FseInput JSON (one or an array), then control them; --record puts them in the ledger for sesam lot').argument('<file>', 'an FseInput as JSON, or an array of them (at most 64 MiB)'))
    .option('--record', 'record the FSE that pass the controls in the ledger of the data folder (created when missing), as pending invoices for `sesam lot`; a care already recorded is refused (LEDGER_DUPLICATE), never doubled')
    .option('--data <dir>', `with --record: data folder holding ledger.sqlite (default ${DEFAULT_DATA})`);
  addOutputOptions(build, {
    quiet: true,
    exitCodes: `${exitCodes.slice(0, -1)}; with --record also 65 a care already recorded or refused by the ledger (nothing doubled), 73 the data folder cannot be used (not ours: nothing touched).`,
  }).action(async (file: string, options: FseCommandOptions) => {
    done(await runFse('build', file, options, io));
  });
  common(fse.command('validate').summary('run the FSE controls on built FSE (JSON: one, an array, or the output of fse build --json)').argument('<file>', 'an Fse as JSON, an array of them, or the document of `sesam fse build --json`')).action(async (file: string, options: FseCommandOptions) => {
    done(await runFse('validate', file, options, io));
  });
  return fse;
}
