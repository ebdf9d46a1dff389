import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { plainDate } from '../../../src/core/date/index';
import { ok } from '../../../src/core/issues/index';
import type { AttestationPayloadCodec } from '../../../src/adr/attestation/index';
import { MODELED_ATTESTATION_CODEC, parseAttestationPayload, serializeAttestationPayload } from '../../../src/adr/attestation/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { attestationArb, code } from '../../arbitraries/attestation';

const att = { numeroAmc: '12345678', typeConvention: 'SP', critereSecondaireRoutage: '01', numeroAdherent: '000123456', periodeValidite: { debut: plainDate('2026-01-01'), fin: plainDate('2026-12-31') } };
const PAYLOAD = 'ATP1|12345678|SP|01|000123456|20260101|20261231';

describe('modeled payload codec (ATP1)', () => {
  it('writes and reads the modeled layout', () => {
    expect(expectOk(serializeAttestationPayload(att))).toBe(PAYLOAD);
    expect(expectOk(parseAttestationPayload(PAYLOAD))).toEqual(att);
    expect(expectOk(parseAttestationPayload('ATP1|12345678|SP||7|20260101|20261231'))).not.toHaveProperty('critereSecondaireRoutage');
  });

  it('is strict: one canonical text per attestation', () => {
    for (const p of ['ATP2|12345678|SP|01|1|20260101|20261231', 'ATP1|12345678|SP|01|1|20260101', 'ATP1|12345678|sp|01|1|20260101|20261231', 'ATP1|12345678|SP|01|1|2026-01-01|20261231', 'ATP1|12345678|SP|01|1|20260230|20261231', ' ATP1|12345678|SP|01|1|20260101|20261231', '']) {
      expectIssue(parseAttestationPayload(p), 'ATTESTATION_PAYLOAD_FORMAT');
    }
  });

  it('checks the validity at today and the period order', () => {
    expectIssue(parseAttestationPayload(PAYLOAD, { today: plainDate('2027-02-01') }), 'ATTESTATION_EXPIREE');
    expectIssue(parseAttestationPayload('ATP1|12345678|SP|01|1|20261231|20260101'), 'ATTESTATION_PERIODE_INVERSEE');
  });

  it('takes a replacement codec (the layout an AMC gives a vendor)', () => {
    const semicolons: AttestationPayloadCodec = {
      id: 'test ;',
      parse: (p) => {
        const [numeroAmc = '', typeConvention = '', numeroAdherent = '', debut = '', fin = ''] = p.split(';');
        return ok({ numeroAmc, typeConvention, numeroAdherent, validite: { debut: plainDate(debut), fin: plainDate(fin) } });
      },
      serialize: (a) => ok([a.numeroAmc, a.typeConvention, a.numeroAdherent, a.periodeValidite.debut, a.periodeValidite.fin].join(';')),
    };
    const { critereSecondaireRoutage: _, ...noCsr } = att;
    const text = expectOk(serializeAttestationPayload(noCsr, { codec: semicolons }));
    expect(text).toBe('12345678;SP;000123456;2026-01-01;2026-12-31');
    expect(expectOk(parseAttestationPayload(text, { codec: semicolons }))).toEqual(noCsr);
  });

  it('reports a throwing or lying codec, never throws', () => {
    const bad: AttestationPayloadCodec = { id: 'bad', parse: () => { throw new Error('boom'); }, serialize: () => 42 as never };
    expectIssue(parseAttestationPayload(PAYLOAD, { codec: bad }), 'ATTESTATION_PAYLOAD_FORMAT');
    expectIssue(serializeAttestationPayload(att, { codec: bad }), 'ATTESTATION_PAYLOAD_FORMAT');
    const liar: AttestationPayloadCodec = { id: 'liar', parse: () => ok({ numeroAmc: 'bad amc' } as never), serialize: () => ok('x') };
    expectIssue(parseAttestationPayload(PAYLOAD, { codec: liar }), 'INPUT_MISSING', ['typeConvention']);
    expectIssue(parseAttestationPayload(PAYLOAD, { codec: { id: 'x' } as never }), 'INPUT_MISSING', ['options', 'codec', 'parse']);
  });
});

describe('properties', () => {
  test.prop([attestationArb], { numRuns: runs(500) })('parse ∘ serialize = identity on valid attestations', (a) => {
    const text = expectOk(serializeAttestationPayload(a));
    expect(expectOk(parseAttestationPayload(text))).toEqual(a);
  });

  const payloadish = fc.oneof(
    fc.string(),
    fc.tuple(fc.constantFrom('ATP1', 'ATP0', ''), fc.array(fc.oneof(code(0, 16), fc.stringMatching(/^\d{8}$/), fc.string({ maxLength: 4 })), { maxLength: 8 })).map(([h, z]) => [h, ...z].join('|')),
    attestationArb.map((a) => expectOk(MODELED_ATTESTATION_CODEC.serialize(a))),
  );
  test.prop([payloadish], { numRuns: runs(1000) })('serialize ∘ parse = identity on every accepted payload', (p) => {
    const r = parseAttestationPayload(p);
    if (r.ok) expect(expectOk(serializeAttestationPayload(r.value))).toBe(p);
  });

  test.prop([fc.anything(), fc.anything()], { numRuns: runs(500) })('junk never throws', (v, o) => {
    expect(() => parseAttestationPayload(v, o as never)).not.toThrow();
    expect(() => serializeAttestationPayload(v, o as never)).not.toThrow();
    expect(() => MODELED_ATTESTATION_CODEC.parse(v as never)).not.toThrow();
    expect(() => MODELED_ATTESTATION_CODEC.serialize(v as never)).not.toThrow();
  });
});
