/**
 * Returns simulator (demo and tests): from the lots the ledger holds, what the caisse would send
 * back — a positive ARL per transmitted file, ONE NOEMIE 580 with a virement (071) paying the
 * invoices, ONE rejected invoice (198 état R + 294), ONE partial payment and a retenue (250) —
 * and the bank statement (CFONB 120) on which the virement lands.
 *
 * Everything it writes is fictitious (type de flux `D` démo); the reject code comes from the
 * MODELED dictionary; the ARL follows the modeled ARL type (the layout is not public).
 */
import type { PlainDate } from '../core/date/index';
import { addDays } from '../core/date/index';
import { inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { err, ok, createIssueFactory } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { add, euros, multiplyFraction, negate, sum, ZERO } from '../core/money/index';
import type { LedgerInvoice, LedgerLot, LedgerStore } from '../ledger/index';
import { formatInvoiceNumber, formatLotNumber } from '../ledger/index';
import { buildNoemieFile } from '../noemie/buildNoemieFile';
import { serializeNoemie } from '../noemie/serializeNoemie';
import type { Arl } from '../noemie/arl/types';
import type { NoemieEnTete, NoemieEntity, NoemieFile } from '../noemie/types';
import type { Cfonb120Account, Cfonb120File } from '../returns/bank/types';
import { buildSimulatedStatement } from './statement';
import { RECONCILE_CODES } from '../returns/reconcile/codes';

import { guardPort, guardSimulatorOptions } from './guard';

const issue = createIssueFactory(RECONCILE_CODES);

/** Options of {@link buildSimulatedReturns}. */
export interface SimulatedReturnsOptions {
  /** N° de facturation of the PS. */
  readonly ps: string;
  /** Date the caisse answers (ARL reception, NOEMIE creation, virement). */
  readonly date: PlainDate;
  /** Caisse: emitter number (default `'751'`), organisme payeur and virement libellé. */
  readonly caisse?: { readonly numeroEmetteur?: string; readonly organismePayeur?: string; readonly libelle?: string };
  /** NOEMIE file id (6 characters, default `'N00001'`). */
  readonly identificationFichier?: string;
  /** Retenue withheld from the virement (default 5,00 €). */
  readonly retenue?: Money;
  /** Bank account of the statement and its opening balance (default fictitious, 1 000,00 €). */
  readonly compte?: Cfonb120Account;
  readonly ancienSolde?: Money;
}

/** What the simulator produces. */
export interface SimulatedReturns {
  readonly arls: readonly Arl[];
  readonly noemie: NoemieFile;
  readonly noemieBytes: Uint8Array;
  readonly cfonb: Cfonb120File;
  readonly cfonbText: string;
  /** Invoice numbers given the scenario outcomes. */
  readonly scenario: { readonly rejected?: number; readonly partial?: number; readonly paid: readonly number[] };
  /** Net amount of the virement. */
  readonly virement: Money;
}

const AWAITING = ['transmise', 'arl_positive'];

/**
 * Builds the returns the caisse would send for the ledger's transmitted FSE lots of a PS.
 *
 * @param ledger - The ledger (read only).
 * @param options - PS, date, caisse, retenue, bank account.
 * @returns ARLs, the NOEMIE 580 (object and bytes), the CFONB 120 statement (object and text),
 *   or an issue when there is nothing to answer.
 */
export async function buildSimulatedReturns(ledger: LedgerStore, options: SimulatedReturnsOptions): Promise<Result<SimulatedReturns>> {
  const guarded: Issue[] = [];
  guardPort(ledger, ['listLots', 'getInvoice'], guarded);
  guardSimulatorOptions(options, guarded);
  if (guarded.length > 0) return inputErr(guarded);
  const lots = (await ledger.listLots({ ps: options.ps, transmitted: true })).filter((l) => l.fileId !== undefined);
  const arls = computeArls(lots, options);
  const fse: { lot: LedgerLot; invoices: LedgerInvoice[] }[] = [];
  for (const lot of lots.filter((l) => l.kind === 'fse')) {
    const invoices: LedgerInvoice[] = [];
    for (const id of lot.invoiceIds) {
      const inv = await ledger.getInvoice(id);
      if (inv && AWAITING.includes(inv.parts.amo.state)) invoices.push(inv);
    }
    if (invoices.length > 0) fse.push({ lot, invoices });
  }
  if (fse.length === 0) return err(issue('RECONCILE_SIMULATOR_EMPTY', { path: ['lots'], received: options.ps }));
  const c = options.caisse ?? {};
  const organismePayeur = c.organismePayeur ?? 'CPAM751';
  const libelle1 = c.libelle ?? 'CPAM PARIS PAIEMENT NOEMIE';
  const libelle2 = `VIR ${options.identificationFichier ?? 'N00001'} ${options.date}`;
  const entities: NoemieEntity[] = [
    { entity: '040', niveauRupture: '02', numeroDestinataireReglement: options.ps.padStart(15, '0') },
    { entity: '071', niveauRupture: '02', dateComptable: options.date, libelleVirement1: libelle1, libelleVirement2: libelle2, organismePayeur },
    { entity: '081', niveauRupture: '02', codeTypeRetour: '01', numeroLieuExecution: '' },
  ];
  const all = fse.flatMap((g) => g.invoices);
  const rejected = all.length >= 2 ? all[0] : undefined;
  const partial = all.length >= 2 ? all[1] : undefined;
  const paid: number[] = [];
  const payments: Money[] = [];
  for (const { lot, invoices } of fse) {
    entities.push({ entity: '080', niveauRupture: '03', dateConstitution: lot.createdAt.slice(0, 10) as PlainDate, numeroLot: formatLotNumber(lot.numero) });
    for (const inv of invoices) {
      const amo = inv.parts.amo.expected;
      const coordinated = inv.parts.amc !== undefined && AWAITING.includes(inv.parts.amc.state);
      entities.push({
        entity: '102', niveauRupture: '04', numeroFacture: formatInvoiceNumber(inv.numero), complementNumeroFacture: '', numeroLot: formatLotNumber(lot.numero),
        dateCreationLot: lot.createdAt.slice(0, 10) as PlainDate, typeFacture: 'F', dateFacturation: inv.dateFacturation, traitementPartAmc: coordinated ? 'C' : '', natureAssurance: 'AS',
      });
      if (inv === rejected) {
        entities.push({ entity: '198', niveauRupture: '05', montantDemande: amo, etat: 'R', montantPaye: ZERO });
        entities.push({ entity: '294', niveauRupture: '05', codeRejet: 'MOD1', libelle: 'NIR DU BENEFICIAIRE INCONNU (SIMULATION)', niveauRejet: 'F', partRejet: 'O', naturePrestation: '', numeroExecutant: options.ps.replace(/\D/g, '').slice(0, 9).padStart(9, '0'), informationComplementaire: '' });
      } else {
        const p = inv === partial ? multiplyFraction(amo, 1, 2, 'down') : amo;
        payments.push(p);
        entities.push({ entity: '198', niveauRupture: '05', montantDemande: amo, etat: 'P', montantPaye: p });
        if (inv !== partial) paid.push(inv.numero);
        if (coordinated && inv.parts.amc) {
          payments.push(inv.parts.amc.expected);
          entities.push({ entity: '199', niveauRupture: '05', montantDemande: inv.parts.amc.expected, etat: 'P', montantPaye: inv.parts.amc.expected, numeroAmc: (inv.amc?.destinataire ?? '').replace(/\D/g, '').slice(0, 10).padStart(10, '0'), numeroAdherentAmc: '' });
        }
      }
      // The 990 names the level it closes, then its key (CdC NOEMIE PS, entité 990, positions 6-22).
      entities.push({ entity: '990', niveauRupture: '99', identificationNiveau: `102${formatInvoiceNumber(inv.numero)}`, compteur: 0, cumulMontants: ZERO });
    }
    entities.push({ entity: '990', niveauRupture: '99', identificationNiveau: `080${formatLotNumber(lot.numero)}`, compteur: 0, cumulMontants: ZERO });
  }
  const retenue = options.retenue ?? euros('5.00');
  entities.push({ entity: '081', niveauRupture: '02', codeTypeRetour: '05', numeroLieuExecution: '' });
  entities.push({ entity: '250', niveauRupture: '03', numeroLigne: 1, referenceDette: 'DETTE00001', dateEnregistrement: addDays(options.date, -30), natureDette: 'IND', natureOperation: 'RPR', montant: negate(retenue), soldeDette: ZERO });
  const header: NoemieEnTete = {
    // N° émetteur: numeric zone (6-19), zero-padded; type destinataire: `TP` « autres partenaires
    // de santé » of the CdC NOEMIE PS code list (there is no `PS` code).
    entity: '000', typeEmetteur: 'CP', numeroEmetteur: (c.numeroEmetteur ?? '751').padStart(14, '0'), programmeEmetteur: '', typeDestinataire: 'TP', numeroDestinataire: options.ps,
    programmeDestinataire: '', applicationTypeEchange: '', identificationFichier: options.identificationFichier ?? 'N00001', dateCreation: options.date, reference: '0580',
    version: '01', compactage: '', cryptage: 'N', uniteMonetaire: 'U', typeFlux: 'D', longueurEnregistrement: 128, motDePasse: '', zoneMessage: '',
  };
  const built = buildNoemieFile({ header, entities });
  if (!built.ok) return built;
  const bytes = serializeNoemie(built.value);
  if (!bytes.ok) return bytes;
  const virement = add(sum(payments), negate(retenue));
  const statement = buildSimulatedStatement([{ montant: virement, organismePayeur, libelle: `${libelle1} ${libelle2}` }], {
    date: options.date, ...(options.compte ? { compte: options.compte } : {}), ...(options.ancienSolde ? { ancienSolde: options.ancienSolde } : {}),
  });
  if (!statement.ok) return statement;
  const { cfonb, cfonbText } = statement.value;
  return ok({
    arls, noemie: built.value, noemieBytes: bytes.value, cfonb, cfonbText, virement,
    scenario: { ...(rejected ? { rejected: rejected.numero } : {}), ...(partial ? { partial: partial.numero } : {}), paid },
  });
}

function computeArls(lots: readonly LedgerLot[], options: SimulatedReturnsOptions): Arl[] {
  const byFile = new Map<string, LedgerLot[]>();
  for (const l of lots) if (l.fileId !== undefined) byFile.set(l.fileId, [...(byFile.get(l.fileId) ?? []), l]);
  return [...byFile].map(([fileId, ls]) => ({
    statut: 'positif' as const,
    identificationFichier: fileId,
    dateReception: options.date,
    typeEmetteur: 'CP',
    numeroEmetteur: options.caisse?.numeroEmetteur ?? '751',
    numeroDestinataire: options.ps,
    lots: ls.map((l) => ({ numeroLot: formatLotNumber(l.numero), dateConstitution: l.createdAt.slice(0, 10) as PlainDate, statut: 'positif' as const, nombreFactures: l.invoiceIds.length })),
  }));
}
