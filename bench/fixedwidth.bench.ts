/**
 * Fixed-width engine throughput on a synthetic 64 MiB buffer of 128-byte records (LAB.md §4b):
 * baseline = raw scan (one latin1Slice per record + String.slice of 5 fields into an object),
 * vs readRecords + parseRecord to typed objects (validated digits, dates, Money, fillers).
 */
import { defineLayout, parseRecord, readRecords, streamRecords } from '../src/internal/fixed-width/index';
import type { Rate } from './harness';
import { measure, report } from './harness';

const L = 128;
const LAYOUT = defineLayout({
  name: 'bench',
  length: L,
  fields: [
    { name: 'type', start: 1, length: 2, type: 'X' },
    { name: 'nir', start: 3, length: 15, type: 'N' },
    { name: 'date', start: 18, length: 8, type: 'date8' },
    { name: 'montant', start: 26, length: 10, type: 'amount' },
    { name: 'nom', start: 36, length: 30, type: 'X', optional: true },
    { name: 'reserve', start: 66, length: 63, type: 'filler' },
  ],
});

type Latin1 = Buffer & { latin1Slice(start: number, end: number): string };

function synthetic(records: number): Latin1 {
  const buf = Buffer.alloc(records * L, 0x20);
  for (let i = 0; i < records; i++) {
    const rec = `4${i % 10}${String(180017512345600 + (i % 1000)).padStart(15, '0')}2025${String((i % 12) + 1).padStart(2, '0')}15${String(i % 99999).padStart(10, '0')}${`DUPONT JEAN ${i % 97}`.padEnd(30, ' ')}`;
    buf.write(rec, i * L, 'latin1');
  }
  return buf as Latin1;
}

export default async function fixedWidthBench(): Promise<void> {
  const MB = 64;
  const records = (MB * 1024 * 1024) / L;
  const buf = synthetic(records);
  const ring: unknown[] = new Array(1024);
  const options = { ms: 1500, rounds: 3, batch: 1 };

  const raw = measure('raw scan: latin1Slice/record + 5 String.slice → object', () => {
    let n = 0;
    for (let off = 0; off < buf.length; off += L) {
      const s = buf.latin1Slice(off, off + L);
      ring[n++ & 1023] = { type: s.slice(0, 2), nir: s.slice(2, 17), date: s.slice(17, 25), montant: s.slice(25, 35), nom: s.slice(35, 65) };
    }
    return n;
  }, options);

  let errors = 0;
  const engine = measure('readRecords + parseRecord → typed objects', () => {
    let n = 0;
    for (const r of readRecords(buf, { recordLength: L })) {
      const p = parseRecord(LAYOUT, r.text);
      if (!p.ok) errors++;
      ring[n++ & 1023] = p;
    }
    return n;
  }, options);

  const split = measure('readRecords only (framing + decode)', () => {
    let n = 0;
    for (const r of readRecords(buf, { recordLength: L })) ring[n++ & 1023] = r.text;
    return n;
  }, options);

  // streaming: 64 KiB chunks (a file stream's default highWaterMark), records straddle chunks
  const chunkSize = 65_536 + 17;
  const chunks: Buffer[] = [];
  for (let at = 0; at < buf.length; at += chunkSize) chunks.push(buf.subarray(at, Math.min(buf.length, at + chunkSize)));
  const t0 = process.hrtime.bigint();
  let streamed = 0;
  for await (const r of streamRecords(chunks, { recordLength: L })) {
    ring[streamed++ & 1023] = parseRecord(LAYOUT, r.text);
  }
  const streamSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

  if (errors > 0) console.log(`  !! ${errors} parse errors`);
  const mbps = (r: Rate): Rate => ({ name: r.name, perSecond: r.perSecond * MB });
  report([mbps(raw), mbps(engine), mbps(split), { name: 'streamRecords (64 KiB+17 chunks) + parseRecord, 1 pass', perSecond: MB / streamSeconds }], 'MiB/s');
  console.log(`  ${records} records of ${L} bytes per pass; typed/raw ratio = ${(engine.perSecond / raw.perSecond).toFixed(2)} (no target of its own: the #6 goal on this kind of scan is measured by the noemie suite); ${streamed} streamed`);
}
