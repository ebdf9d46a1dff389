/**
 * Groups a NOEMIE PS file's flat entity list into what reconciliation reasons about: virements
 * (071 / 070 context) holding invoices (100 / 102 with their 198 / 199 parts, 294 rejects, 290
 * signalements), retenues (250) and paiements forfaitaires (261 with their 262 details).
 *
 * Hint: the hierarchy is read from entity order, as sesamviewer displays it (Cahier des charges NOEMIE PS (CNAM), structure physique des fichiers):
 * a 071 / 070 / 040 / 020 opens a new payment context, a 080 a lot, a 100 / 102 an invoice;
 * 198, 199, 210, 290, 294, 295 belong to the current invoice; 250 and 261 to the current
 * context. The exact entity list per référence (576 / 578 / 580) is not public (formats non publics (modélisés, docs/spec-map.md)).
 */
import type { PlainDate } from '../../core/date/index';
import type { Money } from '../../core/money/index';
import { add, sum, ZERO } from '../../core/money/index';
import { field, guardObject, guardPlainDate, guardString } from '../../core/guard/index';
import { assertShape, guardNoemieEntities } from '../guards';
import type {
  NoemieDetailPaiementForfaitaire,
  NoemieEntity,
  NoemieFacture,
  NoemieFactureDetaillee,
  NoemieFile,
  NoemieLot,
  NoemiePaiementForfaitaire,
  NoemiePartAmc,
  NoemiePartAmo,
  NoemieRejet,
  NoemieRejetSignalement,
  NoemieRetenue,
  NoemieVirement,
} from '../../noemie/types';

/** Reference of a virement (071): what appears on the bank statement. */
export interface VirementReference {
  readonly dateComptable: PlainDate;
  readonly libelle1: string;
  readonly libelle2: string;
  readonly organismePayeur: string;
}

/** One invoice of a return, with everything the caisse said about it. */
export interface ReturnInvoice {
  readonly facture: NoemieFacture | NoemieFactureDetaillee;
  /** Lot (080) the invoice was listed under, when any. */
  readonly lot?: NoemieLot;
  readonly amo?: NoemiePartAmo;
  readonly amc?: NoemiePartAmc;
  readonly rejets: readonly NoemieRejet[];
  readonly signalements: readonly NoemieRejetSignalement[];
  /** Index of the 100 / 102 in `file.entities`. */
  readonly entityIndex: number;
}

/** A paiement forfaitaire (261) and its details (262). */
export interface ReturnForfait {
  readonly paiement: NoemiePaiementForfaitaire;
  readonly details: readonly NoemieDetailPaiementForfaitaire[];
}

/** One payment context: a virement (071) or a plain date comptable (070), or none. */
export interface ReturnVirement {
  /** The 071 reference, when the return gives one (référence 580). */
  readonly reference?: VirementReference;
  /** Stable text key of the reference (`AAAA-MM-JJ|libellé 1|libellé 2|organisme`), `''` when none. */
  readonly key: string;
  readonly dateComptable?: PlainDate;
  readonly invoices: readonly ReturnInvoice[];
  readonly retenues: readonly NoemieRetenue[];
  readonly forfaits: readonly ReturnForfait[];
  /** Net amount: Σ 198 / 199 payé + Σ 250 montant (signed as written) + Σ 261 montant. */
  readonly montantNet: Money;
}

/** A NOEMIE return grouped for reconciliation. */
export interface ReturnGroups {
  readonly virements: readonly ReturnVirement[];
}

/**
 * Builds the text key of a virement reference.
 *
 * @param r - The 071 reference.
 * @returns `date|libellé 1|libellé 2|organisme payeur`.
 * @throws SesamError `ASSERTION` when `r` is not a virement reference.
 */
export function formatVirementKey(r: VirementReference): string {
  assertShape('formatVirementKey', (issues) => {
    const o = guardObject(r, ['reference'], issues);
    if (o) {
      guardPlainDate(field(o, 'dateComptable'), ['reference', 'dateComptable'], issues);
      for (const k of ['libelle1', 'libelle2', 'organismePayeur']) guardString(field(o, k), ['reference', k], issues);
    }
    return o;
  });
  return [r.dateComptable, r.libelle1, r.libelle2, r.organismePayeur].join('|');
}

