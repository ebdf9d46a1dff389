/**
 * `sesam scor pdfa IN... --out OUT.pdf`: makes one PDF/A-1b pièce justificative from scans (JPEG,
 * PNG), one page per input, with the checks of `buildPdfA` (sesam-billing/scor). Exit 65 with the
 * issues when an input fails them; an existing OUT is kept unless `--force`.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Issue } from '../../core/issues/index';
import { buildPdfA } from '../../scor/index';
import type { BuildPdfAOptions } from '../../scor/index';
import { readInputFile } from '../input';
import type { CliIo } from '../io';
import { createReporter } from '../json';
import { EXIT } from '../outcome';

/** Largest scan read (bytes): a 600 dpi A4 colour JPEG is a few MiB. */
const MAX_SCAN_BYTES = 64 * 1024 * 1024;

/** Options of `sesam scor pdfa`. */
export interface ScorPdfaOptions {
  readonly out: string;
  readonly force?: boolean;
  readonly title?: string;
  readonly minDpi?: string;
  readonly at?: string;
  readonly json?: boolean;
}

function where(issue: Issue, inputs: readonly string[]): string {
  const [first, index] = issue.path;
  if (first === 'pages' && typeof index === 'number' && inputs[index] !== undefined) return inputs[index];
  return issue.path.join('.') || '(document)';
}

/**
 * Runs `sesam scor pdfa`.
 *
 * @param inputs - The scan files, one page each, in order.
 * @param options - `out`, `force`, `title`, `minDpi`, `at` (default: the clock, now).
 * @param io - Output.
 * @param clock - The instant written as creation date when `--at` is absent.
 * @returns 0, 64 (bad option), 65 (a scan fails the checks), 66 (unreadable input), 73 (OUT exists), 74 (write failed).
 */
export async function runScorPdfa(inputs: readonly string[], options: ScorPdfaOptions, io: CliIo, clock: () => string = () => new Date().toISOString()): Promise<number> {
  const r = createReporter(io, 'scor pdfa', options.json === true);
  let minDpi: number | undefined;
  if (options.minDpi !== undefined) {
    minDpi = Number(options.minDpi);
    if (!/^\d{1,4}$/.test(options.minDpi) || minDpi < 1) {
      return r.refuse(EXIT.USAGE, `--min-dpi must be a whole number of dpi, got ${options.minDpi}`);
    }
  }
  const pages: Uint8Array[] = [];
  for (const file of inputs) {
    const bytes = await readInputFile(file, MAX_SCAN_BYTES);
    if (!bytes.ok) {
      return r.refuse(bytes.exit, bytes.message);
    }
    pages.push(bytes.value);
  }
  const buildOptions: BuildPdfAOptions = { at: options.at ?? clock(), ...(options.title !== undefined ? { title: options.title } : {}), ...(minDpi !== undefined ? { minDpi } : {}) };
  const result = await buildPdfA(pages, buildOptions);
  for (const i of result.issues) {
    if (r.json) r.issue(i);
    else r.note(`${i.severity} ${i.code} in ${where(i, inputs)}: ${i.message}`);
  }
  if (!result.ok) {
    // An --at or --title refused by the options guard is a usage error; everything else is data.
    return r.finish(result.issues.some((i) => i.path[0] === 'options') ? EXIT.USAGE : EXIT.DATA);
  }
  try {
    await writeFile(options.out, result.value, { flag: options.force === true ? 'w' : 'wx' });
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'error';
    if (code === 'EEXIST') {
      return r.refuse(EXIT.CANT_CREATE, `${options.out} exists: not overwritten (use --force)`);
    }
    return r.refuse(code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' ? EXIT.CANT_CREATE : EXIT.IO, `cannot write ${options.out}: ${code}`);
  }
  r.say(`${options.out}: PDF/A-1b, ${pages.length} page(s), ${result.value.length} bytes\n`);
  return r.finish(EXIT.OK, { out: options.out, pages: pages.length, bytes: result.value.length, inputs });
}

/**
 * Adds `sesam scor` (and its `pdfa` sub-command) to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The `scor` command.
 */
export function addScorCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  const scor = program.command('scor').summary('SCOR pièces justificatives (scans → PDF/A-1b)').description('SCOR pièces justificatives: scans made into PDF/A-1b documents.');
  scor
    .command('pdfa')
    .summary('make one PDF/A-1b document from scans (JPEG, PNG, scanned PDF), one page per scan')
    .description('Make one PDF/A-1b pièce justificative from scans (JPEG, PNG, or a scanned PDF whose pages are each one\nJPEG), one page per scan, after checking each\n(format, transparency, colour, resolution ≥ --min-dpi, page size).')
    .argument('<in...>', 'the scans, in page order (regular files of at most 64 MiB)')
    .requiredOption('-o, --out <file>', 'the PDF to write')
    .option('--force', 'overwrite OUT if it exists')
    .option('--title <text>', 'document title (default "Pièce justificative")')
    .option('--min-dpi <n>', 'lowest resolution accepted (default 150)')
    .option('--at <instant>', 'creation date, ISO 8601 with offset (default now)')
    .option('--json', 'print one JSON document (docs/cli.md): result is { out, pages, bytes, inputs }')
    .addHelpText('after', '\nExit codes: 0 written; 64 usage; 65 a scan fails the checks (issues on stderr); 66 missing or unreadable input; 73 OUT exists (no --force) or cannot be created; 74 write failed.')
    .action(async (inputs: string[], options: ScorPdfaOptions) => {
      done(await runScorPdfa(inputs, options, io));
    });
  for (const c of scor.commands) c.exitOverride().configureOutput(program.configureOutput());
  return scor;
}
