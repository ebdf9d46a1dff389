/**
 * Progress bars on long work (many invoices, NOEMIE files, a CCAM import): cli-progress, drawn on
 * stderr, only when stderr is a terminal and neither `--json` nor `--quiet` was given, so pipes,
 * logs and JSON consumers never see control sequences.
 */
import cliProgress from 'cli-progress';

/** A progress display (a no-op when off). */
export interface Progress {
  /** Marks `n` more items done. */
  tick(n?: number): void;
  /** Erases nothing; ends the bar's line. */
  stop(): void;
}

/** When to draw. */
export interface ProgressOptions {
  readonly json?: boolean;
  readonly quiet?: boolean;
  /** The stream (default process.stderr). */
  readonly stream?: NodeJS.WriteStream;
  /** Fewer items than this: no bar (default 2). */
  readonly minTotal?: number;
}

const OFF: Progress = { tick: () => undefined, stop: () => undefined };

/**
 * Starts a progress bar.
 *
 * @param label - What is counted (`FSE`, `fichiers NOEMIE`).
 * @param total - The number of items.
 * @param options - `json`, `quiet` (no bar), the stream.
 * @returns The bar, or a no-op when stderr is not a terminal, with `--json` or `--quiet`.
 */
export function startProgress(label: string, total: number, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.json === true || options.quiet === true || stream.isTTY !== true || total < (options.minTotal ?? 2)) return OFF;
  const bar = new cliProgress.SingleBar(
    { stream, format: `${label} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`, hideCursor: true, clearOnComplete: false, fps: 10, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let done = 0;
  return {
    tick: (n = 1) => {
      done += n;
      bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
