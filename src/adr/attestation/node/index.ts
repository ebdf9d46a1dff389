/**
 * Node adapter of the attestation reader: loads zxing-wasm's `zxing_reader.wasm` from
 * node_modules (node:fs) and returns the DataMatrix decoder port.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Issue, Result } from '../../../core/issues/index';
import { SesamError } from '../../../core/issues/index';
import { field, guardBoolean, guardObject, guardString, inputErr } from '../../../core/guard/index';
import type { DataMatrixDecoder } from '../image';
import { createZxingDecoder } from '../zxing';

/** Options of {@link createNodeZxingDecoder}. */
export interface NodeZxingDecoderOptions {
  /** Path of `zxing_reader.wasm` (default: resolved from the installed zxing-wasm package). */
  readonly wasmPath?: string;
  /** Also try rotated / downscaled / inverted images (default true). */
  readonly tryHarder?: boolean;
}

/** The installed zxing-wasm's `.wasm`, resolved from this module (ESM `import.meta.url`, CJS `require`), else from the working directory. */
function resolveWasm(): string {
  const id = 'zxing-wasm/reader/zxing_reader.wasm';
  const url: unknown = import.meta.url;
  if (typeof url === 'string' && url !== '') return createRequire(url).resolve(id);
  // CJS build: the module's own `require` resolves from the installed package.
  if (typeof require === 'function') return require.resolve(id);
  return createRequire(`${process.cwd()}/`).resolve(id);
}

/**
 * Creates a DataMatrix decoder for Node: reads the `.wasm` of the installed zxing-wasm (never the network).
 *
 * @param options - `wasmPath`, `tryHarder`.
 * @returns The decoder, for `readAttestationImage(bytes, { decoder })`, or `INPUT_*` issues on `options`.
 * @throws SesamError `IO` when the `.wasm` file cannot be found or read.
 * @example
 * const decoder = unwrap(await createNodeZxingDecoder());
 * const r = await readAttestationImage(await readFile('attestation.png'), { decoder, today });
 */
export async function createNodeZxingDecoder(options: NodeZxingDecoderOptions = {}): Promise<Result<DataMatrixDecoder>> {
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues);
  const wasmPath = o && guardString(field(o, 'wasmPath'), ['options', 'wasmPath'], issues, { required: false, min: 1, max: 4096 });
  const tryHarder = o && guardBoolean(field(o, 'tryHarder'), ['options', 'tryHarder'], issues, { required: false });
  if (issues.length > 0) return inputErr(issues);
  let path = wasmPath;
  let wasmBinary: Uint8Array;
  try {
    path ??= resolveWasm();
    wasmBinary = await readFile(path);
  } catch (e) {
    throw new SesamError('IO', `zxing_reader.wasm could not be read${path === undefined ? '' : ` (${path})`}`, { cause: e });
  }
  return createZxingDecoder({ wasmBinary, ...(tryHarder === undefined ? {} : { tryHarder }) });
}

export type { DataMatrixDecoder } from '../image';
