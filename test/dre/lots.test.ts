/**
 * DRE lots per AMC through the ledger port (a real memory ledger; the SQLite ledger runs the
 * same engine and has its own contract tests), the pure plan, and B2 files of DRE lots.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { euros } from '../../src/core/money/index';
import { plainDate } from '../../src/core/date/index';
import { buildDreFromFse } from '../../src/dre/build';
import { buildDreB2File, dreB2FactureOf } from '../../src/dre/b2';
import { numberAndLotDres, planDreLots } from '../../src/dre/lots';
import type { Dre } from '../../src/dre/model';
import { parseB2File } from '../../src/fse/b2/parse';
import { serializeB2File } from '../../src/fse/b2/serialize';
import { createMemoryLedger } from '../../src/ledger/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { ANNUAIRE, ATTESTATION, fseWithAmc, GARANTIE } from './fixtures';

const EMITTER = { dateCreation: plainDate('2025-03-10'), marquage: 'T' as const, numeroAgrement: 'AGR-TEST-01' };
const AMCS = ['11111111', '22222222', '33333333'];

/** A DRE on day `day` routed to AMC `amc` (via the Annuaire), AMC part `amounts`, guaranteed `garanti` centimes. */
function dreOn(day: number, amc: string, amounts: readonly number[] = [900], garanti = 900): Dre {
  const routing = { ...ATTESTATION, numeroAmc: amc, annuaire: { ...ANNUAIRE, numeroAmc: amc, destinataire: amc } };
  return expectOk(buildDreFromFse(fseWithAmc(amounts, day), routing, { guarantee: { ...GARANTIE, montantGaranti: { centimes: garanti } } }));
}

const ledger = () => createMemoryLedger({ clock: () => '2025-03-10T12:00:00Z' });

describe('lots per AMC', () => {
  it('plans one file per AMC, lots of at most maxPerLot, in first-seen order', () => {
    const dres = [dreOn(1, AMCS[0]!), dreOn(2, AMCS[1]!), dreOn(3, AMCS[0]!), dreOn(4, AMCS[0]!)];
    const plan = expectOk(planDreLots(dres, { maxPerLot: 2 }));
    expect(plan.map((f) => [f.destinataire, f.lots.map((l) => l.length)])).toEqual([[AMCS[0], [2, 1]], [AMCS[1], [1]]]);
    expect(plan[0]!.lots[0]).toEqual([dres[0], dres[2]]);
  });

  it('numbers through the ledger: DRE files per AMC, the guarantee kept, the ledger expecting the capped amount', async () => {
    const store = ledger();
    const dres = [dreOn(1, AMCS[0]!, [900], 650), dreOn(2, AMCS[1]!), dreOn(3, AMCS[0]!)];
    const r = expectOk(await numberAndLotDres(store, dres, { maxPerLot: 10 }));
    expect(r.rejected).toEqual([]);
    expect(r.files.filter((f) => f.kind === 'fse')).toHaveLength(1);
    expect(r.dreFiles.map((f) => [f.destinataire, f.lots.map((l) => l.documents.length)])).toEqual([[AMCS[0], [2]], [AMCS[1], [1]]]);
    const first = r.dreFiles[0]!.lots[0]!.documents[0]!;
    expect(first.garantie).toEqual({ id: 'CLC-TEST-0001', montantGaranti: euros('6.50') });
    expect(first.fse.identification.numeroFacture).toBe(r.numbered[0]!.invoice.numero);
    const invoice = await store.getInvoice(r.numbered[0]!.invoice.id);
    expect(invoice?.montants.amc).toEqual(euros('6.50'));
    expect(invoice?.montants.patient.centimes).toBe(invoice!.montants.total.centimes - invoice!.montants.amo.centimes - 650);
  });

  it('lots the DRE of an FSE without Vitale AMC data (routed by the attestation and the Annuaire)', async () => {
    const { amc: _, ...noAmc } = fseWithAmc([900], 1);
    const routing = { ...ATTESTATION, numeroAmc: AMCS[1]!, annuaire: { ...ANNUAIRE, numeroAmc: AMCS[1]!, destinataire: AMCS[1]! } };
    const d = expectOk(buildDreFromFse(noAmc as never, routing, { guarantee: GARANTIE }));
    const r = expectOk(await numberAndLotDres(ledger(), [d]));
    expect(r.dreFiles.map((f) => f.destinataire)).toEqual([AMCS[1]]);
  });

  it('refuses a duplicate invoice and malformed arguments with issues', async () => {
    const store = ledger();
    expectOk(await numberAndLotDres(store, [dreOn(1, AMCS[0]!)]));
    const again = expectOk(await numberAndLotDres(store, [dreOn(1, AMCS[0]!)]));
    expect(again.rejected[0]?.issues.map((i) => i.code)).toContain('LEDGER_DUPLICATE');
    expectIssue(await numberAndLotDres(store, 'x' as never), 'INPUT_TYPE', ['dres']);
    expectIssue(planDreLots([dreOn(1, AMCS[0]!)], { maxPerLot: 0 }), 'INPUT_RANGE', ['options', 'maxPerLot']);
  });
});

