/**
 * Attestation images through the real zxing-wasm decoder (its .wasm loaded from node_modules by
 * the Node adapter); images made with bwip-js, rasterised here for rotations, scales and noise;
 * a JPEG made by the system Chromium (skipped when /usr/bin/chromium is absent).
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDate } from '../../../src/core/date/index';
import type { DataMatrixDecoder } from '../../../src/adr/attestation/index';
import { createZxingDecoder, imageKind, readAttestationImage, serializeAttestationPayload } from '../../../src/adr/attestation/index';
import { createNodeZxingDecoder } from '../../../src/adr/attestation/node/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { attestationArb } from '../../arbitraries/attestation';
import { bwipPng, encodePng, matrixOf, render, symbolPng } from './images';

const att = { numeroAmc: '12345678', typeConvention: 'SP', critereSecondaireRoutage: '01', numeroAdherent: '000123456', periodeValidite: { debut: plainDate('2026-01-01'), fin: plainDate('2026-12-31') } };
const PAYLOAD = 'ATP1|12345678|SP|01|000123456|20260101|20261231';
const CHROMIUM = '/usr/bin/chromium';

let decoder: DataMatrixDecoder;
beforeAll(async () => {
  decoder = expectOk(await createNodeZxingDecoder());
}, 60_000);

describe('readAttestationImage (zxing-wasm)', () => {
  it('reads bwip-js PNGs of the modeled payload, with the validity at today', async () => {
    expect(expectOk(await readAttestationImage(await bwipPng(PAYLOAD), { decoder, today: plainDate('2026-06-01') }))).toEqual(att);
    expectIssue(await readAttestationImage(await bwipPng(PAYLOAD), { decoder, today: plainDate('2027-06-01') }), 'ATTESTATION_EXPIREE', ['periodeValidite', 'fin']);
  });

  it('reads rotated, scaled and noisy pictures', async () => {
    const variants: [string, Uint8Array][] = [
      ['module 2 px', symbolPng(PAYLOAD, { module: 2 })],
      ['module 9.5 px', symbolPng(PAYLOAD, { module: 9.5 })],
      ['rotated 90°', symbolPng(PAYLOAD, { angle: 90 })],
      ['rotated 180°', symbolPng(PAYLOAD, { angle: 180 })],
      ['rotated 17°', symbolPng(PAYLOAD, { angle: 17, module: 6 })],
      ['rotated -33°', symbolPng(PAYLOAD, { angle: -33, module: 6 })],
      ['3 % noise', symbolPng(PAYLOAD, { noise: 0.03, module: 5, seed: 7 })],
      ['12° and 2 % noise', symbolPng(PAYLOAD, { angle: 12, noise: 0.02, module: 6, seed: 3 })],
    ];
    for (const [name, png] of variants) {
      const r = await readAttestationImage(png, { decoder });
      expect(r.ok ? r.value : r.issues.map((i) => i.code), name).toEqual(att);
    }
  });

  it('reads a JPEG (encoded by Chromium)', async (ctx) => {
    if (!existsSync(CHROMIUM)) return ctx.skip();
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const png = Buffer.from(await bwipPng(PAYLOAD, 4)).toString('base64');
      // Runs in the page (DOM code as a string: the project's type-check has no DOM lib).
      const dataUrl = await page.evaluate<string>(`(async () => {
        const img = new Image();
        img.src = 'data:image/png;base64,${png}';
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        c.getContext('2d').drawImage(img, 0, 0);
        return c.toDataURL('image/jpeg', 0.7);
      })()`);
      const jpeg = new Uint8Array(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
      expect(imageKind(jpeg)).toBe('jpeg');
      expect(expectOk(await readAttestationImage(jpeg, { decoder }))).toEqual(att);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('no DataMatrix: a blank page, a QR code of the same payload', async () => {
    expectIssue(await readAttestationImage(encodePng(120, 80, new Uint8Array(120 * 80).fill(255)), { decoder }), 'ATTESTATION_IMAGE_NO_CODE', ['image']);
    expectIssue(await readAttestationImage(await bwipPng(PAYLOAD, 3, 'qrcode'), { decoder }), 'ATTESTATION_IMAGE_NO_CODE');
  });

  it('several different codes are refused; the same code twice is read once', async () => {
    const other = PAYLOAD.replace('000123456', '000999999');
    const two = (b: string): Uint8Array => encodePng(400, 200, render(400, 200, [{ matrix: matrixOf(PAYLOAD), cx: 100, cy: 100, module: 5 }, { matrix: matrixOf(b), cx: 300, cy: 100, module: 5 }]));
    expectIssue(await readAttestationImage(two(other), { decoder }), 'ATTESTATION_IMAGE_SEVERAL_CODES', ['image']);
    expect(expectOk(await readAttestationImage(two(PAYLOAD), { decoder }))).toEqual(att);
  });

  it('unreadable or foreign bytes', async () => {
    const png = await bwipPng(PAYLOAD);
    expectIssue(await readAttestationImage(png.subarray(0, 60), { decoder }), 'ATTESTATION_IMAGE_UNREADABLE', ['image']);
    expectIssue(await readAttestationImage(new TextEncoder().encode('%PDF-1.7 not an image'), { decoder }), 'ATTESTATION_IMAGE_FORMAT', ['image']);
    expectIssue(await readAttestationImage(new Uint8Array(0), { decoder }), 'ATTESTATION_IMAGE_FORMAT');
    expectIssue(await readAttestationImage(png, { decoder, maxBytes: 100 }), 'INPUT_TOO_LARGE', ['image']);
    expectIssue(await readAttestationImage('attestation.png', { decoder }), 'INPUT_TYPE', ['image']);
    expectIssue(await readAttestationImage(png, {} as never), 'INPUT_MISSING', ['options', 'decoder']);
  });

  it('a DataMatrix that is not an attestation is a payload issue', async () => {
    expectIssue(await readAttestationImage(await bwipPng('HELLO WORLD'), { decoder }), 'ATTESTATION_PAYLOAD_FORMAT');
  });

  it('a failing decoder (port) becomes a typed issue', async () => {
    const png = await bwipPng(PAYLOAD);
    const rejecting: DataMatrixDecoder = () => Promise.reject(new Error('wasm trap'));
    expectIssue(await readAttestationImage(png, { decoder: rejecting }), 'ATTESTATION_IMAGE_UNREADABLE');
    const damaged: DataMatrixDecoder = () => Promise.resolve([{ format: 'DataMatrix', text: '', isValid: false, error: 'ChecksumError' }]);
    expectIssue(await readAttestationImage(png, { decoder: damaged }), 'ATTESTATION_IMAGE_UNREADABLE');
    const junk = (() => Promise.resolve(42)) as unknown as DataMatrixDecoder;
    expectIssue(await readAttestationImage(png, { decoder: junk }), 'ATTESTATION_IMAGE_UNREADABLE');
  });
});

describe('decoder factories', () => {
  it('check their configuration and say I/O failures', async () => {
    expectIssue(createZxingDecoder(42 as never), 'INPUT_TYPE', ['config']);
    expectIssue(createZxingDecoder({ wasmBinary: 'zxing_reader.wasm' as never }), 'INPUT_TYPE', ['config', 'wasmBinary']);
    expectIssue(createZxingDecoder({ tryHarder: 'yes' as never }), 'INPUT_TYPE', ['config', 'tryHarder']);
    expectIssue(await createNodeZxingDecoder({ wasmPath: 7 as never }), 'INPUT_TYPE', ['options', 'wasmPath']);
    await expect(createNodeZxingDecoder({ wasmPath: '/nonexistent/zxing_reader.wasm' })).rejects.toMatchObject({ code: 'IO' });
  });

  it('a module that cannot load rejects the call, and readAttestationImage turns it into an issue', async () => {
    const broken = expectOk(createZxingDecoder({ wasmBinary: new Uint8Array([0, 97, 115, 109, 9, 9, 9, 9]) }));
    expectIssue(await readAttestationImage(await bwipPng(PAYLOAD), { decoder: broken }), 'ATTESTATION_IMAGE_UNREADABLE');
    // The shared module is configured again by the next decoder created.
    decoder = expectOk(await createNodeZxingDecoder());
    expect(expectOk(await readAttestationImage(await bwipPng(PAYLOAD), { decoder }))).toEqual(att);
  }, 60_000);

  test.prop([fc.anything()], { numRuns: runs(200) })('junk configuration never throws', (c) => {
    expect(() => createZxingDecoder(c as never)).not.toThrow();
  });
});

describe('properties', () => {
  test.prop([attestationArb, fc.constantFrom(0, 90, 180, 270, 8, -21), fc.constantFrom(3, 4.5, 7)], { numRuns: runs(30) })(
    'any valid attestation → DataMatrix image → decode → the same fields',
    async (a, angle, module) => {
      const payload = expectOk(serializeAttestationPayload(a));
      const png = symbolPng(payload, { angle, module });
      expect(expectOk(await readAttestationImage(png, { decoder }))).toEqual(a);
    },
  );

  const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  test.prop([fc.uint8Array({ maxLength: 2000 }), fc.boolean()], { numRuns: runs(60) })('random bytes never throw nor reject (real decoder)', async (bytes, sig) => {
    const image = sig ? new Uint8Array([...PNG_SIG, ...bytes]) : bytes;
    const r = await readAttestationImage(image, { decoder });
    expect(r.ok).toBe(false);
  });

  test.prop([fc.anything(), fc.anything()], { numRuns: runs(300) })('junk arguments never throw nor reject', async (image, options) => {
    await expect(readAttestationImage(image, options as never)).resolves.toHaveProperty('ok', false);
    expect(() => imageKind(image)).not.toThrow();
  });
});
