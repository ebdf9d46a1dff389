/**
 * What the local caisse answers to one received file (pure: bytes in, answer out).
 *
 * The file is read with the library's own B2 parser (`parseB2File`): a file it refuses gets a
 * negative ARL whose reason names the first issue (code, record, column); an accepted file gets
 * a positive ARL listing its lots, then — unless the script loses it — a NOEMIE 580 return.
 * The ARL is in the library's MODELED format (`sesam-billing-modeled-arl/1`: the official ARL
 * layout is not public).
 */
import type { PlainDate } from '../../core/date/index';
import { field, guardBytes, guardInteger, guardMoney, guardObject, guardPlainDate, inputErr } from '../../core/guard/index';
import type { Issue, Result } from '../../core/issues/index';
import { ok } from '../../core/issues/index';
import { parseB2File } from '../../fse/b2/parse';
import type { B2File } from '../../fse/b2/file';
import { formatLotNumber } from '../../ledger/numbering';
import { serializeModeledArl } from '../../noemie/arl/modeledDecoder';
import type { Arl } from '../../noemie/arl/types';
import type { NoemieFile } from '../../noemie/types';
import { serializeNoemie } from '../../noemie/serializeNoemie';
import type { CaisseInvoiceAnswer } from './noemieReturn';
import { buildCaisseNoemie } from './noemieReturn';
import type { CaisseFileOutcome, CaisseScript } from './script';
import { computeFileOutcome } from './script';

/** The caisse's answer to one file. */
export interface CaisseAnswer {
  /** Identification of the file (B2 000 positions 50-55), as read. */
  readonly fileId: string;
  /** N° de facturation of the PS (type 1), as read (`''` when unreadable). */
  readonly ps: string;
  /** `fse` (000 type destinataire `AM`) or `dre` (`OC`). */
  readonly kind: 'fse' | 'dre';
  /** The scripted outcome (`arl-negatif` for a file the parser refused). */
  readonly outcome: CaisseFileOutcome;
  readonly arl: Arl;
  readonly arlBytes: Uint8Array;
  /** How many times the ARL is delivered (2 for `arl-double`). */
  readonly arlCopies: 1 | 2;
  /** The NOEMIE return (absent for a negative ARL). */
  readonly noemie?: NoemieFile;
  readonly noemieBytes?: Uint8Array;
  /** How many times the NOEMIE return is delivered: 0 (lost or refused), 1, or 2 (`retour-double`). */
  readonly noemieCopies: 0 | 1 | 2;
  readonly invoices: readonly CaisseInvoiceAnswer[];
  /** The parser's issues for a refused file. */
  readonly parseIssues: readonly Issue[];
}

/** Options of {@link buildCaisseAnswer}. */
export interface CaisseAnswerOptions {
  readonly script: CaisseScript;
  /** Day the caisse received the file (ARL date de réception). */
  readonly received: PlainDate;
  /** Day of the NOEMIE return (default `received`). */
  readonly returned?: PlainDate;
}

const latin1 = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, Math.min(to, b.length)));
/** What can be read of a refused file's 000 (letters and digits only: the rest is unknown). */
const clean = (b: Uint8Array, from: number, to: number): string => latin1(b, from, to).toUpperCase().replace(/[^0-9A-Z]/g, '');

function arlOf(b2: B2File, statut: 'positif' | 'negatif', received: PlainDate, motif?: { code: string; libelle: string }): Arl {
  return {
    statut,
    identificationFichier: b2.debut.identificationFichier.trim(),
    dateReception: received,
    typeEmetteur: b2.debut.typeDestinataire === 'OC' ? 'OC' : 'CP',
    numeroEmetteur: b2.debut.numeroDestinataire.trim(),
    numeroDestinataire: b2.lots[0]?.debut.numeroPs ?? b2.debut.numeroEmetteur.slice(-9),
    ...(motif ? { motif } : {}),
    lots: b2.lots.map((l) => ({ numeroLot: formatLotNumber(l.debut.numeroLot), dateConstitution: l.debut.dateCreationLot, statut, nombreFactures: l.factures.length })),
  };
}

/**
 * Answers one received file.
 *
 * @param bytes - The attachment's exact bytes.
 * @param options - Script, reception day, return day.
 * @returns The answer (ARL, NOEMIE, per-invoice outcomes), or `INPUT_*` issues for arguments of
 *   the wrong shape; a file the B2 parser refuses is an answer (negative ARL), not an error.
 */
