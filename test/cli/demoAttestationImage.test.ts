/**
 * The demo's attestation picture (data/demo, made once by scripts/make-demo-attestation.mts) read
 * through the library's DataMatrix reader (zxing-wasm), with the text form as fallback.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAttestationImageReader, DEMO_ATTESTATION_IMAGE, readAttestationFromImage } from '../../src/cli/demo/attestation';
import { plainDate } from '../../src/core/date/index';

describe('demo attestation image', () => {
  it('reads the 5 fields of the shipped PNG; falls back to the text when the picture is not readable', async () => {
    const png = new Uint8Array(readFileSync(new URL(`../../data/${DEMO_ATTESTATION_IMAGE}`, import.meta.url)));
    const reader = await createAttestationImageReader({ today: plainDate('2025-03-10') });
    if (!reader.ok) throw new Error(reader.reason);
    const lue = await readAttestationFromImage({ image: png }, reader.value);
    expect(lue).toMatchObject({ ok: true, support: 'image', value: { numeroAmc: '99999990', typeConvention: 'TP', critereSecondaireRoutage: 'A1', numeroAdherent: '10000001', periodeValidite: { debut: '2024-01-01', fin: '2030-12-31' } } });
    const text = 'N° AMC : 99999990\nType de convention : TP\nN° adhérent : 10000001';
    expect(await readAttestationFromImage({ image: new Uint8Array([1, 2, 3]), text }, reader.value)).toMatchObject({ ok: true, support: 'texte' });
    expect(await readAttestationFromImage({ image: new Uint8Array([1, 2, 3]) }, reader.value)).toMatchObject({ ok: false });
  }, 120_000);
});
