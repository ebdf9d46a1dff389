/**
 * A day of lots for the local caisse tests: real FSE (and DRE) built by the library, numbered and
 * lotted in a memory ledger, secured by a software securer, serialized as B2 files and marked
 * transmitted — then what a PMS does with the returns: decode ARL / NOEMIE attachments and
 * reconcile.
 */
import { addDays, plainDate } from '../../../src/core/date/index';
import type { PlainDate } from '../../../src/core/date/index';
import { markFilesTransmitted, numberAndLot } from '../../../src/fse/ledgerFlow';
import { secureNumbered, serializeLottedFile } from '../../../src/fse/ledgerFile';
import type { Fse } from '../../../src/fse/model';
import type { LedgerStore } from '../../../src/ledger/index';
import { createMemoryLedger } from '../../../src/ledger/index';
import { decodeModeledArl } from '../../../src/noemie/arl/modeledDecoder';
import type { Arl } from '../../../src/noemie/arl/types';
import { parseNoemie } from '../../../src/noemie/parseNoemie';
import type { NoemieFile } from '../../../src/noemie/types';
import type { Money } from '../../../src/core/money/index';
import { subtract } from '../../../src/core/money/index';
import { ok, err, createIssueFactory } from '../../../src/core/issues/index';
import type { Result } from '../../../src/core/issues/index';
import { TRANSPORT_CODES } from '../../../src/transport/index';
import type { FetchedReturn, TransportFile } from '../../../src/transport/index';
import { baseDre, baseFse } from '../../fse/fixtures';
import { createSoftwareSecurer } from '../../fse/helpers/softwareSecurer';
import { expectOk } from '../../helpers/expectIssue';

export const DAY = plainDate('2025-03-10');
export const CAISSE = 'cpam751@caisse.simulee.test';
export const OCT = 'oct@caisse.simulee.test';
export const PS_MAIL = 'ps@cabinet.test';

/** The base FSE on another care day (so no duplicate), before the day of invoicing. */
function onDay(k: number): Fse {
  const f = baseFse();
  const date = addDays(DAY, -1 - k); // one care day per invoice: no duplicate for the ledger
  return { ...f, identification: { ...f.identification, dateFacturation: DAY }, lignes: f.lignes.map((l) => ({ ...l, date })) };
}

export interface DayFile extends TransportFile {
  readonly kind: 'fse' | 'dre';
  readonly ps: string;
}

/**
 * Builds a day: `files` calls of numberAndLot with `perFile` invoices each (one lot each).
 *
 * @param options - How many files, invoices per file, with DRE or not.
 */
export async function buildDay(options: { files: number; perFile?: number; dre?: boolean }): Promise<{ ledger: LedgerStore; files: DayFile[]; deductions: Record<string, Money> }> {
  const ledger = createMemoryLedger({ clock: () => `${DAY}T18:00:00+01:00` });
  const securer = createSoftwareSecurer();
  const at = `${DAY}T18:00:00+01:00`;
  const emitter = { dateCreation: DAY, marquage: 'T' as const };
  const files: DayFile[] = [];
  const deductions: Record<string, Money> = {};
  let k = 0;
  for (let i = 0; i < options.files; i++) {
    const items = Array.from({ length: options.perFile ?? 1 }, () => {
      const fse = onDay(k++);
      return options.dre ? { fse, dre: { ...baseDre(), fse } } : { fse };
    });
    const lotted = expectOk(await numberAndLot(ledger, items, { maxPerLot: 50, at }));
    for (const n of lotted.numbered) deductions[`${n.fse.ps.numeroFacturation}/${n.fse.identification.numeroFacture ?? 0}`] = subtract(n.fse.totaux.partAmo, n.fse.totaux.netAmo);
    expectOk(await secureNumbered(ledger, lotted.files, securer, { ...emitter, at }));
    for (const f of lotted.files) {
      const bytes = expectOk(await serializeLottedFile(ledger, f, emitter));
      files.push({ fileId: f.fileId, destination: f.kind === 'fse' ? CAISSE : OCT, bytes, filename: `${f.kind.toUpperCase()}_${f.fileId}.b2`, kind: f.kind, ps: f.ps });
    }
    expectOk(await markFilesTransmitted(ledger, lotted.files, { at }));
  }
  return { ledger, files, deductions };
}

const issue = createIssueFactory(TRANSPORT_CODES);

/** What a PMS stores from its mailbox: decoded ARLs and NOEMIE files. */
export interface Collected {
  readonly arls: Arl[];
  readonly noemie: NoemieFile[];
  readonly raw: FetchedReturn[];
}

/** An `apply` for `outbox.receive` that decodes each attachment (ARL first, NOEMIE else). */
export function collector(): { collected: Collected; apply: (ret: FetchedReturn) => Result<unknown> } {
  const collected: Collected = { arls: [], noemie: [], raw: [] };
  return {
    collected,
    apply(ret) {
      for (const a of ret.attachments) {
        const arl = decodeModeledArl(a.bytes);
        if (arl.ok) {
          collected.arls.push(arl.value);
          continue;
        }
        const noe = parseNoemie(a.bytes);
        if (!noe.ok) return err(issue('TRANSPORT_RETURN_EMPTY', { received: `${a.filename}: ${noe.issues[0]?.code ?? ''}` }));
        collected.noemie.push(noe.value);
      }
      collected.raw.push(ret);
      return ok(ret.contentHash);
    },
  };
}

/** Instant `days` after the day, as the scheduler's start. */
export const dayAt = (days: number): string => `${addDays(DAY, days)}T08:00:00.000Z`;
export const dateAfter = (days: number): PlainDate => addDays(DAY, days);
