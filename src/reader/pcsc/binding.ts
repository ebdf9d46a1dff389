/**
 * The native PC/SC binding (npm `pcsclite`, optional dependency), loaded lazily inside
 * try/catch: without it the package installs and everything else works; asking for PC/SC then
 * throws `SesamError('NOT_INSTALLED')` saying what to install. Only the members used here are typed
 * (so this compiles when pcsclite is absent).
 */
import type { Issue } from '../../core/issues/index';
import { maskNir, SesamError } from '../../core/issues/index';
import { guardString } from '../../core/guard/index';

/** Status of a reader as reported by pcsclite. */
export interface PcscStatus {
  readonly state: number;
  readonly atr?: Buffer;
}

/** A pcsclite reader (subset). */
export interface PcscReaderBinding {
  readonly name: string;
  readonly SCARD_SHARE_SHARED: number;
  readonly SCARD_SHARE_EXCLUSIVE: number;
  readonly SCARD_PROTOCOL_T0: number;
  readonly SCARD_PROTOCOL_T1: number;
  readonly SCARD_STATE_PRESENT: number;
  readonly SCARD_STATE_MUTE: number;
  readonly SCARD_LEAVE_CARD: number;
  readonly SCARD_RESET_CARD: number;
  on(type: 'status', listener: (status: PcscStatus) => void): unknown;
  on(type: 'end', listener: () => void): unknown;
  on(type: 'error', listener: (error: unknown) => void): unknown;
  connect(options: { share_mode?: number; protocol?: number }, cb: (err: unknown, protocol: number) => void): void;
  disconnect(disposition: number, cb: (err: unknown) => void): void;
  transmit(data: Buffer, resLen: number, protocol: number, cb: (err: unknown, response: Buffer) => void): void;
  close(): void;
}

/** The pcsclite context (subset). */
export interface PcscContextBinding {
  on(type: 'reader', listener: (reader: PcscReaderBinding) => void): unknown;
  on(type: 'error', listener: (error: unknown) => void): unknown;
  close(): void;
}

/** The pcsclite module: a factory of contexts. */
export type PcscBinding = () => PcscContextBinding;

/** What to install, in every NOT_INSTALLED message. */
export const PCSC_INSTALL_HINT =
  'PC/SC needs the optional npm package pcsclite (npm install pcsclite@1.0.1), which builds against ' +
  'libpcsclite-dev and talks to the pcscd daemon (Debian/Ubuntu: apt-get install pcscd libpcsclite-dev; ' +
  'macOS and Windows ship PC/SC)';

/**
 * Loads pcsclite lazily.
 *
 * @param moduleName - Module to import (default 'pcsclite'; tests pass a missing one).
 * @returns The binding factory.
 * @throws SesamError `NOT_INSTALLED` when the module or its native library is missing.
 */
export async function loadPcscBinding(moduleName = 'pcsclite'): Promise<PcscBinding> {
  // Guarded first (shared style): a symbol or an object here made the error message itself throw.
  const issues: Issue[] = [];
  guardString(moduleName, ['moduleName'], issues, { min: 1, max: 214, pattern: /^[^\u0000-\u001f]+$/, expected: 'nom de module npm' });
  if (issues.length > 0) throw new SesamError('ASSERTION', `loadPcscBinding: moduleName ${issues[0]!.code}`, { issues });
  try {
    const mod = (await import(moduleName)) as { default?: unknown };
    const factory = (typeof mod.default === 'function' ? mod.default : mod) as unknown;
    if (typeof factory !== 'function') throw new TypeError(`${moduleName} does not export a function`);
    return factory as PcscBinding;
  } catch (cause) {
    // The module name and the loader's message may carry caller text: NIR-like runs masked.
    throw new SesamError('NOT_INSTALLED', maskNir(`${PCSC_INSTALL_HINT}; loading '${moduleName}' failed: ${String((cause as Error)?.message)}`), { cause });
  }
}
