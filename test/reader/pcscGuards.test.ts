/**
 * The PC/SC entry point guards its arguments before any I/O (issue #10 §3): junk options of
 * `createPcscClient`, a junk card or options of `connectVirtualCardToVpcd` (a NaN `timeoutMs`
 * made its retry loop endless) and a junk module name of `loadPcscBinding` (a symbol made the
 * error message throw) give a SesamError `ASSERTION` with the issue paths, never a TypeError.
 */
import { describe, expect, it } from 'vitest';
import { connectVirtualCardToVpcd, createPcscClient, loadPcscBinding } from '../../src/reader/pcsc/index';
import { isSesamError } from '../../src/core/index';

async function assertion(p: Promise<unknown>): Promise<string[]> {
  const e = await p.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(isSesamError(e)).toBe(true);
  const s = e as { code: string; issues: readonly { path: readonly (string | number)[] }[] };
  expect(s.code).toBe('ASSERTION');
  return s.issues.map((i) => i.path.join('.'));
}

describe('reader/pcsc guards', () => {
  it('createPcscClient: null options, a non-function loader, a NaN timeout', async () => {
    expect(await assertion(createPcscClient(null as never))).toEqual(['options']);
    expect(await assertion(createPcscClient({ loadBinding: 5, shareMode: 'both', transmitTimeoutMs: NaN } as never))).toEqual([
      'options.loadBinding',
      'options.shareMode',
      'options.transmitTimeoutMs',
    ]);
  });

  it('connectVirtualCardToVpcd: a junk card or options fail before any connection', async () => {
    expect(await assertion(connectVirtualCardToVpcd(null as never))).toEqual(['card']);
    const card = { atr: Uint8Array.of(0x3b, 0x00), label: 'x', process: async () => Uint8Array.of(0x90, 0), reset: () => undefined };
    expect(await assertion(connectVirtualCardToVpcd(card, { timeoutMs: NaN }))).toEqual(['options.timeoutMs']);
    expect(await assertion(connectVirtualCardToVpcd(card, { port: 70_000 }))).toEqual(['options.port']);
    expect(await assertion(connectVirtualCardToVpcd(card, null as never))).toEqual(['options']);
  });

  it('loadPcscBinding: a symbol or an object as module name', async () => {
    expect(await assertion(loadPcscBinding(Symbol('x') as never))).toEqual(['moduleName']);
    expect(await assertion(loadPcscBinding(Object.create(null) as never))).toEqual(['moduleName']);
  });
});
