import { describe, expect, test } from 'vitest';
import { readScanFacts } from '../../src/scor/image/readScan';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { jpegFixture, makePng, withExif, withJfifDensity } from './images';

describe('readScanFacts', () => {
  test('JPEG: size, components, JFIF density in dpi and dots per cm', () => {
    const f = expectOk(readScanFacts(withJfifDensity(jpegFixture('rgb-baseline'), 300), []));
    expect(f).toMatchObject({ format: 'jpeg', width: 310, height: 440, colour: 'colour', density: { x: 300, y: 300, from: 'JFIF' } });
    const cm = expectOk(readScanFacts(withJfifDensity(jpegFixture('grey-baseline'), 60, 60, 2), []));
    expect(cm).toMatchObject({ colour: 'greyscale', density: { from: 'JFIF' } });
    expect(cm.density?.x).toBeCloseTo(152.4);
    expect(expectOk(readScanFacts(jpegFixture('rgb-progressive'), []))).toMatchObject({ progressive: true, width: 440, height: 310 });
    expect(expectOk(readScanFacts(jpegFixture('rgb-baseline'), [])).density).toBeUndefined();
  });

  test.each([true, false])('JPEG: Exif resolution (little endian %s), inch and centimetre units', (le) => {
    const f = expectOk(readScanFacts(withExif(jpegFixture('rgb-baseline'), 200, 200, 2, le), []));
    expect(f.density).toEqual({ x: 200, y: 200, from: 'Exif' });
    const cm = expectOk(readScanFacts(withExif(jpegFixture('rgb-baseline'), 80, 80, 3, le), []));
    expect(cm.density?.x).toBeCloseTo(203.2);
    // JFIF with a unit wins over Exif.
    expect(expectOk(readScanFacts(withExif(withJfifDensity(jpegFixture('rgb-baseline'), 300), 200, 200, 2, le), [])).density?.from).toBe('JFIF');
  });

  test('JPEG: 12-bit, arithmetic and lossless frames are refused', () => {
    const j = jpegFixture('rgb-small');
    const sof = Buffer.from(j).indexOf(Buffer.from([0xff, 0xc0]));
    const twelve = j.slice();
    twelve[sof + 4] = 12;
    expectIssue(readScanFacts(twelve, ['p']), 'SCOR_IMAGE_UNSUPPORTED', ['p']);
    for (const marker of [0xc3, 0xc9]) {
      const other = j.slice();
      other[sof + 1] = marker;
      expectIssue(readScanFacts(other, []), 'SCOR_IMAGE_UNSUPPORTED');
    }
    const noHeight = j.slice();
    noHeight[sof + 5] = 0;
    noHeight[sof + 6] = 0;
    expectIssue(readScanFacts(noHeight, []), 'SCOR_IMAGE_DIMENSIONS');
  });

  test('PNG: colour types, pHYs, palette greyness, transparency', () => {
    expect(expectOk(readScanFacts(makePng({ width: 10, height: 20, colourType: 0, bitDepth: 1, dpi: 300 }), []))).toMatchObject({ colour: 'bilevel', width: 10, height: 20 });
    expect(expectOk(readScanFacts(makePng({ width: 10, height: 20, colourType: 0, bitDepth: 1, dpi: 300 }), [])).density?.x).toBeCloseTo(300, 0);
    expect(expectOk(readScanFacts(makePng({ width: 10, height: 20, colourType: 2, bitDepth: 8 }), []))).toMatchObject({ colour: 'colour' });
    expect(expectOk(readScanFacts(makePng({ width: 10, height: 20, colourType: 6, bitDepth: 8 }), []))).toMatchObject({ transparency: 'alpha' });
    expect(expectOk(readScanFacts(makePng({ width: 10, height: 20, colourType: 0, bitDepth: 8, trns: true }), []))).toMatchObject({ transparency: 'tRNS' });
  });

  test('junk: other formats named, PNG without IEND or with a bad CRC', () => {
    expect(expectIssue(readScanFacts(new TextEncoder().encode('GIF89a......'), []), 'SCOR_IMAGE_FORMAT').received).toBe('GIF');
    expect(expectIssue(readScanFacts(new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), []), 'SCOR_IMAGE_FORMAT').received).toBe('TIFF');
    expectIssue(readScanFacts(new Uint8Array([0xff, 0xd8]), []), 'SCOR_IMAGE_TRUNCATED');
    expectIssue(readScanFacts(new Uint8Array([0x89, 0x50, 0x4e]), []), 'SCOR_IMAGE_TRUNCATED');
    const png = makePng({ width: 10, height: 10, colourType: 0, bitDepth: 8 });
    expectIssue(readScanFacts(png.subarray(0, png.length - 12), []), 'SCOR_IMAGE_TRUNCATED');
  });
});