export function buildCaisseAnswer(bytes: Uint8Array, options: CaisseAnswerOptions): Result<CaisseAnswer> {
  const issues: Issue[] = [];
  guardBytes(bytes, ['bytes'], issues);
  const o = guardObject(options, ['options'], issues);
  if (o) {
    const s = guardObject(field(o, 'script'), ['options', 'script'], issues);
    if (s) {
      guardInteger(field(s, 'seed'), ['options', 'script', 'seed'], issues, { min: 0, max: 0xffffffff });
      guardMoney(field(s, 'retenue'), ['options', 'script', 'retenue'], issues, { required: false });
      guardInteger(field(s, 'partialPercent'), ['options', 'script', 'partialPercent'], issues, { required: false, min: 0, max: 100 });
      for (const k of ['fileWeights', 'invoiceWeights', 'files', 'invoices', 'rejectCodes', 'deductions']) guardObject(field(s, k), ['options', 'script', k], issues, { required: false });
    }
    guardPlainDate(field(o, 'received'), ['options', 'received'], issues);
    guardPlainDate(field(o, 'returned'), ['options', 'returned'], issues, { required: false });
  }
  if (issues.length > 0) return inputErr(issues);
  const parsed = parseB2File(bytes);
  if (!parsed.ok) {
    const first = parsed.issues.find((i) => i.severity === 'error') ?? parsed.issues[0];
    const where = first?.source?.record === undefined ? '' : ` ENR ${first.source.record} COL ${first.source.column ?? 0}`;
    const arl: Arl = {
      statut: 'negatif',
      identificationFichier: clean(bytes, 49, 55) || '000000',
      dateReception: options.received,
      typeEmetteur: latin1(bytes, 25, 27) === 'OC' ? 'OC' : 'CP',
      numeroEmetteur: clean(bytes, 27, 41) || '0',
      numeroDestinataire: clean(bytes, 5, 19).replace(/\D/g, '').slice(-9),
      motif: { code: 'MOD9', libelle: `FICHIER NON CONFORME ${first?.code ?? ''}${where}`.slice(0, 71) },
      lots: [],
    };
    const arlBytes = serializeModeledArl(arl);
    if (!arlBytes.ok) return arlBytes;
    return ok({ fileId: arl.identificationFichier, ps: arl.numeroDestinataire, kind: arl.typeEmetteur === 'OC' ? 'dre' : 'fse', outcome: 'arl-negatif', arl, arlBytes: arlBytes.value, arlCopies: 1, noemieCopies: 0, invoices: [], parseIssues: parsed.issues });
  }
  const b2 = parsed.value;
  const fileId = b2.debut.identificationFichier.trim();
  const kind = b2.debut.typeDestinataire === 'OC' ? ('dre' as const) : ('fse' as const);
  const outcome = computeFileOutcome(options.script, fileId);
  const negative = outcome === 'arl-negatif';
  const arl = arlOf(b2, negative ? 'negatif' : 'positif', options.received, negative ? { code: 'MOD9', libelle: 'FICHIER REFUSE PAR LA CAISSE (SIMULATION) : LE RETRANSMETTRE' } : undefined);
  const arlBytes = serializeModeledArl(arl);
  if (!arlBytes.ok) return arlBytes;
  const base = { fileId, ps: arl.numeroDestinataire, kind, outcome, arl, arlBytes: arlBytes.value, arlCopies: outcome === 'arl-double' ? (2 as const) : (1 as const), parseIssues: [] };
  if (negative) return ok({ ...base, noemieCopies: 0, invoices: [] });
  const built = buildCaisseNoemie(b2, kind, { script: options.script, date: options.returned ?? options.received, retenue: outcome === 'retenue' });
  if (!built.ok) return built;
  const noemieBytes = serializeNoemie(built.value.noemie);
  if (!noemieBytes.ok) return noemieBytes;
  const noemieCopies = outcome === 'retour-perdu' ? 0 : outcome === 'retour-double' ? 2 : 1;
  return ok({ ...base, noemie: built.value.noemie, noemieBytes: noemieBytes.value, noemieCopies, invoices: built.value.invoices });
}
