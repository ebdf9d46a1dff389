/**
 * NOEMIE bench: parse throughput to typed entities (parseNoemie, streamNoemie) divided by a raw
 * 128-byte record scan of the same bytes in the same run (each record decoded once as latin1,
 * its flag read: the floor of any reader). Goal ≥ 0.5. Figures are MB/s of input.
 */
import { unwrap } from '../src/core/issues/index';
import { fc } from '@fast-check/vitest';
import { decodeLatin1, latin1View } from '../src/internal/fixed-width/charset';
import { readRecords } from '../src/internal/fixed-width/reader';
import { buildNoemieFile } from '../src/noemie/buildNoemieFile';
import { parseNoemie, streamNoemie } from '../src/noemie/parseNoemie';
import { serializeNoemie } from '../src/noemie/serializeNoemie';
import type { NoemieEntity } from '../src/noemie/types';
import { noemieFileArb } from '../test/arbitraries/noemie';
import { measure, report } from './harness';

function bigFile(targetBytes: number): Uint8Array {
  // Realistic mix from the arbitrary (fixed seed), repeated to the target size.
  const samples = fc.sample(noemieFileArb, { numRuns: 40, seed: 42 });
  const header = samples[0]!.header;
  const entities: NoemieEntity[] = [];
  let size = 0;
  let lots = 0;
  for (let k = 0; size < targetBytes; k++) {
    const s = samples[k % samples.length]!;
    for (const e of s.entities) if (e.entity !== '080' || ++lots <= 999) entities.push(e); // 999: 3-digit lot count
    size += s.trailer.nombreEnregistrements * 128;
  }
  return unwrap(serializeNoemie(unwrap(buildNoemieFile({ header, entities }))));
}

export default async function (): Promise<void> {
  const bytes = bigFile(4 * 1024 * 1024);
  const mb = bytes.length / 1e6;
  const view = latin1View(bytes);
  const entities = unwrap(parseNoemie(bytes)).entities.length;
  console.log(`  input ${mb.toFixed(1)} MB, ${bytes.length / 128} records, ${entities} entities`);
  const opts = { ms: 600, rounds: 5, batch: 1 };
  const raw = measure('raw 128-byte record scan (latin1 per record)', () => {
    let s = 0;
    for (let i = 0; i + 128 <= view.length; i += 128) s += decodeLatin1(view, i, i + 128).charCodeAt(0);
    return s;
  }, opts);
  const engine = measure('engine readRecords (fixed-width reader)', () => {
    let s = 0;
    for (const r of readRecords(bytes, { recordLength: 128 })) s += r.text.length;
    return s;
  }, opts);
  const parse = measure('parseNoemie → typed entities + 990/999 checks', () => parseNoemie(bytes).ok, opts);
  // The stream is async: time one pass per round by hand (64 KiB chunks).
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 65_536) chunks.push(bytes.subarray(i, i + 65_536));
  const rates: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = process.hrtime.bigint();
    let n = 0;
    for await (const ev of streamNoemie(chunks)) if (ev.kind === 'entity') n++;
    rates.push(1e9 / Number(process.hrtime.bigint() - t0));
    if (n !== entities) throw new Error('stream mismatch');
  }
  rates.sort((a, b) => a - b);
  const stream = { name: 'streamNoemie (64 KiB chunks, async)', perSecond: rates[2] ?? 0 };
  const toMb = (x: { name: string; perSecond: number }) => ({ name: x.name, perSecond: x.perSecond * mb });
  report([raw, engine, parse, stream].map(toMb), 'MB/s');
  console.log(`  ratio parseNoemie / raw scan = ${(parse.perSecond / raw.perSecond).toFixed(2)} (goal ≥ 0.5); streamNoemie / raw scan = ${(stream.perSecond / raw.perSecond).toFixed(2)}`);
}
