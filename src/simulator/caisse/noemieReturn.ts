/**
 * The NOEMIE 580 return the local caisse (or OCT) writes for one accepted B2 file: a virement
 * (071) paying the file's invoices as scripted — paid, partially paid, rejected with a code of
 * the (modeled) dictionary (198 or 199 état R + 294) — and an optional retenue (250).
 *
 * Entity order as the returns simulator and the Cahier des charges NOEMIE PS (CNAM) structure
 * it: 040 → 071 → 081 → (080 → (102 → 198 | 199 → 294? → 990)… → 990)… → 081 → 250. The
 * amounts asked are the B2 type 5 totals (remboursable AMO for an FSE file, AMC for a DRE file).
 */
import type { PlainDate } from '../../core/date/index';
import { addDays } from '../../core/date/index';
import type { Money } from '../../core/money/index';
import { euros, multiplyFraction, negate, subtract, ZERO } from '../../core/money/index';
import type { Result } from '../../core/issues/index';
import { ok } from '../../core/issues/index';
import type { B2File } from '../../fse/b2/file';
import { formatInvoiceNumber, formatLotNumber } from '../../ledger/numbering';
import { buildNoemieFile } from '../../noemie/buildNoemieFile';
import type { NoemieEnTete, NoemieEntity, NoemieFile } from '../../noemie/types';
import { findReject, MODELED_REJECT_DICTIONARY } from '../../returns/reconcile/rejects';
import type { CaisseInvoiceOutcome, CaisseScript } from './script';
import { computeInvoiceOutcome, computeRejectCode } from './script';

/** One invoice as the caisse answered it. */
export interface CaisseInvoiceAnswer {
  readonly ps: string;
  readonly numeroFacture: number;
  readonly numeroLot: number;
  readonly outcome: CaisseInvoiceOutcome;
  /** Reject code (a rejected invoice). */
  readonly codeRejet?: string;
  readonly demande: Money;
  readonly paye: Money;
}

const MODELED_CODES = (part: 'AMO' | 'AMC'): string[] => MODELED_REJECT_DICTIONARY.entries.filter((e) => e.level === 'A' && e.part === part).map((e) => e.code);

/**
 * Builds the NOEMIE return of a parsed B2 file.
 *
 * @param b2 - The parsed file.
 * @param kind - `fse` (AMO part, 198) or `dre` (AMC part, 199), from the 000 type destinataire.
 * @param options - Script, answer date, whether the virement carries a retenue.
 * @returns The NOEMIE file and the per-invoice answers, or the builder's issues.
 */
