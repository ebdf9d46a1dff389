/**
 * Attestation de tiers payant: cost of the tolerant text reader against a bare split of the same
 * labelled text, of the modeled payload codec against a bare `split('|')`, and of
 * `readAttestationImage` (guards, PNG/JPEG sniffing, payload parse and checks) against a raw
 * zxing-wasm `readBarcodes` of the same bwip-js PNG. Ratios in the same run.
 */
import bwipjs from 'bwip-js/node';
import { parseAttestationPayload, parseAttestationText, readAttestationImage } from '../src/adr/attestation/index';
import { createNodeZxingDecoder } from '../src/adr/attestation/node/index';
import { unwrap } from '../src/core/issues/index';
import { interleavedRatio } from './harness';

const TEXT = 'N° AMC : 12345678\nType de convention : SP\nCritère secondaire de routage : 01\nN° adhérent : 000 123 456\nPériode de validité : du 01/01/2026 au 31/12/2026';
const PAYLOAD = 'ATP1|12345678|SP|01|000123456|20260101|20261231';

async function asyncRatio(baseline: () => Promise<unknown>, fn: () => Promise<unknown>, rounds: number, per: number): Promise<{ median: number; low: number; high: number }> {
  const time = async (f: () => Promise<unknown>): Promise<number> => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < per; i++) await f();
    return Number(process.hrtime.bigint() - start);
  };
  await time(baseline);
  await time(fn);
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const a = await time(baseline);
    const b = await time(fn);
    const c = await time(baseline);
    ratios.push((a + c) / 2 / b);
  }
  ratios.sort((x, y) => x - y);
  return { median: ratios[Math.floor(rounds / 2)] ?? 0, low: ratios[0] ?? 0, high: ratios[rounds - 1] ?? 0 };
}

const show = (name: string, r: { median: number; low: number; high: number }): void =>
  console.log(`${name}: ${r.median.toFixed(2)}× the rate of the baseline (range ${r.low.toFixed(2)}–${r.high.toFixed(2)})`);

export default async function (): Promise<void> {
  const bare = (): string[][] => TEXT.split('\n').map((l) => l.split(':'));
  show('parseAttestationText vs a bare split of the labelled text', interleavedRatio(bare, () => parseAttestationText(TEXT), { rounds: 9, ms: 200 }));
  show('parseAttestationPayload (modeled codec) vs bare split(\'|\')', interleavedRatio(() => PAYLOAD.split('|'), () => parseAttestationPayload(PAYLOAD), { rounds: 9, ms: 200 }));
  const png = new Uint8Array(await bwipjs.toBuffer({ bcid: 'datamatrix', text: PAYLOAD, scale: 3, backgroundcolor: 'FFFFFF', padding: 12 }));
  const decoder = unwrap(await createNodeZxingDecoder());
  const z = await import('zxing-wasm/reader');
  await decoder(png); // instantiates the shared WebAssembly module
  const raw = (): Promise<unknown> => z.readBarcodes(png, { formats: ['DataMatrix'], tryHarder: true, tryRotate: true, tryInvert: true, tryDownscale: true, maxNumberOfSymbols: 8 });
  show('readAttestationImage vs raw zxing-wasm readBarcodes (same PNG, same options)', await asyncRatio(raw, () => readAttestationImage(png, { decoder }), 7, 20));
}
