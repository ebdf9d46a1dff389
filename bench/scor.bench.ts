/**
 * scor: what the PDF/A-1b route costs over a plain pdf-lib PDF of the same scan (baseline: pdf-lib
 * `embedJpg` / `embedPng`, one page, `save()`), measured in the same run. The scans: the 310 × 440
 * JPEG fixture (150 dpi) and an A4 150 dpi greyscale PNG (1240 × 1754, a white page with a
 * frame). buildPdfA passes the compressed data through; pdf-lib's `embedPng` decodes and deflates
 * it again, so the PNG row is where the pass-through shows.
 * Paper fallbacks: the feuille de soins duplicata (PDF/A-1b, embedded DejaVu subset, ~45 text
 * runs) against a plain pdf-lib A4 page with the same number of Helvetica text runs (not embedded).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { computeFacture } from '../src/rules/index';
import { buildDuplicataFeuilleSoins, buildPdfA, validatePdfA } from '../src/scor/index';
import { chunk } from '../test/scor/images';
import type { Rate } from './harness';
import { report } from './harness';

function a4Png(): Uint8Array {
  const w = 1240;
  const h = 1754;
  const rows: Uint8Array[] = [];
  for (let y = 0; y < h; y++) {
    const row = new Uint8Array(1 + w).fill(255);
    row[0] = 0;
    if (y < 40 || y > h - 40) row.fill(0, 1);
    row.fill(0, 1, 41);
    row.fill(0, w - 39);
    rows.push(row);
  }
  const raw = new Uint8Array(rows.length * (w + 1));
  rows.forEach((r, i) => raw.set(r, i * (w + 1)));
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, w);
  new DataView(ihdr.buffer).setUint32(4, h);
  ihdr[8] = 8;
  const phys = new Uint8Array(9);
  new DataView(phys.buffer).setUint32(0, 5906);
  new DataView(phys.buffer).setUint32(4, 5906);
  phys[8] = 1;
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('pHYs', phys), chunk('IDAT', new Uint8Array(deflateSync(raw))), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let k = 0;
  for (const p of parts) {
    out.set(p, k);
    k += p.length;
  }
  return out;
}

async function rate(name: string, fn: () => Promise<unknown>, ms = 1500): Promise<Rate> {
  for (let i = 0; i < 3; i++) await fn();
  const rates: number[] = [];
  for (let r = 0; r < 3; r++) {
    let n = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(ms) * 1_000_000n;
    let now = start;
    while (now < end) {
      await fn();
      n++;
      now = process.hrtime.bigint();
    }
    rates.push(n / (Number(now - start) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return { name, perSecond: rates[1] ?? 0 };
}

async function plain(bytes: Uint8Array, kind: 'jpg' | 'png'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const img = kind === 'jpg' ? await doc.embedJpg(bytes) : await doc.embedPng(bytes);
  const page = doc.addPage([img.width, img.height]);
  page.drawImage(img, { x: 0, y: 0, width: img.width, height: img.height });
  return doc.save();
}

export default async function (): Promise<void> {
  const jpeg = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'test', 'fixtures', 'scor', 'rgb-baseline.jpg')));
  jpeg.set([1, 0, 150, 0, 150], 13);
  const png = a4Png();
  const at = '2026-03-10T18:00:00+01:00';
  const pdf = await buildPdfA([jpeg], { at });
  if (!pdf.ok) throw new Error(pdf.issues[0].code);
  console.log('  JPEG 310 × 440, 150 dpi (documents/s)');
  report([await rate('pdf-lib plain PDF (baseline)', () => plain(jpeg, 'jpg')), await rate('buildPdfA (PDF/A-1b)', () => buildPdfA([jpeg], { at })), await rate('validatePdfA of the result', () => validatePdfA(pdf.value))], 'doc/s');
  console.log(`  A4 PNG 1240 × 1754, 150 dpi grey, ${png.length} bytes (documents/s)`);
  report([await rate('pdf-lib plain PDF (baseline: embedPng decodes + deflates)', () => plain(png, 'png')), await rate('buildPdfA (IDAT passed through)', () => buildPdfA([png], { at }))], 'doc/s');
  const decompte = computeFacture({ dateFacturation: '2026-03-10', ps: { profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole', medecinTraitant: true }, beneficiaire: { dateNaissance: '1980-05-01' }, parcours: 'T', lignes: [{ code: 'G', date: '2026-03-10', quantite: 1 }], amc: { formule: 'ticketModerateur' }, tiersPayant: { amo: true, amc: true } });
  if (!decompte.ok) throw new Error(decompte.issues[0].code);
  const input = { ps: { nom: 'Dr Camille TESTARD', identifiant: '991234567' }, beneficiaire: { nom: 'EXEMPLE', prenom: 'Zoé' }, numeroFacture: 42, dateFacturation: '2026-03-10', decompte: decompte.value };
  const plainText = async (): Promise<Uint8Array> => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595.28, 841.89]);
    for (let i = 0; i < 45; i++) page.drawText(`Ligne ${i} : 30,00 EUR`, { x: 40, y: 800 - i * 16, size: 10, font });
    return doc.save();
  };
  console.log('  Paper fallback: feuille de soins duplicata, one A4 page (documents/s)');
  report([await rate('pdf-lib plain A4 text page, Helvetica not embedded (baseline)', plainText), await rate('buildDuplicataFeuilleSoins (PDF/A-1b, font embedded)', () => buildDuplicataFeuilleSoins(input, { at }))], 'doc/s');
}
