/**
 * Issue #10 item 2: "returns applied to the wrong practitioner". Two PS share one ledger and both
 * have invoices n° 1 and 2. A NOEMIE return addressed to PS B (reject on its invoice 1, €1.39
 * paid on its invoice 2) must never touch PS A's invoices, even when the caller names PS A; a
 * return that matched nothing is not recorded; a recorded return is re-applied only on request,
 * audited, with an idempotent effect. Memory and SQLite ledgers (real temp files).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import { fromCentimes } from '../../../src/core/money/index';
import { unwrap } from '../../../src/core/index';
import type { LedgerInvoice, LedgerStore } from '../../../src/ledger/index';
import { createMemoryLedger, formatInvoiceNumber, formatLotNumber } from '../../../src/ledger/index';
import { buildNoemieFile } from '../../../src/noemie/buildNoemieFile';
import type { NoemieEntity, NoemieFile } from '../../../src/noemie/types';
import { formatNoemieSourceId, reconcile } from '../../../src/returns/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { nthCare, PS1, PS2 } from '../../ledger/fixtures';
import { LEDGERS } from './setup';
import { runs } from '../../helpers/runs';

const DATE = '2025-03-14' as PlainDate;
const PS_A = PS1;
const PS_B = PS2;

/** Records `n` invoices for a PS (numbers 1…n), lots them (lot 1) and marks them transmitted. */
async function transmittedFor(ledger: LedgerStore, ps: string, n: number): Promise<LedgerInvoice[]> {
  const invoices: LedgerInvoice[] = [];
  for (let k = 0; k < n; k++) invoices.push(expectOk(await ledger.recordInvoice({ ...nthCare(k + (ps === PS_A ? 0 : 40), { ps }), at: '2025-03-10T08:00:00.000Z' })));
  const lot = expectOk(await ledger.createLot({ ps, destinataire: '01751', kind: 'fse', invoiceIds: invoices.map((i) => i.id), at: '2025-03-10T18:00:00.000Z' }));
  expectOk(await ledger.markTransmitted({ lotIds: [lot.id] }, { at: '2025-03-10T18:05:00.000Z' }));
  return invoices;
}

type Line = { numero: number; demande: number; paye: number; etat: 'P' | 'R'; dateFacturation?: PlainDate; lot?: number };

/** A NOEMIE return addressed to `ps` (000 n° destinataire) with one 102 + 198 (+ 294) per line. */
function returnTo(ps: string, lines: readonly Line[], id = 'B00001'): NoemieFile {
  const entities: NoemieEntity[] = [
    { entity: '040', niveauRupture: '02', numeroDestinataireReglement: ps },
    { entity: '071', niveauRupture: '02', dateComptable: DATE, libelleVirement1: 'CPAM TEST', libelleVirement2: '', organismePayeur: 'CPAM751' },
    { entity: '080', niveauRupture: '03', dateConstitution: '2025-03-10' as PlainDate, numeroLot: formatLotNumber(1) },
  ];
  for (const l of lines) {
    entities.push({ entity: '102', niveauRupture: '04', numeroFacture: formatInvoiceNumber(l.numero), complementNumeroFacture: '', numeroLot: formatLotNumber(l.lot ?? 1), typeFacture: 'F', traitementPartAmc: '', natureAssurance: 'AS', ...(l.dateFacturation ? { dateFacturation: l.dateFacturation } : {}) });
    entities.push({ entity: '198', niveauRupture: '05', montantDemande: fromCentimes(l.demande), etat: l.etat, montantPaye: fromCentimes(l.paye) });
    if (l.etat === 'R') entities.push({ entity: '294', niveauRupture: '05', codeRejet: 'MOD2', libelle: 'DROITS', niveauRejet: 'F', partRejet: 'O', naturePrestation: '', numeroExecutant: '000000001', informationComplementaire: '' });
  }
  const header = { entity: '000' as const, typeEmetteur: 'CP', numeroEmetteur: '751', programmeEmetteur: '', typeDestinataire: 'PS', numeroDestinataire: ps, programmeDestinataire: '', applicationTypeEchange: '', identificationFichier: id, dateCreation: DATE, reference: '0580', version: '01', compactage: '', cryptage: 'N', uniteMonetaire: 'U', typeFlux: 'D', longueurEnregistrement: 128, motDePasse: '', zoneMessage: '' };
  return unwrap(buildNoemieFile({ header, entities }));
}

