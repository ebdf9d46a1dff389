import { describe, expect, test } from 'vitest';
import { test as fcTest, fc } from '@fast-check/vitest';
import { PDFDocument, PDFName } from 'pdf-lib';
import { buildPdfA, validatePdfA } from '../../src/scor/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { jpegFixture, makePng, withJfifDensity } from './images';

const AT = '2026-03-10T18:00:00+01:00';

async function ours(): Promise<Uint8Array> {
  return expectOk(await buildPdfA([withJfifDensity(jpegFixture('rgb-baseline'), 150), makePng({ width: 300, height: 400, colourType: 0, bitDepth: 8, dpi: 150 })], { at: AT }));
}

const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const fromLatin1 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

describe('validatePdfA', () => {
  test('a document made by buildPdfA passes', async () => {
    expect(expectOk(await validatePdfA(await ours()))).toEqual({ pageCount: 2 });
  });

  test('a plain pdf-lib document fails: object streams, no output intent, no XMP', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    const r = await validatePdfA(await doc.save());
    expect(r.ok).toBe(false);
    expectIssue(r, 'SCOR_PDFA_XREF');
    expectIssue(r, 'SCOR_PDFA_OUTPUT_INTENT', ['OutputIntents']);
    expectIssue(r, 'SCOR_PDFA_METADATA', ['Metadata']);
  });

  test('transparency: an RGBA PNG embedded by pdf-lib carries an SMask; /ca 0.5 too', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([200, 200]);
    const img = await doc.embedPng(makePng({ width: 20, height: 20, colourType: 6, bitDepth: 8 }));
    page.drawImage(img, { x: 0, y: 0, width: 100, height: 100, opacity: 0.5 });
    const r = await validatePdfA(await doc.save({ useObjectStreams: false }));
    const found = r.issues.filter((i) => i.code === 'SCOR_PDFA_TRANSPARENCY').map((i) => i.received);
    expect(found).toEqual(expect.arrayContaining(['/SMask', '/ca 0.5']));
  });

  test('encryption, missing ID, data after %%EOF, bad header', async () => {
    const doc = await PDFDocument.load(await ours(), { updateMetadata: false });
    doc.context.trailerInfo.Encrypt = doc.context.obj({ Filter: 'Standard', V: 1 });
    delete (doc.context.trailerInfo as { ID?: unknown }).ID;
    const enc = await validatePdfA(await doc.save({ useObjectStreams: false }));
    expectIssue(enc, 'SCOR_PDFA_ENCRYPTED', ['trailer', 'Encrypt']);
    expectIssue(enc, 'SCOR_PDFA_TRAILER', ['trailer', 'ID']);
    const good = await ours();
    expectIssue(await validatePdfA(fromLatin1(`${latin1(good)}junk after the end`)), 'SCOR_PDFA_TRAILER', ['bytes']);
    expectIssue(await validatePdfA(fromLatin1(latin1(good).replace(/^%PDF-1\.7\n%..../s, '%PDF-1.7\n%abcd'))), 'SCOR_PDFA_HEADER', ['bytes']);
    expectIssue(await validatePdfA(fromLatin1(latin1(good).replace('<pdfaid:part>1<', '<pdfaid:part>2<'))), 'SCOR_PDFA_METADATA', ['Metadata']);
    expectIssue(await validatePdfA(fromLatin1(latin1(good).replace('/GTS_PDFA1', '/GTS_PDFX1'))), 'SCOR_PDFA_OUTPUT_INTENT', ['OutputIntents']);
  });

  test('Info and XMP must agree (title, producer, dates as instants)', async () => {
    const good = latin1(await ours());
    const r = await validatePdfA(fromLatin1(good.replace('<xmp:CreateDate>2026-03-10T18:00:00+01:00<', '<xmp:CreateDate>2026-03-10T18:00:01+01:00<')));
    expectIssue(r, 'SCOR_PDFA_INFO_MISMATCH', ['Info', 'CreationDate']);
    // The same instant written in another offset agrees.
    expectOk(await validatePdfA(fromLatin1(good.replace('<xmp:CreateDate>2026-03-10T18:00:00+01:00<', '<xmp:CreateDate>2026-03-10T17:00:00+00:00<'))));
    expectIssue(await validatePdfA(fromLatin1(good.replace('<pdf:Producer>sesam-billing<', '<pdf:Producer>sesam-billinG<'))), 'SCOR_PDFA_INFO_MISMATCH', ['Info', 'Producer']);
    const titled = latin1(expectOk(await buildPdfA([makePng({ width: 300, height: 400, colourType: 0, bitDepth: 8, dpi: 150 })], { title: 'A & B <c>' })));
    expectOk(await validatePdfA(fromLatin1(titled)));
    expectIssue(await validatePdfA(fromLatin1(titled.replace('A &amp; B &lt;c&gt;', 'A &amp; B &lt;d&gt;'))), 'SCOR_PDFA_INFO_MISMATCH', ['Info', 'Title']);
  });

  test('LZW and JavaScript are forbidden', async () => {
    const doc = await PDFDocument.load(await ours(), { updateMetadata: false });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: 'app.alert(1)' }));
    doc.context.register(doc.context.stream('abc', { Filter: 'LZWDecode' }));
    const r = await validatePdfA(await doc.save({ useObjectStreams: false }));
    const found = r.issues.filter((i) => i.code === 'SCOR_PDFA_FORBIDDEN').map((i) => i.received);
    expect(found).toEqual(expect.arrayContaining(['action JavaScript', 'filtre LZWDecode']));
  });

  test('junk: empty, not a PDF, truncated, wrong type', async () => {
    expectIssue(await validatePdfA(new Uint8Array(0)), 'SCOR_PDFA_UNREADABLE', ['bytes']);
    expectIssue(await validatePdfA(jpegFixture('rgb-small')), 'SCOR_PDFA_UNREADABLE', ['bytes']);
    const good = await ours();
    expect((await validatePdfA(good.subarray(0, good.length / 2))).ok).toBe(false);
    expectIssue(await validatePdfA('%PDF-1.4' as never), 'INPUT_TYPE', ['bytes']);
  });
});

describe('properties', () => {
  fcTest.prop([fc.uint8Array({ maxLength: 2000 })], { numRuns: runs(100) })('random bytes never throw and never pass', async (bytes) => {
    const r = await validatePdfA(bytes);
    expect(r.ok).toBe(false);
  });

  let base: Uint8Array | undefined;
  fcTest.prop([fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 })], { numRuns: runs(40) })(
    'a document of ours with random bytes changed never throws',
    async (edits) => {
      base ??= await ours();
      const b = base.slice();
      for (const [at, v] of edits) b[at % b.length] = v;
      const r = await validatePdfA(b);
      expect(typeof r.ok).toBe('boolean');
    },
  );
});
