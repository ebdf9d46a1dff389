/**
 * The returns simulator writes what the public NOEMIE PS layout allows: a numeric n° émetteur
 * (000 / 999 positions 6-19, zero-padded) and a type destinataire from the code list (`TP`
 * « autres partenaires de santé »), and 990s that name the level they close.
 */
import { describe, expect, it } from 'vitest';
import type { PlainDate } from '../../src/core/date/index';
import { fromCentimes } from '../../src/core/money/index';
import type { LedgerStore } from '../../src/ledger/index';
import { createMemoryLedger } from '../../src/ledger/index';
import { parseNoemie } from '../../src/noemie/parseNoemie';
import { serializeNoemie } from '../../src/noemie/serializeNoemie';
import { buildSimulatedReturns } from '../../src/simulator/returns';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { nthCare, PS1 } from '../ledger/fixtures';
import { HEADER, sampleFile } from '../noemie/helpers';

/** Emitter / recipient types of the CdC NOEMIE PS (entités 000 and 999, positions 4-5 and 26-27). */
const TYPES = ['AN', 'BF', 'CC', 'CE', 'CF', 'CI', 'CM', 'CP', 'CR', 'CS', 'CT', 'EN', 'MA', 'OC', 'OT', 'PB', 'RM', 'RP', 'SE', 'SI', 'SM', 'SR', 'TE', 'TP'];

async function seeded(n: number): Promise<LedgerStore> {
  const ledger = createMemoryLedger({ clock: () => '2025-03-11T09:00:00.000Z' });
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const amo = fromCentimes(2000 + 100 * i);
    const d = nthCare(i + 60, { dateFacturation: '2025-03-10' as PlainDate, montants: { total: fromCentimes(amo.centimes + 1000), amo, amc: fromCentimes(900), patient: fromCentimes(100) } });
    ids.push(expectOk(await ledger.recordInvoice({ ...d, at: '2025-03-10T08:00:00.000Z' })).id);
  }
  const fileId = await ledger.allocateFileId();
  expectOk(await ledger.createLot({ ps: PS1, destinataire: '01751', kind: 'fse', invoiceIds: ids, fileId, at: '2025-03-10T18:00:00.000Z' }));
  expectOk(await ledger.markTransmitted({ fileId }, { at: '2025-03-10T18:05:00.000Z' }));
  return ledger;
}

describe('simulated NOEMIE return', () => {
  it('numeric n° émetteur, type destinataire TP, and a return that reads back without any issue', async () => {
    const sim = expectOk(await buildSimulatedReturns(await seeded(4), { ps: PS1, date: '2025-03-14' as PlainDate }));
    const { header, trailer } = sim.noemie;
    expect(header.numeroEmetteur).toMatch(/^\d{14}$/);
    expect(trailer.numeroEmetteur).toBe(header.numeroEmetteur);
    expect(TYPES).toContain(header.typeEmetteur);
    expect(TYPES).toContain(header.typeDestinataire);
    const text = Buffer.from(sim.noemieBytes).toString('latin1');
    expect(text.slice(5, 19)).toMatch(/^\d{14}$/);
    const r = parseNoemie(sim.noemieBytes);
    expect(r.issues).toEqual([]);
    expect(expectOk(r)).toEqual(sim.noemie);
  });
  it('a caisse n° émetteur that is not numeric is refused, not written', async () => {
    const r = await buildSimulatedReturns(await seeded(2), { ps: PS1, date: '2025-03-14' as PlainDate, caisse: { numeroEmetteur: '75 1' } });
    expectIssue(r, 'FW_NOT_NUMERIC', ['header', 'numeroEmetteur']);
  });
});

describe('the serializer refuses what the parser refuses (n° émetteur is numeric)', () => {
  it('a blank-padded or lettered n° émetteur in the 000 or the 999 is FW_NOT_NUMERIC', () => {
    const file = sampleFile();
    for (const bad of ['751           ', '  751', 'CPAM751']) {
      expectIssue(serializeNoemie({ ...file, header: { ...HEADER, numeroEmetteur: bad } }), 'FW_NOT_NUMERIC', ['header', 'numeroEmetteur']);
      expectIssue(serializeNoemie({ ...file, trailer: { ...file.trailer, numeroEmetteur: bad } }), 'FW_NOT_NUMERIC', ['trailer', 'numeroEmetteur']);
    }
    // And the parser refuses such bytes: blanks in positions 6-19 of the 000.
    const text = Buffer.from(expectOk(serializeNoemie(file))).toString('latin1');
    const blank = `${text.slice(0, 5)}751           ${text.slice(19)}`;
    expectIssue(parseNoemie(new Uint8Array(Buffer.from(blank, 'latin1'))), 'FW_NOT_NUMERIC', ['header', 'numeroEmetteur']);
  });
});
