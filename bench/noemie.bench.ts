/**
 * NOEMIE bench: parse throughput to typed entities (parseNoemie, streamNoemie) divided by a raw
 * 128-byte record scan of the SAME bytes in the same run (each record decoded once as latin1,
 * its flag read: the floor of any reader, LAB.md §4b). Goal (issue #6) ≥ 0.5. Figures are MB/s
 * of input. Then a large input (≈ 128 MB, generated chunk by chunk, never held in memory) is
 * streamed to show that the streaming path runs in flat memory (RSS growth printed).
 */
import { unwrap } from '../src/core/issues/index';
import { fc } from '@fast-check/vitest';
import { decodeLatin1, latin1View } from '../src/internal/fixed-width/charset';
import { buildNoemieFile } from '../src/noemie/buildNoemieFile';
import { parseNoemie, streamNoemie, streamNoemieBatches } from '../src/noemie/parseNoemie';
import { ceilings, idealKeptPass } from './noemieCeiling';
import { serializeNoemie } from '../src/noemie/serializeNoemie';
import type { NoemieEntity } from '../src/noemie/types';
import { noemieFileArb } from '../test/arbitraries/noemie';
import { interleavedRatio, measure, report } from './harness';
import type { Rate } from './harness';

/**
 * The entity with its amounts cut below 1 000 € (the arbitrary draws amounts up to the zone
 * widths: 4 MB of them overflow the 11-digit cumul of the 999, which the builder refuses).
 */
function small(e: NoemieEntity): NoemieEntity {
  const out: Record<string, unknown> = { ...e };
  for (const [k, v] of Object.entries(e)) {
    if (typeof v === 'object' && v !== null && typeof (v as { centimes?: unknown }).centimes === 'number') out[k] = { centimes: (v as { centimes: number }).centimes % 100_000 };
  }
  return out as unknown as NoemieEntity;
}

function bigFile(targetBytes: number): Uint8Array {
  // Realistic mix from the arbitrary (fixed seed), repeated to the target size.
  const samples = fc.sample(noemieFileArb, { numRuns: 40, seed: 42 });
  const header = samples[0]!.header;
  const entities: NoemieEntity[] = [];
  let size = 0;
  let lots = 0;
  for (let k = 0; size < targetBytes; k++) {
    const s = samples[k % samples.length]!;
    for (const e of s.entities) {
      // The 999 counts lots on 3 digits: past 999 lots, a 080 becomes a 160 at the same niveau
      // (same groups, so the 990 controls built below stay consistent).
      if (e.entity !== '080' || ++lots <= 999) entities.push(small(e));
      else entities.push({ entity: '160', niveauRupture: e.niveauRupture, numeroArchivage: String(lots).padStart(17, '0') });
    }
    size += s.trailer.nombreEnregistrements * 128;
  }
  return unwrap(serializeNoemie(unwrap(buildNoemieFile({ header, entities }))));
}

/** Median rate of an async pass over the input (one pass per round). */
async function measureAsync(name: string, pass: () => Promise<number>, rounds = 5): Promise<Rate> {
  await pass(); // warm-up
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    await pass();
    rates.push(1e9 / Number(process.hrtime.bigint() - t0));
  }
  rates.sort((a, b) => a - b);
  return { name, perSecond: rates[Math.floor(rates.length / 2)] ?? 0 };
}

/**
 * A large return generated chunk by chunk: the header and trailer records of `file`, and its
 * entity stream repeated `times` times in between (framed in 128-byte records). Its trailer
 * counts are those of `file`, so it is read with `controlTotals: 'off'`.
 */
function* largeReturn(file: Uint8Array, times: number): Generator<Uint8Array> {
  const text = decodeLatin1(latin1View(file));
  const records = file.length / 128;
  let stream = '';
  for (let r = 1; r < records - 1; r++) stream += text.slice(r * 128 + 1, r * 128 + 128);
  stream = stream.trimEnd();
  const total = stream.length * times;
  const count = Math.ceil(total / 127);
  yield file.subarray(0, 128);
  let pending = '';
  let done = 0;
  for (let k = 0; k < times; k++) {
    pending += stream;
    let out = '';
    let p = 0;
    for (; pending.length - p >= 127 && done < count - 1; p += 127, done++) {
      out += `0${pending.slice(p, p + 127)}`;
      if (out.length >= 65_536) {
        yield Buffer.from(out, 'latin1');
        out = '';
      }
    }
    pending = pending.slice(p);
    if (out.length > 0) yield Buffer.from(out, 'latin1');
  }
  yield Buffer.from(`1${pending.padEnd(127, ' ')}`, 'latin1'); // the last segment (1 to 127 bytes)
  yield file.subarray(file.length - 128);
}

