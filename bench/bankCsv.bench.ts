/**
 * Bank CSV reading under hostile inputs (issue #10 item 3): heap growth of the streaming reader
 * (`streamBankCsv`, 1 MiB text chunks from a generator: the input is never held whole) and of
 * the one-shot reader (`parseBankCsv`, whose input string is counted apart) on 20 MB of blank
 * lines, 50 MB of bare `\r`, a quote left open for 50 MB and 20 MB of bad lines.
 *
 * Before the move to csv-parse the hand-written reader took ~5 GB, was killed, took 1.7 GB and
 * returned 2 M issues on these inputs (figures of the issue). The target is flat memory: growth
 * independent of the input size (peaks include young-generation garbage not yet collected, at most
 * a few dozen MB; what is retained after a GC is what matters). Run with `--expose-gc` (as
 * `npm run bench` does) for a GC'd baseline; figures are memory, never wall-clock assertions.
 */
import { parseBankCsv, streamBankCsv } from '../src/returns/bank/index';

const MB = 1 << 20;
const gc = (globalThis as { gc?: () => void }).gc;
const used = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const mb = (n: number): string => (n / MB).toFixed(1);

function* chunksOf(head: string, unit: string, total: number): Generator<string> {
  yield head;
  const chunk = unit.repeat(Math.ceil(MB / unit.length));
  for (let n = 0; n < total; n += chunk.length) yield chunk;
}

interface Case {
  readonly name: string;
  readonly head: string;
  readonly unit: string;
  readonly size: number;
}

const CASES: readonly Case[] = [
  { name: '20 MB of blank lines', head: 'Date;Libellé;Montant\n', unit: '\n', size: 20 * MB },
  { name: '50 MB of bare \\r', head: 'Date;Libellé;Montant\n', unit: '\r', size: 50 * MB },
  { name: 'quote open for 50 MB', head: 'Date;Libellé;Montant\n05/03/2025;"open', unit: 'x', size: 50 * MB },
  { name: '20 MB of bad lines', head: 'Date;Libellé;Montant\n', unit: '31/02/2025;X;1,00\n', size: 20 * MB },
];

async function streamed(c: Case): Promise<{ growth: number; retained: number; issues: number; movements: number }> {
  gc?.();
  const base = used();
  let peak = base;
  let issues = 0;
  let movements = 0;
  let n = 0;
  for await (const ev of streamBankCsv(chunksOf(c.head, c.unit, c.size))) {
    if (ev.kind === 'issue') issues++;
    else movements++;
    if (++n % 1024 === 0) peak = Math.max(peak, used());
  }
  peak = Math.max(peak, used());
  gc?.();
  return { growth: peak - base, retained: used() - base, issues, movements };
}

function oneShot(c: Case): { growth: number; retained: number; input: number; issues: number } {
  const text = c.head + c.unit.repeat(Math.ceil(c.size / c.unit.length));
  // Flatten the caller's string (a concatenation) before the baseline: V8 would do it on the
  // first read, and that copy is the caller's text, not the reader's memory.
  text.charCodeAt(text.length - 1);
  gc?.();
  const base = used();
  const r = parseBankCsv(text);
  const after = used();
  gc?.();
  return { growth: after - base, retained: used() - base, input: text.length, issues: r.issues.length };
}

/** Runs the suite. */
export default async function run(): Promise<void> {
  console.log(`  heap = heapUsed + arrayBuffers; ${gc ? 'GC-ed baseline' : 'no --expose-gc: baselines not GC-ed'}`);
  for (const c of CASES) {
    const s = await streamed(c);
    console.log(`  stream   ${c.name.padEnd(22)} heap growth: peak ${mb(s.growth).padStart(5)} MB (garbage included), retained after GC ${mb(s.retained).padStart(5)} MB; ${s.issues} issue(s), ${s.movements} movement(s)`);
    const o = oneShot(c);
    console.log(`  one-shot ${c.name.padEnd(22)} heap growth: at return ${mb(o.growth).padStart(5)} MB (garbage included), retained after GC ${mb(o.retained).padStart(5)} MB; input ${mb(o.input)} M chars held by the caller; ${o.issues} issue(s)`);
  }
}
