/**
 * `sesam referentiel import-ccam FILE.csv --applicable YYYY-MM-DD [--out table.json]`: reads a
 * newer CNAM CCAM export (the format of data/ccam/*.csv), prints what it holds against the CCAM
 * shipped with this release, and writes the référentiel file a vendor loads at run time with
 * `loadCcamFile` (sesam-billing/rules/ccam), without a release (docs/guides/regulation-updates.md).
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import type { PlainDate } from '../../core/date/index';
import { addDays, parsePlainDate } from '../../core/date/index';
import { loadShippedCcam, serializeReferentielJson } from '../../rules/ccam/index';
import { diffCcam } from '../../rules/ccam/diff';
import { parseCcamCsv } from '../../rules/ccam/parseCcamCsv';
import { latestState } from '../../rules/ccam/state';
import { readInputFile } from '../input';
import type { CliIo } from '../io';
import { createReporter } from '../json';
import { EXIT } from '../outcome';
import { checkOutputPath, writeOutputFile } from '../output';

/** Largest CSV read (CNAM's exports are about 2.6 MB). */
const MAX_CSV_BYTES = 32 * 1024 * 1024;
/** Warnings printed one by one before they are only counted. */
const MAX_WARNINGS = 10;

/** Options of `sesam referentiel import-ccam`. */
export interface ImportCcamOptions {
  readonly applicable: string;
  readonly ccamVersion?: string;
  readonly out?: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

const list = (codes: readonly string[]): string => (codes.length <= 30 ? codes.join(', ') : `${codes.slice(0, 30).join(', ')} … (+${codes.length - 30})`);

/**
 * Runs `sesam referentiel import-ccam`.
 *
 * @param file - CNAM's CSV export.
 * @param options - `applicable` (required), `ccamVersion` (default: the file's title), `out`, `force`.
 * @param io - Output.
 * @param generator - What writes the file (`sesam-billing <version>`).
 * @returns 0; 64 bad option value; 65 not a CCAM export, or not after the shipped CCAM; 66
 *   unreadable; 73 `--out` exists (without `--force`) or cannot be created; 74 write failed.
 */
export async function runImportCcam(file: string, options: ImportCcamOptions, io: CliIo, generator: string): Promise<number> {
  const r = createReporter(io, 'referentiel import-ccam', options.json === true);
  const fail = (code: number, message: string): number => r.refuse(code, message);
  const applicable = parsePlainDate(options.applicable);
  if (!applicable.ok) return fail(EXIT.USAGE, `--applicable: expected a date YYYY-MM-DD, got ${JSON.stringify(String(options.applicable).slice(0, 40))}`);
  if (options.ccamVersion !== undefined && !/^[\p{L}\p{N} ._-]{1,32}$/u.test(options.ccamVersion)) return fail(EXIT.USAGE, '--ccam-version: 1 to 32 letters, digits, spaces, dots, dashes (e.g. "CCAM V82")');
  if (options.out !== undefined) {
    const target = await checkOutputPath(options.out, options.force === true);
    if (!target.ok) return fail(target.exit, target.message);
  }
  const bytes = await readInputFile(file, MAX_CSV_BYTES);
  if (!bytes.ok) return fail(bytes.exit, bytes.message);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.value);
  } catch {
    return fail(EXIT.DATA, `${file}: not UTF-8 text (export CNAM's sheet as CSV UTF-8)`);
  }
  const parseOptions: { applicable: PlainDate; version?: string } = { applicable: applicable.value };
  if (options.ccamVersion !== undefined) parseOptions.version = options.ccamVersion;
  const parsed = parseCcamCsv(text, parseOptions);
  if (!parsed.ok) {
    for (const i of parsed.issues) r.issue(i);
    return r.finish(EXIT.DATA);
  }
  const v = parsed.value;
  if (r.json) parsed.issues.forEach((i) => r.issue(i));
  parsed.issues.slice(0, MAX_WARNINGS).forEach((i) => r.note(`warning ${i.code}${i.source?.record === undefined ? '' : ` (line ${i.source.record})`}: ${i.message}`));
  if (parsed.issues.length > MAX_WARNINGS) r.note(`… ${parsed.issues.length - MAX_WARNINGS} more warnings`);
  const title = /applicable (\d{2})\/(\d{2})\/(\d{4})/.exec(text.slice(0, 300));
  const titleDate = title === null ? undefined : `${title[3]}-${title[2]}-${title[1]}`;
  if (titleDate !== undefined && titleDate !== v.applicable) r.note(`note: the file's title says applicable ${titleDate}; --applicable ${v.applicable} is used`);

  const shipped = loadShippedCcam();
  const current = shipped.ok ? latestState(shipped.value) : undefined;
  const activites = v.actes.reduce((n, a) => n + a.activites.length, 0);
  const summary: Record<string, unknown> = { version: v.version, applicable: v.applicable, file: basename(file), actes: v.actes.length, activites, modificateurs: v.modificateurs.length };
  r.say(`${v.version}, applicable from ${v.applicable} (${basename(file)}): ${v.actes.length} acts, ${activites} activity rows, ${v.modificateurs.length} modificateurs\n`);
  if (current !== undefined) {
    const same = shipped.ok && shipped.value.versions.some((s) => s.version === v.version && s.applicable === v.applicable);
    summary['shipped'] = same;
    if (same) r.say(`${v.version} is shipped with this release: loading the file changes nothing.\n`);
    else if (v.applicable <= current.applicable) {
      return fail(EXIT.DATA, `${v.version} applies from ${v.applicable}, not after the shipped ${current.version} (${current.applicable}): a newer CNAM file is expected (or check --applicable)`);
    } else {
      const d = diffCcam(current, { version: v.version, applicable: v.applicable, source: v.source, actes: v.actes });
      summary['against'] = { version: current.version, applicable: current.applicable, added: d.added.map((a) => a.code), removed: d.removed.map((a) => a.code), tarifs: d.tarifs.length, autres: d.autres.length };
      r.say(`Against the shipped ${current.version} (applicable from ${current.applicable}): ${d.added.length} new codes, ${d.removed.length} dropped, ${d.tarifs.length} acts with tariffs changed, ${d.autres.length} with label, conditions or modificateurs changed\n`);
      if (d.added.length > 0) r.say(`  new: ${list(d.added.map((a) => a.code))}\n`);
      if (d.removed.length > 0) r.say(`  dropped (last day ${addDays(v.applicable, -1)}): ${list(d.removed.map((a) => a.code))}\n`);
    }
  }
  if (options.out === undefined) {
    r.say('Nothing written: add --out FILE.json to write the table (load it with loadCcamFile).\n');
    return r.finish(EXIT.OK, summary);
  }
  const json = serializeReferentielJson(v, { importedFrom: basename(file), generator });
  const written = await writeOutputFile(options.out, json, options.force === true);
  if (!written.ok) return fail(written.exit, written.message);
  r.say(`Wrote ${options.out} (${written.value} bytes): load it with loadCcamFile from sesam-billing/rules/ccam.\n`);
  return r.finish(EXIT.OK, { ...summary, written: { path: options.out, bytes: written.value } });
}

