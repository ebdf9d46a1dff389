/**
 * PDF/A-1b oracle for the tests: Apache PDFBox Preflight 2.0 from Debian `libpdfbox2-java`
 * (scripts/setup.sh installs it with Java). Several PDFs are validated in one JVM by
 * test/helpers/PreflightBatch.java (the calls of Preflight's own Validator_A1b, compiled once with
 * javac into a temp dir); without javac each file goes through
 * `java org.apache.pdfbox.preflight.Validator_A1b file.pdf` (exit 0 = valid). When Java or the
 * jars are absent, `PREFLIGHT.available` is false and `PREFLIGHT.reason` says why: tests skip
 * with that reason in their name.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const JARS = ['preflight', 'pdfbox2', 'fontbox2', 'xmpbox', 'commons-logging', 'javax.activation', 'jaxb-api'].map((j) => `/usr/share/java/${j}.jar`);
const CP = JARS.join(':');

function probe(): { available: boolean; reason: string } {
  const missing = JARS.filter((j) => !existsSync(j));
  if (missing.length > 0) return { available: false, reason: `PDFBox Preflight absent (${missing.join(', ')}): apt-get install libpdfbox2-java libactivation-java libjaxb-api-java` };
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error !== undefined || java.status !== 0) return { available: false, reason: 'java absent: apt-get install default-jre-headless' };
  return { available: true, reason: '' };
}

/** Whether the oracle can run here, and why not. */
export const PREFLIGHT = probe();

/** Verdict of Preflight on one file. */
export interface PreflightVerdict {
  readonly valid: boolean;
  /** Preflight's error codes and details (empty when valid). */
  readonly errors: string;
}

let compiled: string | undefined | null;

/** The compiled PreflightBatch class, shared by the test processes (keyed by the source's hash). */
function batchClassDir(): string | undefined {
  if (compiled !== undefined) return compiled ?? undefined;
  const source = join(import.meta.dirname, 'PreflightBatch.java');
  const shared = join(tmpdir(), `sesam-preflight-${createHash('sha256').update(readFileSync(source)).digest('hex').slice(0, 16)}`);
  if (existsSync(join(shared, 'PreflightBatch.class'))) return (compiled = shared);
  const dir = mkdtempSync(join(tmpdir(), 'sesam-preflight-build-'));
  const javac = spawnSync('javac', ['-cp', CP, '-d', dir, source], { encoding: 'utf8' });
  if (javac.error !== undefined || javac.status !== 0) return (compiled = null) ?? undefined;
  try {
    // Atomic: another test process may be compiling the same class at the same time.
    renameSync(dir, shared);
  } catch {
    return (compiled = existsSync(join(shared, 'PreflightBatch.class')) ? shared : dir);
  }
  return (compiled = shared);
}

/**
 * Validates PDFs with Preflight (one JVM for all when javac is present).
 *
 * @param pdfs - The documents, by name (file names: letters, digits, dashes).
 * @returns The verdict per name.
 */
export function preflight(pdfs: Readonly<Record<string, Uint8Array>>): Record<string, PreflightVerdict> {
  if (!PREFLIGHT.available) throw new Error(PREFLIGHT.reason);
  const dir = mkdtempSync(join(tmpdir(), 'sesam-pdfa-'));
  try {
    return validateIn(dir, pdfs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function validateIn(dir: string, pdfs: Readonly<Record<string, Uint8Array>>): Record<string, PreflightVerdict> {
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(pdfs)) {
    files[name] = join(dir, `${name}.pdf`);
    writeFileSync(files[name], bytes);
  }
  const out: Record<string, PreflightVerdict> = {};
  const classes = batchClassDir();
  if (classes !== undefined) {
    const run = spawnSync('java', ['-cp', `${CP}:${classes}`, 'PreflightBatch', ...Object.values(files)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    for (const line of run.stdout.split('\n')) {
      const [file, verdict, errors] = line.split('\t');
      const name = Object.keys(files).find((n) => files[n] === file);
      if (name !== undefined) out[name] = { valid: verdict === 'VALID', errors: errors ?? '' };
    }
    for (const name of Object.keys(files)) out[name] ??= { valid: false, errors: `no verdict: ${run.stderr.slice(0, 500)}` };
    return out;
  }
  for (const [name, file] of Object.entries(files)) {
    const run = spawnSync('java', ['-cp', CP, 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8' });
    out[name] = { valid: run.status === 0, errors: run.status === 0 ? '' : `${run.stdout}${run.stderr}`.slice(0, 2000) };
  }
  return out;
}

/**
 * Runs Preflight's own command-line validator on one file.
 *
 * @param bytes - The PDF.
 * @returns The exit status (0 = valid PDF/A-1b) and output.
 */
export function preflightCli(bytes: Uint8Array): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sesam-pdfa-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const run = spawnSync('java', ['-cp', CP, 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
