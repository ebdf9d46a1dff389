import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { secureFse } from '../../src/fse/secure';
import { needsJustificatif, SECURING_MODE_CODES, isSecuringMode } from '../../src/fse/securing';
import type { Fse } from '../../src/fse/model';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { createSoftwareSecurer } from './helpers/softwareSecurer';
import { baseDre, baseFse } from './fixtures';

const securer = createSoftwareSecurer();
const cps = { typeCarte: '0' as const, numeroSituation: 1 };

describe('secureFse', () => {
  it('signs the invoice B2 records through the Securer port', async () => {
    const r = expectOk(await secureFse(baseFse(), securer, { at: '2025-03-10T18:00:00Z' }));
    expect(r.payload.length % 128).toBe(0);
    expect(securer.verify(r.payload, r.securing.signature)).toBe(true);
    expect(securer.requests.at(-1)).toMatchObject({ kind: 'fse', reference: '1' });
    expectOk(await secureFse(baseDre(), securer, { at: '2025-03-10T18:00:00Z' }));
    expect(securer.requests.at(-1)?.kind).toBe('dre');
  });
  it('refuses a mode without its mandatory data, and a date before elaboration', async () => {
    const f: Fse = { ...baseFse(), securisation: { mode: 'F', cps, sourceDroits: '' as never } };
    expectIssue(await secureFse(f, securer, { at: '2025-03-10T18:00:00Z' }), 'FSE_SANS_VITALE_SOURCE_MISSING');
    expectIssue(await secureFse(baseFse(), securer, { at: '2025-03-01T18:00:00Z' }), 'FSE_SECURISATION_DATE');
  });
  it('secures a degraded FSE and warns that its justificatif is due', async () => {
    const f: Fse = { ...baseFse(), securisation: { mode: 'D', cps, motif: 'carte-absente', justificatif: { support: 'scor', statut: 'a-fournir' } } };
    const r = await secureFse(f, securer, { at: '2025-03-10T18:00:00Z' });
    expect(r.ok).toBe(true);
    expectIssue(r, 'FSE_DEGRADE_JUSTIFICATIF_PENDING');
    expect(needsJustificatif(f.securisation)).toBe(true);
  });
  it('takes the instant from { at }, else the securer clock; never from the machine (time-parameter convention)', async () => {
    const clocked = createSoftwareSecurer({ clock: () => '2025-03-10T19:30:00+01:00' });
    expect(expectOk(await secureFse(baseFse(), clocked)).securing.at).toBe('2025-03-10T19:30:00+01:00');
    expect(expectOk(await secureFse(baseFse(), clocked, { at: '2025-03-11T08:00:00+01:00' })).securing.at).toBe('2025-03-11T08:00:00+01:00');
    expectIssue(await secureFse(baseFse(), securer), 'INPUT_MISSING', ['options', 'at']);
    expectIssue(await secureFse(baseFse(), securer, { at: 20250310 } as never), 'INPUT_TYPE', ['options', 'at']);
    expectIssue(await secureFse(baseFse(), createSoftwareSecurer({ clock: () => 42 as never })), 'INPUT_TYPE', ['securer', 'clock']);
  });
  it('an apCV invoice is secured only with its renewed context, valid at the securing instant (#13)', async () => {
    const apcv = (extra: object): Fse => ({ ...baseFse(), securisation: { mode: 'F', cps, sourceDroits: 'apcv', referenceDroits: 'APCV-0001', ...extra } });
    const at = '2025-03-10T18:00:00+01:00';
    expectOk(await secureFse(apcv({ finValiditeDroits: '2025-03-10T18:05:00+01:00' }), securer, { at }));
    expectIssue(await secureFse(apcv({ finValiditeDroits: '2025-03-10T17:00:00Z' }), securer, { at }), 'FSE_APCV_CONTEXTE_EXPIRE', ['securisation', 'finValiditeDroits']);
    expectIssue(await secureFse(apcv({ finValiditeDroits: '2025-03-10T18:00:00+01:00' }), securer, { at }), 'FSE_APCV_CONTEXTE_EXPIRE');
    expectIssue(await secureFse(apcv({}), securer, { at }), 'FSE_APCV_CONTEXTE_EXPIRE');
    expectIssue(await secureFse(apcv({ finValiditeDroits: 'demain' }), securer, { at }), 'FSE_APCV_CONTEXTE_EXPIRE');
    const noRef: Fse = { ...baseFse(), securisation: { mode: 'F', cps, sourceDroits: 'apcv', finValiditeDroits: '2025-03-10T18:05:00+01:00' } };
    expectIssue(await secureFse(noRef, securer, { at }), 'FSE_APCV_CONTEXTE_EXPIRE');
    // Other mode F sources are not concerned.
    expectOk(await secureFse({ ...baseFse(), securisation: { mode: 'F', cps, sourceDroits: 'adri' } }, securer, { at }));
  });
  it('still accepts the deprecated positional at (0.2)', async () => {
    const r = expectOk(await secureFse(baseFse(), securer, '2025-03-10T18:00:00Z', {}));
    expect(r.securing.at).toBe('2025-03-10T18:00:00Z');
    expectIssue(await secureFse(baseFse(), securer, '2025-03-01T18:00:00Z'), 'FSE_SECURISATION_DATE');
  });
});

describe('properties', () => {
  test.prop([fc.string({ maxLength: 2 })])('isSecuringMode accepts exactly S, F, D', (s) => {
    expect(isSecuringMode(s)).toBe(SECURING_MODE_CODES.includes(s as never));
  });
});