/** The issue's return: PS B's invoice 1 rejected, €1.39 paid on its invoice 2. */
const RETURN_FOR_B = (): NoemieFile => returnTo(PS_B, [{ numero: 1, demande: 2000, paye: 0, etat: 'R' }, { numero: 2, demande: 2000, paye: 139, etat: 'P' }]);

const states = async (ledger: LedgerStore, ps: string): Promise<string[]> => (await ledger.listInvoices({ ps })).map((i) => `${i.numero}:${i.parts.amo.state}:${i.parts.amo.paid.centimes}`);

for (const { name, open } of LEDGERS) {
  describe(`reconcile: the return's addressee and matching (${name} ledger)`, () => {
    let ledger: LedgerStore;
    let close: () => Promise<void>;
    beforeEach(async () => ({ ledger, close } = await open()));
    afterEach(async () => close());

    it('refuses a return addressed to PS B when reconciling PS A: nothing applied, nothing recorded', async () => {
      await transmittedFor(ledger, PS_A, 2);
      await transmittedFor(ledger, PS_B, 2);
      const file = RETURN_FOR_B();
      const r = await reconcile({ noemie: [file] }, ledger, { ps: PS_A });
      const wrong = expectIssue(r, 'RECONCILE_WRONG_ADDRESSEE', ['noemie', 0, 'header', 'numeroDestinataire']);
      expect(wrong).toMatchObject({ severity: 'error', expected: PS_A, received: PS_B });
      expect(r.ok).toBe(false);
      expect(await states(ledger, PS_A)).toEqual(['1:transmise:0', '2:transmise:0']);
      expect(await states(ledger, PS_B)).toEqual(['1:transmise:0', '2:transmise:0']);
      expect(await ledger.hasProcessedReturn(formatNoemieSourceId(file))).toBe(false);
      // PS B still gets it: by its own number, or by the header's addressee.
      const forB = unwrap(await reconcile({ noemie: [file] }, ledger, { ps: PS_B }));
      expect(forB.sources[0]).toMatchObject({ recorded: true, alreadyProcessed: false, eventsApplied: 2 });
      expect(await states(ledger, PS_B)).toEqual(['1:rejetee:0', '2:partiellement_payee:139']);
      expect(await states(ledger, PS_A)).toEqual(['1:transmise:0', '2:transmise:0']);
    });

    it('without an explicit PS, follows the 000 n° destinataire (spaces and left zeros ignored when one is given)', async () => {
      await transmittedFor(ledger, PS_A, 2);
      await transmittedFor(ledger, PS_B, 2);
      unwrap(await reconcile({ noemie: [RETURN_FOR_B()] }, ledger));
      expect(await states(ledger, PS_B)).toEqual(['1:rejetee:0', '2:partiellement_payee:139']);
      expect(await states(ledger, PS_A)).toEqual(['1:transmise:0', '2:transmise:0']);
      const padded = returnTo(`00${PS_A}`, [{ numero: 1, demande: 2000, paye: 2000, etat: 'P' }], 'A00001');
      unwrap(await reconcile({ noemie: [padded] }, ledger, { ps: `${PS_A.slice(0, 3)} ${PS_A.slice(3)}` }));
      expect(await states(ledger, PS_A)).toEqual(['1:payee:2000', '2:transmise:0']);
    });

    it('does not match an invoice of the same number whose date of invoicing differs', async () => {
      await transmittedFor(ledger, PS_A, 1);
      const file = returnTo(PS_A, [{ numero: 1, demande: 2000, paye: 2000, etat: 'P', dateFacturation: '2024-12-31' as PlainDate }]);
      const r = unwrap(await reconcile({ noemie: [file] }, ledger, { ps: PS_A }));
      expect(r.invoices[0]).toMatchObject({ status: 'inconnue', parts: [{ applied: false }] });
      expect(r.invoices[0]!.invoiceId).toBeUndefined();
      expectIssue(r.differences, 'RECONCILE_LOT_MISMATCH', ['noemie', 0, 'entities']);
      expect(await states(ledger, PS_A)).toEqual(['1:transmise:0']);
    });

    it('matches a return naming the invoice’s DRE lot (an OCT pays the AMC part of its own lot), not only its FSE lot', async () => {
      // The invoice's FSE lot and DRE lot have different numbers (one lot counter per PS).
      const other = expectOk(await ledger.recordInvoice({ ...nthCare(90, { ps: PS_A }), amc: { destinataire: 'AMC77', tiersPayant: true }, at: '2025-03-10T08:00:00.000Z' }));
      expectOk(await ledger.createLot({ ps: PS_A, destinataire: 'AMC77', kind: 'dre', invoiceIds: [other.id], at: '2025-03-10T09:00:00.000Z' }));
      const inv = expectOk(await ledger.recordInvoice({ ...nthCare(91, { ps: PS_A }), amc: { destinataire: 'AMC77', tiersPayant: true }, at: '2025-03-10T08:00:00.000Z' }));
      const fse = expectOk(await ledger.createLot({ ps: PS_A, destinataire: '01751', kind: 'fse', invoiceIds: [other.id, inv.id], at: '2025-03-10T18:00:00.000Z' }));
      const dre = expectOk(await ledger.createLot({ ps: PS_A, destinataire: 'AMC77', kind: 'dre', invoiceIds: [inv.id], at: '2025-03-10T18:00:00.000Z' }));
      expect(dre.numero).not.toBe(fse.numero);
      const file = returnTo(PS_A, [{ numero: inv.numero, demande: 2000, paye: 2000, etat: 'P', lot: dre.numero }]);
      const r = unwrap(await reconcile({ noemie: [file] }, ledger, { ps: PS_A }));
      expect(r.invoices[0]!.invoiceId).toBe(inv.id);
      expect(r.differences.filter((d) => d.code === 'RECONCILE_LOT_MISMATCH')).toEqual([]);
      // A lot the invoice is in neither way is still refused.
      const stray = returnTo(PS_A, [{ numero: inv.numero, demande: 2000, paye: 2000, etat: 'P', lot: 7 }], 'C00001');
      expectIssue(unwrap(await reconcile({ noemie: [stray] }, ledger, { ps: PS_A })).differences, 'RECONCILE_LOT_MISMATCH', ['noemie', 0, 'entities']);
    });

    it('does not record a return that matched nothing; it applies when read once the invoices exist', async () => {
      const file = RETURN_FOR_B();
      const first = unwrap(await reconcile({ noemie: [file] }, ledger));
      expect(first.sources[0]).toMatchObject({ recorded: false, alreadyProcessed: false, eventsApplied: 0 });
      expectIssue(first.differences, 'RECONCILE_NOT_RECORDED', ['noemie', 0]);
      expect(await ledger.hasProcessedReturn(formatNoemieSourceId(file))).toBe(false);
      await transmittedFor(ledger, PS_B, 2);
      const second = unwrap(await reconcile({ noemie: [file] }, ledger));
      expect(second.sources[0]).toMatchObject({ recorded: true, eventsApplied: 2 });
    });

    it('lists recorded returns and re-applies one on request: audited, idempotent', async () => {
      await transmittedFor(ledger, PS_B, 1);
      const file = returnTo(PS_B, [{ numero: 1, demande: 2000, paye: 2000, etat: 'P' }, { numero: 2, demande: 2000, paye: 139, etat: 'P', lot: 2 }]);
      const sourceId = formatNoemieSourceId(file);
      unwrap(await reconcile({ noemie: [file] }, ledger, { ps: PS_B, at: '2025-03-14T10:00:00.000Z' }));
      expect(await ledger.listProcessedReturns()).toEqual([{ sourceId, at: '2025-03-14T10:00:00.000Z', historyEntries: 1, audits: 0 }]);
      // Invoice 2 is recorded afterwards (another workstation); a plain second read changes nothing.
      const inv2 = expectOk(await ledger.recordInvoice({ ...nthCare(77, { ps: PS_B }), at: '2025-03-10T08:00:00.000Z' }));
      const lot2 = expectOk(await ledger.createLot({ ps: PS_B, destinataire: '01751', kind: 'fse', invoiceIds: [inv2.id], at: '2025-03-10T18:00:00.000Z' }));
      expect(lot2.numero).toBe(2);
      expectOk(await ledger.markTransmitted({ lotIds: [lot2.id] }, { at: '2025-03-10T18:10:00.000Z' }));
      const plain = unwrap(await reconcile({ noemie: [file] }, ledger, { ps: PS_B }));
      expect(plain.sources[0]).toMatchObject({ alreadyProcessed: true, eventsApplied: 0 });
      expect(await states(ledger, PS_B)).toEqual(['1:payee:2000', '2:transmise:0']);
      const reapply = { sourceIds: [sourceId], by: 'dr-b', reason: 'facture 2 saisie sur un autre poste' };
      const once = unwrap(await reconcile({ noemie: [file] }, ledger, { ps: PS_B, reapply, at: '2025-03-15T09:00:00.000Z' }));
      expect(once.sources[0]).toMatchObject({ alreadyProcessed: true, recorded: true, eventsApplied: 1, audit: { seq: 1, by: 'dr-b', reason: reapply.reason, at: '2025-03-15T09:00:00.000Z', applied: 1, skipped: 1 } });
      expect(await states(ledger, PS_B)).toEqual(['1:payee:2000', '2:partiellement_payee:139']);
      const twice = unwrap(await reconcile({ noemie: [file] }, ledger, { ps: PS_B, reapply }));
      expect(twice.sources[0]).toMatchObject({ eventsApplied: 0, audit: { seq: 2, applied: 0, skipped: 2 } });
      expect(await states(ledger, PS_B)).toEqual(['1:payee:2000', '2:partiellement_payee:139']);
      expect((await ledger.listReturnAudits(sourceId)).map((a) => [a.by, a.applied, a.skipped])).toEqual([['dr-b', 1, 1], ['dr-b', 0, 2]]);
    });
  });
}

describe('properties', () => {
  const psArb = fc.stringMatching(/^[1-9]\d{8}$/);
  test.prop([psArb, psArb, fc.boolean()], { numRuns: runs(60) })('a file is refused, and left unrecorded, exactly when its addressee is another PS', async (a, b, same) => {
    const ledger = createMemoryLedger({ clock: () => '2025-03-14T10:00:00.000Z' });
    try {
      const addressee = same ? `00${a}` : b;
      const file = returnTo(addressee, [{ numero: 1, demande: 2000, paye: 2000, etat: 'P' }]);
      const r = await reconcile({ noemie: [file] }, ledger, { ps: `${a.slice(0, 2)} ${a.slice(2)}` });
      const refused = r.issues.some((i) => i.code === 'RECONCILE_WRONG_ADDRESSEE');
      expect(refused).toBe(!same && a !== b);
      expect(r.ok).toBe(!refused);
      expect(await ledger.hasProcessedReturn(formatNoemieSourceId(file))).toBe(false);
    } finally {
      await ledger.close();
    }
  });
});
