import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import { multiplyFraction, sum, ZERO } from '../../../src/core/money/index';
import { unwrap } from '../../../src/core/index';
import type { LedgerStore } from '../../../src/ledger/index';
import { formatInvoiceNumber, formatLotNumber } from '../../../src/ledger/index';
import { buildNoemieFile } from '../../../src/noemie/buildNoemieFile';
import type { NoemieEntity, NoemieFile } from '../../../src/noemie/types';
import { reconcile } from '../../../src/returns/reconcile/index';
import { LEDGERS, PS1, seedTransmitted } from './setup';

type Outcome = 'P' | 'partial' | 'R' | 'D' | '' | 'unknown' | 'silent';
const outcomeArb = fc.constantFrom<Outcome>('P', 'partial', 'R', 'D', '', 'unknown', 'silent');
const DATE = '2025-03-14' as PlainDate;

async function returnFor(ledger: LedgerStore, outcomes: readonly Outcome[]): Promise<NoemieFile> {
  const invoices = await ledger.listInvoices({ ps: PS1 });
  const entities: NoemieEntity[] = [
    { entity: '040', niveauRupture: '02', numeroDestinataireReglement: PS1 },
    { entity: '071', niveauRupture: '02', dateComptable: DATE, libelleVirement1: 'CPAM TEST', libelleVirement2: '', organismePayeur: 'CPAM751' },
    { entity: '080', niveauRupture: '03', dateConstitution: '2025-03-10' as PlainDate, numeroLot: formatLotNumber(1) },
  ];
  invoices.forEach((inv, i) => {
    const o = outcomes[i] ?? 'silent';
    if (o === 'silent') return;
    const numero = o === 'unknown' ? 900_000 + i : inv.numero;
    const amo = inv.parts.amo.expected;
    entities.push({ entity: '102', niveauRupture: '04', numeroFacture: formatInvoiceNumber(numero), complementNumeroFacture: '', numeroLot: formatLotNumber(1), typeFacture: 'F', traitementPartAmc: '', natureAssurance: 'AS' });
    const etat = o === 'partial' || o === 'unknown' ? 'P' : o;
    const paye = o === 'partial' ? multiplyFraction(amo, 1, 3, 'down') : etat === 'P' ? amo : ZERO;
    entities.push({ entity: '198', niveauRupture: '05', montantDemande: amo, etat, montantPaye: paye });
    if (o === 'R') entities.push({ entity: '294', niveauRupture: '05', codeRejet: 'MOD2', libelle: 'DROITS', niveauRejet: 'F', partRejet: 'O', naturePrestation: '', numeroExecutant: '000000001', informationComplementaire: '' });
  });
  const header = { entity: '000' as const, typeEmetteur: 'CP', numeroEmetteur: '751', programmeEmetteur: '', typeDestinataire: 'PS', numeroDestinataire: PS1, programmeDestinataire: '', applicationTypeEchange: '', identificationFichier: 'P00001', dateCreation: DATE, reference: '0580', version: '01', compactage: '', cryptage: 'N', uniteMonetaire: 'U', typeFlux: 'D', longueurEnregistrement: 128, motDePasse: '', zoneMessage: '' };
  return unwrap(buildNoemieFile({ header, entities }));
}

describe('properties', () => {
  for (const { name, open } of LEDGERS) {
    test.prop([fc.array(outcomeArb, { minLength: 1, maxLength: 6 })], { numRuns: name === 'memory' ? 40 : 8 })(`${name}: apply twice = apply once; recorded iff matched; every invoice once; conservation`, async (outcomes) => {
      const { ledger, close } = await open();
      try {
        await seedTransmitted(ledger, outcomes.length);
        const file = await returnFor(ledger, outcomes);
        const first = unwrap(await reconcile({ noemie: [file] }, ledger, { ps: PS1 }));
        const after1 = await ledger.listInvoices({ ps: PS1 });
        const second = unwrap(await reconcile({ noemie: [file] }, ledger, { ps: PS1 }));
        expect(await ledger.listInvoices({ ps: PS1 })).toEqual(after1);
        // Recorded (and so a no-op the second time) exactly when at least one invoice matched the ledger.
        const matchedAny = outcomes.some((o) => o !== 'silent' && o !== 'unknown');
        expect(first.sources[0]!.recorded).toBe(matchedAny);
        expect(second.sources[0]!.alreadyProcessed).toBe(matchedAny);
        // Every input invoice appears exactly once, in exactly one status view.
        const expectedCount = outcomes.filter((o) => o !== 'silent').length;
        for (const r of [first, second]) {
          expect(r.invoices).toHaveLength(expectedCount);
          expect(r.matched.length + r.partiallyPaid.length + r.rejected.length + r.pending.length + r.unknown.length).toBe(expectedCount);
          expect(r.unknown).toHaveLength(outcomes.filter((o) => o === 'unknown').length);
        }
        // Conservation: paid + unpaid = expected, per part, over the follow-up.
        for (const p of [first.followUp.amo, first.followUp.amc]) expect(sum([p.paid, p.rejected, p.awaiting, p.ecart])).toEqual(p.expected);
        // Ledger paid equals what the caisse paid for known invoices.
        const paid = sum(after1.map((i) => i.parts.amo.paid));
        const caisse = sum(first.invoices.filter((i) => i.status !== 'inconnue').flatMap((i) => i.parts.filter((p) => p.part === 'amo' && p.applied && p.paye).map((p) => p.paye!)));
        expect(paid).toEqual(caisse);
      } finally {
        await close();
      }
    });
  }
});