/**
 * Adds `sesam referentiel` and its sub-command `import-ccam` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @param generator - What writes the files (`sesam-billing <version>`).
 * @returns The `referentiel` command.
 */
export function addReferentielCommand(program: Command, io: CliIo, done: (code: number) => void, generator: string): Command {
  const referentiel = program
    .command('referentiel')
    .summary('tariff tables: import a newer CNAM CCAM file')
    .description('Tariff tables (référentiel). See docs/guides/regulation-updates.md.');
  referentiel
    .command('import-ccam')
    .summary('read a newer CNAM CCAM CSV and write a table to load at run time')
    .description('Read a CNAM CCAM export (CSV, the format of data/ccam/*.csv), print what it holds against the shipped CCAM, and write a référentiel file (JSON) that loadCcamFile (sesam-billing/rules/ccam) loads at run time, without a release.')
    .argument('<file>', 'CNAM CCAM export as CSV (UTF-8, BOM accepted, at most 32 MiB)')
    .requiredOption('--applicable <date>', 'first day the version applies (YYYY-MM-DD)')
    .option('--ccam-version <name>', 'version name (default: from the file\'s title, e.g. "CCAM V82")')
    .option('--out <file>', 'write the référentiel file (JSON) there; an existing file is refused')
    .option('--force', 'replace an existing --out file')
    .option('--json', 'print one JSON document (docs/cli.md): result is the summary (counts, codes added and dropped, file written)')
    .addHelpText('after', '\nExit codes: 0 done; 64 usage; 65 not a CCAM export or not newer than the shipped CCAM; 66 missing or not a regular file; 73 --out exists (without --force) or cannot be created; 74 write failed.')
    .action(async (file: string, options: ImportCcamOptions) => {
      done(await runImportCcam(file, options, io, generator));
    });
  return referentiel;
}