interface MutableVirement {
  reference?: VirementReference;
  dateComptable?: PlainDate;
  invoices: (ReturnInvoice & { rejets: NoemieRejet[]; signalements: NoemieRejetSignalement[] })[];
  retenues: NoemieRetenue[];
  forfaits: (ReturnForfait & { details: NoemieDetailPaiementForfaitaire[] })[];
}

function refOf(v: NoemieVirement): VirementReference {
  return { dateComptable: v.dateComptable, libelle1: v.libelleVirement1, libelle2: v.libelleVirement2, organismePayeur: v.organismePayeur };
}

/**
 * Groups a NOEMIE file into virements, invoices, retenues and forfaits.
 *
 * @param file - A parsed NOEMIE PS file.
 * @returns The groups (contexts without any content are left out).
 * @throws SesamError `ASSERTION` when `file.entities` does not hold NOEMIE entities.
 */
export function computeReturnGroups(file: Pick<NoemieFile, 'entities'>): ReturnGroups {
  assertShape('computeReturnGroups', (issues) => {
    const o = guardObject(file, ['file'], issues);
    return o && guardNoemieEntities(field(o, 'entities'), ['file', 'entities'], issues);
  });
  const out: MutableVirement[] = [];
  let ctx: MutableVirement = { invoices: [], retenues: [], forfaits: [] };
  let lot: NoemieLot | undefined;
  let invoice: MutableVirement['invoices'][number] | undefined;
  let forfait: MutableVirement['forfaits'][number] | undefined;
  const open = (next: MutableVirement): void => {
    out.push(ctx);
    ctx = next;
    lot = undefined;
    invoice = undefined;
    forfait = undefined;
  };
  file.entities.forEach((e: NoemieEntity, i) => {
    switch (e.entity) {
      case '071': open({ reference: refOf(e), dateComptable: e.dateComptable, invoices: [], retenues: [], forfaits: [] }); break;
      case '070': open({ dateComptable: e.dateComptable, invoices: [], retenues: [], forfaits: [] }); break;
      case '020': case '040': open({ invoices: [], retenues: [], forfaits: [] }); break;
      case '080': lot = e; invoice = undefined; forfait = undefined; break;
      case '081': invoice = undefined; forfait = undefined; break;
      case '100': case '102':
        invoice = { facture: e, ...(lot ? { lot } : {}), rejets: [], signalements: [], entityIndex: i };
        ctx.invoices.push(invoice);
        forfait = undefined;
        break;
      case '198': if (invoice) invoice = replaceLast(ctx, { ...invoice, amo: e }); break;
      case '199': if (invoice) invoice = replaceLast(ctx, { ...invoice, amc: e }); break;
      case '294': invoice?.rejets.push(e); break;
      case '290': invoice?.signalements.push(e); break;
      case '250': ctx.retenues.push(e); break;
      case '261': forfait = { paiement: e, details: [] }; ctx.forfaits.push(forfait); invoice = undefined; break;
      case '262': forfait?.details.push(e); break;
      default: break;
    }
  });
  out.push(ctx);
  return {
    virements: out
      .filter((v) => v.invoices.length + v.retenues.length + v.forfaits.length > 0)
      .map((v) => ({
        ...(v.reference ? { reference: v.reference } : {}),
        key: v.reference ? formatVirementKey(v.reference) : '',
        ...(v.dateComptable ? { dateComptable: v.dateComptable } : {}),
        invoices: v.invoices,
        retenues: v.retenues,
        forfaits: v.forfaits,
        montantNet: add(
          sum(v.invoices.flatMap((inv) => [inv.amo?.montantPaye ?? ZERO, inv.amc?.montantPaye ?? ZERO])),
          add(sum(v.retenues.map((r) => r.montant)), sum(v.forfaits.map((f) => f.paiement.montant))),
        ),
      })),
  };
}

function replaceLast(ctx: MutableVirement, next: MutableVirement['invoices'][number]): MutableVirement['invoices'][number] {
  ctx.invoices[ctx.invoices.length - 1] = next;
  return next;
}
