/**
 * Node adapter of the attestation reader: loads zxing-wasm's `zxing_reader.wasm` from
 * node_modules (node:fs) and returns the DataMatrix decoder port.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { SesamError } from '../../../core/issues/index';
import type { DataMatrixDecoder } from '../image';
import { createZxingDecoder } from '../zxing';

/** Options of {@link createNodeZxingDecoder}. */
export interface NodeZxingDecoderOptions {
  /** Path of `zxing_reader.wasm` (default: resolved from the installed zxing-wasm package). */
  readonly wasmPath?: string;
  /** Also try rotated / downscaled / inverted images (default true). */
  readonly tryHarder?: boolean;
}

/** The installed zxing-wasm's `.wasm`, resolved from this module (ESM) or from the working directory (CJS build without `import.meta`). */
function resolveWasm(): string {
  const id = 'zxing-wasm/reader/zxing_reader.wasm';
  const url: unknown = import.meta.url;
  return createRequire(typeof url === 'string' && url !== '' ? url : `${process.cwd()}/`).resolve(id);
}

/**
 * Creates a DataMatrix decoder for Node: reads the `.wasm` of the installed zxing-wasm (never the network).
 *
 * @param options - `wasmPath`, `tryHarder`.
 * @returns The decoder, for `readAttestationImage(bytes, { decoder })`.
 * @throws SesamError `IO` when the `.wasm` file cannot be read.
 * @example
 * const decoder = await createNodeZxingDecoder();
 * const r = await readAttestationImage(await readFile('attestation.png'), { decoder, today });
 */
export async function createNodeZxingDecoder(options: NodeZxingDecoderOptions = {}): Promise<DataMatrixDecoder> {
  let path = options.wasmPath;
  try {
    path ??= resolveWasm();
    const wasmBinary = await readFile(path);
    return createZxingDecoder({ wasmBinary, ...(options.tryHarder === undefined ? {} : { tryHarder: options.tryHarder }) });
  } catch (e) {
    throw new SesamError('IO', `zxing_reader.wasm could not be read${path === undefined ? '' : ` (${path})`}`, { cause: e });
  }
}

export type { DataMatrixDecoder } from '../image';