export default async function (): Promise<void> {
  const bytes = bigFile(4 * 1024 * 1024);
  const mb = bytes.length / 1e6;
  const view = latin1View(bytes);
  const parsed = unwrap(parseNoemie(bytes));
  const entities = parsed.entities.length;
  console.log(`  input ${mb.toFixed(1)} MB, ${bytes.length / 128} records, ${entities} entities (${(entities / (bytes.length / 128)).toFixed(2)} per record)`);
  const opts = { ms: 800, rounds: 5, batch: 1 };
  const raw = measure('raw 128-byte record scan (latin1 per record) = baseline', () => {
    let s = 0;
    for (let i = 0; i + 128 <= view.length; i += 128) s += decodeLatin1(view, i, i + 128).charCodeAt(0);
    return s;
  }, opts);
  const parse = measure('parseNoemie → typed entities + 990/999 checks', () => parseNoemie(bytes).ok, opts);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 65_536) chunks.push(bytes.subarray(i, i + 65_536));
  const stream = await measureAsync('streamNoemie (64 KiB chunks, for await per event)', async () => {
    let n = 0;
    for await (const ev of streamNoemie(chunks)) if (ev.kind === 'entity') n++;
    if (n !== entities) throw new Error('stream mismatch');
    return n;
  });
  const batches = await measureAsync('streamNoemieBatches (64 KiB chunks, for await per batch)', async () => {
    let n = 0;
    for await (const batch of streamNoemieBatches(chunks)) for (const ev of batch) if (ev.kind === 'entity') n++;
    if (n !== entities) throw new Error('batch stream mismatch');
    return n;
  });
  const ceiling = ceilings(bytes, opts);
  const toMb = (x: Rate): Rate => ({ name: x.name, perSecond: x.perSecond * mb });
  report([raw, parse, stream, batches, ...ceiling].map(toMb), 'MB/s');
  const r = (x: Rate): string => (x.perSecond / raw.perSecond).toFixed(3);
  console.log(`  ratio to the raw scan: parseNoemie ${r(parse)}, streamNoemie ${r(stream)}, streamNoemieBatches ${r(batches)} (goal ≥ 0.5)`);
  console.log(`  ceilings (no library code, see bench/noemieCeiling.ts): ${ceiling.map((c) => `${c.name.split(':')[0]} ${r(c)}`).join('; ')}`);
  // issue #10 §7 goal: parseNoemie ≥ 0.9 of "ideal objects, kept", measured in alternation (a
  // noisy neighbour slows both alike; the figures above are measured one after the other)
  const alt = interleavedRatio(idealKeptPass(bytes), () => parseNoemie(bytes).ok, { rounds: 9, ms: 400, batch: 1 });
  console.log(`  parseNoemie / ideal objects kept, alternated: ${alt.median.toFixed(2)} (rounds ${alt.low.toFixed(2)}-${alt.high.toFixed(2)}; goal ≥ 0.9, issue #10 §7)`);
  console.log(`  per entity: parseNoemie ${(1e9 / parse.perSecond / entities).toFixed(0)} ns, streamNoemie ${(1e9 / stream.perSecond / entities).toFixed(0)} ns, batches ${(1e9 / batches.perSecond / entities).toFixed(0)} ns; raw scan ${(1e9 / raw.perSecond / (bytes.length / 128)).toFixed(0)} ns per record`);

  // Flat memory: stream ≈ 128 MB generated on the fly. RSS alone follows V8's heap sizing
  // (garbage not yet collected), so the live heap is also sampled after a full GC every 256 Ki
  // events (run with `--expose-gc`, as `npm run bench` does; without it only RSS is shown).
  const gc = (globalThis as { gc?: () => void }).gc;
  const times = Math.ceil(128e6 / bytes.length);
  gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let peak = rss0;
  let heapPeak = heap0;
  let n = 0;
  let streamed = 0;
  const t0 = process.hrtime.bigint();
  for await (const ev of streamNoemie(largeReturn(bytes, times), { controlTotals: 'off' })) {
    if (ev.kind === 'entity') n++;
    else if (ev.kind === 'issue') throw new Error(`large stream: ${ev.issue.code}`);
    else if (ev.kind === 'trailer') streamed = ev.offset + 128;
    if ((n & 0xffff) === 0) peak = Math.max(peak, process.memoryUsage().rss);
    if (gc !== undefined && (n & 0x3ffff) === 0) {
      gc();
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    }
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  if (n !== entities * times) throw new Error(`large stream: ${n} entities, expected ${entities * times}`);
  const MB = (x: number): string => `${(x / 1e6).toFixed(0)} MB`;
  console.log(`  large stream: ${MB(streamed)}, ${n} entities in ${s.toFixed(1)} s (${(streamed / 1e6 / s).toFixed(0)} MB/s, GC pauses included)`);
  console.log(`    RSS ${MB(rss0)} → peak ${MB(peak)} (growth ${MB(peak - rss0)}); live heap after GC ${MB(heap0)} → peak ${gc === undefined ? '(needs --expose-gc)' : `${MB(heapPeak)} (growth ${MB(heapPeak - heap0)})`}`);
}