export function buildCaisseNoemie(
  b2: B2File,
  kind: 'fse' | 'dre',
  options: { readonly script: CaisseScript; readonly date: PlainDate; readonly retenue: boolean },
): Result<{ readonly noemie: NoemieFile; readonly invoices: readonly CaisseInvoiceAnswer[] }> {
  const { script, date } = options;
  const fileId = b2.debut.identificationFichier.trim();
  const ps = b2.lots[0]?.debut.numeroPs ?? b2.debut.numeroEmetteur.slice(-9);
  const organisme = b2.debut.numeroDestinataire.trim().replace(/\D/g, '') || '0';
  const organismePayeur = `${kind === 'fse' ? 'CPAM' : 'AMC'}${organisme}`.slice(0, 8);
  const libelle1 = `${kind === 'fse' ? 'CPAM' : 'OCT'} ${organisme} PAIEMENT NOEMIE`;
  const libelle2 = `VIR ${fileId} ${date}`;
  const entities: NoemieEntity[] = [
    { entity: '040', niveauRupture: '02', numeroDestinataireReglement: ps.padStart(15, '0') },
    { entity: '071', niveauRupture: '02', dateComptable: date, libelleVirement1: libelle1, libelleVirement2: libelle2, organismePayeur },
    { entity: '081', niveauRupture: '02', codeTypeRetour: '01', numeroLieuExecution: '' },
  ];
  const invoices: CaisseInvoiceAnswer[] = [];
  const codes = kind === 'fse' ? (script.rejectCodes?.amo ?? MODELED_CODES('AMO')) : (script.rejectCodes?.amc ?? MODELED_CODES('AMC'));
  const percent = Math.min(100, Math.max(0, Math.round(script.partialPercent ?? 50)));
  for (const lot of b2.lots) {
    const numeroLot = formatLotNumber(lot.debut.numeroLot);
    entities.push({ entity: '080', niveauRupture: '03', dateConstitution: lot.debut.dateCreationLot, numeroLot });
    for (const f of lot.factures) {
      const numero = f.entete.numeroFacture;
      const outcome = computeInvoiceOutcome(script, ps, numero);
      const deduction = kind === 'fse' ? script.deductions?.[`${ps}/${numero}`] : undefined;
      const asked = (kind === 'fse' ? f.total.totalRemboursableAmo : f.total.totalRemboursableAmc) ?? ZERO;
      const demande = deduction === undefined ? asked : subtract(asked, deduction);
      entities.push({
        // An OCT's return names the invoice, not the DRE lot (the ledger matches PS + n° facture).
        entity: '102', niveauRupture: '04', numeroFacture: formatInvoiceNumber(numero), complementNumeroFacture: '', numeroLot: kind === 'fse' ? numeroLot : '',
        ...(kind === 'fse' ? { dateCreationLot: lot.debut.dateCreationLot } : {}), typeFacture: 'F', dateFacturation: f.entete.dateFacturation, traitementPartAmc: '', natureAssurance: 'AS',
      });
      const paye = outcome === 'rejetee' ? ZERO : outcome === 'partielle' ? multiplyFraction(demande, percent, 100, 'down') : demande;
      const etat = outcome === 'rejetee' ? ('R' as const) : ('P' as const);
      if (kind === 'fse') entities.push({ entity: '198', niveauRupture: '05', montantDemande: demande, etat, montantPaye: paye });
      else entities.push({ entity: '199', niveauRupture: '05', montantDemande: demande, etat, montantPaye: paye, numeroAmc: organisme.slice(-10).padStart(10, '0'), numeroAdherentAmc: '' });
      let codeRejet: string | undefined;
      if (outcome === 'rejetee') {
        codeRejet = computeRejectCode(script, `${ps}/${numero}`, codes);
        const libelle = (findReject(MODELED_REJECT_DICTIONARY, codeRejet)?.libelle ?? 'REJET').toUpperCase().normalize('NFD').replace(/[^\x20-\x7e]/g, '').slice(0, 70);
        entities.push({ entity: '294', niveauRupture: '05', codeRejet, libelle: `${libelle} (SIMULATION)`.slice(0, 86), niveauRejet: 'F', partRejet: kind === 'fse' ? 'O' : 'C', naturePrestation: '', numeroExecutant: ps.replace(/\D/g, '').slice(0, 9).padStart(9, '0'), informationComplementaire: '' });
      }
      entities.push({ entity: '990', niveauRupture: '99', identificationNiveau: `102${formatInvoiceNumber(numero)}`, compteur: 0, cumulMontants: ZERO });
      invoices.push({ ps, numeroFacture: numero, numeroLot: lot.debut.numeroLot, outcome, ...(codeRejet === undefined ? {} : { codeRejet }), demande, paye });
    }
    entities.push({ entity: '990', niveauRupture: '99', identificationNiveau: `080${numeroLot}`, compteur: 0, cumulMontants: ZERO });
  }
  if (options.retenue) {
    entities.push({ entity: '081', niveauRupture: '02', codeTypeRetour: '05', numeroLieuExecution: '' });
    entities.push({ entity: '250', niveauRupture: '03', numeroLigne: 1, referenceDette: `DET${fileId}`.slice(0, 10), dateEnregistrement: addDays(date, -30), natureDette: 'IND', natureOperation: 'RPR', montant: negate(script.retenue ?? euros('5.00')), soldeDette: ZERO });
  }
  const header: NoemieEnTete = {
    entity: '000', typeEmetteur: kind === 'fse' ? 'CP' : 'OC', numeroEmetteur: organisme.slice(-14).padStart(14, '0'), programmeEmetteur: '', typeDestinataire: 'TP', numeroDestinataire: ps,
    programmeDestinataire: '', applicationTypeEchange: '', identificationFichier: fileId, dateCreation: date, reference: '0580',
    version: '01', compactage: '', cryptage: 'N', uniteMonetaire: 'U', typeFlux: 'D', longueurEnregistrement: 128, motDePasse: '', zoneMessage: '',
  };
  const built = buildNoemieFile({ header, entities });
  return built.ok ? ok({ noemie: built.value, invoices }, built.issues) : built;
}