describe('B2 files of DRE lots', () => {
  it('round-trips, addressed to the AMC, the type 4 and 5 carrying the capped AMC amounts', async () => {
    const store = ledger();
    const r = expectOk(await numberAndLotDres(store, [dreOn(1, AMCS[0]!, [600, 300], 450), dreOn(2, AMCS[0]!)], { maxPerLot: 10 }));
    const file = expectOk(buildDreB2File(r.dreFiles[0]!, EMITTER));
    expect(file.debut).toMatchObject({ typeDestinataire: 'OC', numeroDestinataire: AMCS[0] });
    const [capped, whole] = file.lots[0]!.factures;
    expect(capped!.amc?.numeroOrganismeComplementaire).toBe('00' + AMCS[0]);
    expect(capped!.lignes.map((l) => l.prestation.montantRemboursableAmc)).toEqual([euros('3.00'), euros('1.50')]);
    expect(capped!.total.totalRemboursableAmc).toEqual(euros('4.50'));
    expect(whole!.total.totalRemboursableAmc).toEqual(euros('9.00'));
    expect(expectOk(parseB2File(expectOk(serializeB2File(file))))).toEqual(file);
  });

  it('refuses an FSE file or a non-DRE document', async () => {
    const r = expectOk(await numberAndLotDres(ledger(), [dreOn(1, AMCS[0]!)]));
    expectIssue(buildDreB2File(r.files.find((f) => f.kind === 'fse') as never, EMITTER), 'INPUT_ENUM', ['file', 'kind']);
    expectIssue(dreB2FactureOf(r.numbered[0]!.fse as never), 'INPUT_ENUM', ['kind']);
    expectOk(dreB2FactureOf(r.numbered[0]!.dre as Dre));
  });
});

describe('properties', () => {
  test.prop([fc.array(fc.constantFrom(...AMCS), { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 5 })], { numRuns: runs(30) })(
    'the ledger lots DREs exactly as planDreLots plans them (per AMC, maxPerLot, order)',
    async (amcs, maxPerLot) => {
      const dres = amcs.map((amc, k) => dreOn(k + 1, amc));
      const plan = expectOk(planDreLots(dres, { maxPerLot }));
      const r = expectOk(await numberAndLotDres(ledger(), dres, { maxPerLot }));
      const numero = (d: Dre): number | undefined => d.fse.identification.numeroFacture;
      const byDay = (d: Dre): string => d.fse.lignes[0]!.date;
      expect(r.dreFiles.map((f) => ({ d: f.destinataire, lots: f.lots.map((l) => l.documents.map(byDay)) }))).toEqual(
        plan.map((f) => ({ d: f.destinataire, lots: f.lots.map((l) => l.map(byDay)) })),
      );
      expect(r.dreFiles.flatMap((f) => f.lots.flatMap((l) => l.documents)).every((d) => numero(d) !== undefined)).toBe(true);
    },
  );

  test.prop([fc.array(fc.tuple(fc.constantFrom(...AMCS), fc.integer({ min: 0, max: 1200 })), { minLength: 1, maxLength: 10 })], { numRuns: runs(20) })(
    'the type 5 AMC totals of the DRE files add up to the guaranteed parts',
    async (day) => {
      const dres = day.map(([amc, garanti], k) => dreOn(k + 1, amc, [900], garanti));
      const r = expectOk(await numberAndLotDres(ledger(), dres, { maxPerLot: 4 }));
      const files = r.dreFiles.map((f) => expectOk(buildDreB2File(f, EMITTER)));
      const total = files.flatMap((f) => f.lots.flatMap((l) => l.factures)).reduce((a, f) => a + (f.total.totalRemboursableAmc?.centimes ?? 0), 0);
      expect(total).toBe(day.reduce((a, [, g]) => a + Math.min(900, g), 0));
    },
  );
});
