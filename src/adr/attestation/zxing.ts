/**
 * A {@link DataMatrixDecoder} over zxing-wasm (ZXing-C++ compiled to WebAssembly): platform
 * neutral; the caller says where the `.wasm` comes from (its bytes, or a locator for a browser).
 * zxing-wasm is loaded on first use only (dynamic import), so importing this module costs nothing.
 */
import type { Issue, Result } from '../../core/issues/index';
import { ok, SesamError } from '../../core/issues/index';
import { field, guardBoolean, guardFunction, guardObject, inputErr, inputIssue } from '../../core/guard/index';
import type { DataMatrixDecoder, DecodedSymbol } from './image';

/** Where zxing-wasm finds `zxing_reader.wasm`. */
export interface ZxingDecoderConfig {
  /** The bytes of `zxing-wasm/reader/zxing_reader.wasm` (same version as the zxing-wasm package). */
  readonly wasmBinary?: ArrayBuffer | Uint8Array;
  /** Emscripten `locateFile` (browser: the URL the `.wasm` is served from). */
  readonly locateFile?: (path: string, prefix: string) => string;
  /** Also try rotated / downscaled / inverted images (default true: photos of cards). */
  readonly tryHarder?: boolean;
}

function toArrayBuffer(b: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (b instanceof ArrayBuffer) return b;
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return copy.buffer;
}

/**
 * Creates a DataMatrix decoder over zxing-wasm.
 *
 * @param config - `wasmBinary` or `locateFile` (one is needed outside a browser with network: the
 *   default locator points to a CDN), `tryHarder`.
 * @returns The decoder (the WebAssembly module is instantiated on its first call; a module that
 *   cannot load makes that call reject with SesamError `IO`), or `INPUT_*` issues on `config`.
 */
export function createZxingDecoder(config: ZxingDecoderConfig = {}): Result<DataMatrixDecoder> {
  const issues: Issue[] = [];
  const c = guardObject(config, ['config'], issues);
  const bin = c && field(c, 'wasmBinary');
  if (c !== undefined && bin !== undefined && !(bin instanceof Uint8Array) && !(bin instanceof ArrayBuffer)) {
    issues.push(inputIssue('INPUT_TYPE', { path: ['config', 'wasmBinary'], expected: 'octets (Uint8Array ou ArrayBuffer)', received: typeof bin }));
  }
  const locate = c && guardFunction(field(c, 'locateFile'), ['config', 'locateFile'], issues, { required: false });
  const harder = c && guardBoolean(field(c, 'tryHarder'), ['config', 'tryHarder'], issues, { required: false });
  if (issues.length > 0 || c === undefined) return inputErr(issues);
  return ok(zxingDecoder({
    ...(bin instanceof Uint8Array || bin instanceof ArrayBuffer ? { wasmBinary: bin } : {}),
    ...(locate === undefined ? {} : { locateFile: locate as (path: string, prefix: string) => string }),
    ...(harder === undefined ? {} : { tryHarder: harder }),
  }));
}

function zxingDecoder(config: ZxingDecoderConfig): DataMatrixDecoder {
  const tryHarder = config.tryHarder !== false;
  let ready: Promise<typeof import('zxing-wasm/reader')> | undefined;
  const load = async (): Promise<typeof import('zxing-wasm/reader')> => {
    const z = await import('zxing-wasm/reader');
    const overrides: Record<string, unknown> = {};
    if (config.wasmBinary !== undefined) overrides['wasmBinary'] = toArrayBuffer(config.wasmBinary);
    if (config.locateFile !== undefined) overrides['locateFile'] = config.locateFile;
    if (Object.keys(overrides).length > 0) await z.prepareZXingModule({ overrides, fireImmediately: true });
    return z;
  };
  return async (image: Uint8Array): Promise<readonly DecodedSymbol[]> => {
    ready ??= load();
    const z = await ready.catch((e: unknown) => {
      ready = undefined;
      throw new SesamError('IO', 'zxing-wasm could not be loaded', { cause: e });
    });
    const results = await z.readBarcodes(image, { formats: ['DataMatrix'], tryHarder, tryRotate: tryHarder, tryInvert: tryHarder, tryDownscale: tryHarder, maxNumberOfSymbols: 8 });
    return results.map((r) => ({ format: r.format, text: r.text, isValid: r.isValid, ...(r.error === '' ? {} : { error: r.error }) }));
  };
}
