/**
 * Queries outside any write transaction (one statement each, practice always in the WHERE).
 * Text comparisons and orderings use the "C" collation so they match SQLite and the memory store
 * whatever the database's locale.
 */
import { addGroupToRaw, emptyRaw, toPartSummary } from '../engine/queries';
import type { HistoryEntry, LedgerInvoice, LedgerLot, LedgerSummary, PartState } from '../model';
import type { InvoiceFilter, LotFilter } from '../port';
import type { ProcessedReturn, ProcessedReturnFilter, ReturnAudit } from '../returnsPort';
import type { InvoiceSecuring, WrittenFile } from '../securedPort';
import type { PgQueryable } from './driver';
import { historyOf, int, INVOICE_COLUMNS, invoiceOf, LOT_COLUMNS, lotOf, securingOf, writtenFileOf } from './rows';
import { isRowId } from './snapshot';

type Raw = Record<string, unknown>;

/** The read side of the PostgreSQL ledger. */
export interface PgReads {
  readCounter(scope: string): Promise<number>;
  getInvoice(id: string): Promise<LedgerInvoice | undefined>;
  getInvoiceByNumber(ps: string, numero: number): Promise<LedgerInvoice | undefined>;
  findActiveByCareKey(key: string): Promise<LedgerInvoice | undefined>;
  listInvoices(f: InvoiceFilter): Promise<readonly LedgerInvoice[]>;
  getHistory(id: string): Promise<readonly HistoryEntry[]>;
  getLot(id: string): Promise<LedgerLot | undefined>;
  listLots(f: LotFilter): Promise<readonly LedgerLot[]>;
  summarize(f: { readonly ps?: string }): Promise<LedgerSummary>;
  hasReturn(sourceId: string): Promise<boolean>;
  getSecuring(id: string, kind: 'fse' | 'dre'): Promise<InvoiceSecuring | undefined>;
  getWrittenFile(fileId: string): Promise<WrittenFile | undefined>;
  listProcessedReturns(f: ProcessedReturnFilter): Promise<readonly ProcessedReturn[]>;
  listReturnAudits(sourceId: string | undefined): Promise<readonly ReturnAudit[]>;
}

const page = (n: unknown): number | null => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.trunc(n)) : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Creates the queries.
 *
 * @param db - The pool.
 * @param s - Schema (quoted).
 * @param practice - The practice every query is limited to.
 * @returns The queries.
 */
export function createPgReads(db: PgQueryable, s: string, practice: string): PgReads {
  const rows = async (sql: string, values: unknown[]): Promise<Raw[]> => (await db.query(sql, [practice, ...values])).rows as Raw[];
  const invoices = async (where: string, values: unknown[]): Promise<LedgerInvoice[]> =>
    (await rows(`SELECT ${INVOICE_COLUMNS(s)} FROM ${s}.invoices i WHERE i.practice = $1 AND ${where}`, values)).map(invoiceOf);
  return {
    readCounter: async (scope) => {
      const r = await rows(`SELECT last FROM ${s}.counters WHERE practice = $1 AND scope = $2`, [scope]);
      return r[0] === undefined ? 0 : int(r[0]['last']);
    },
    getInvoice: async (id) => (isRowId(id) ? (await invoices('i.id = $2', [id]))[0] : undefined),
    getInvoiceByNumber: async (ps, numero) => (await invoices('i.ps = $2 AND i.numero = $3', [ps, numero]))[0],
    findActiveByCareKey: async (key) => (typeof key === 'string' ? (await invoices('i.active AND i.care_key = $2', [key]))[0] : undefined),
    listInvoices: async (f) => {
      if (f.lotId !== undefined && !isRowId(f.lotId)) return [];
      const states = f.state === undefined ? null : typeof f.state === 'string' ? [f.state] : [...f.state];
      const r = await rows(
        `SELECT ${INVOICE_COLUMNS(s)} FROM ${s}.invoices i JOIN ${s}.invoice_parts p ON p.invoice_id = i.id AND p.part = $2
         WHERE i.practice = $1 AND ($3::text IS NULL OR i.ps = $3) AND ($4::text[] IS NULL OR p.state = ANY($4::text[]))
           AND ($5::text IS NULL OR (p.transmitted_at IS NOT NULL AND p.transmitted_at COLLATE "C" < $5)) AND ($6::bigint IS NULL OR p.lot_id = $6)
           AND ($7::text IS NULL OR i.date_soins COLLATE "C" >= $7) AND ($8::text IS NULL OR i.date_soins COLLATE "C" <= $8)
         ORDER BY i.ps COLLATE "C", i.numero LIMIT $9 OFFSET $10`,
        [f.part ?? 'amo', text(f.ps), states, text(f.transmittedBefore), f.lotId ?? null, text(f.dateSoinsFrom), text(f.dateSoinsTo), page(f.limit), page(f.offset) ?? 0],
      );
      return r.map(invoiceOf);
    },
    getHistory: async (id) => (isRowId(id) ? (await rows(`SELECT * FROM ${s}.history WHERE practice = $1 AND invoice_id = $2 ORDER BY seq`, [id])).map(historyOf) : []),
    getLot: async (id) => {
      if (!isRowId(id)) return undefined;
      const r = await rows(`SELECT ${LOT_COLUMNS(s)} FROM ${s}.lots l WHERE l.practice = $1 AND l.id = $2`, [id]);
      return r[0] === undefined ? undefined : lotOf(r[0]);
    },
    listLots: async (f) =>
      (
        await rows(
          `SELECT ${LOT_COLUMNS(s)} FROM ${s}.lots l WHERE l.practice = $1 AND ($2::text IS NULL OR l.ps = $2) AND ($3::text IS NULL OR l.file_id = $3)
           AND ($4::text IS NULL OR l.kind = $4) AND ($5::boolean IS NULL OR (l.transmitted_at IS NOT NULL) = $5) ORDER BY l.id`,
          [text(f.ps), text(f.fileId), text(f.kind), typeof f.transmitted === 'boolean' ? f.transmitted : null],
        )
      ).map(lotOf),
    summarize: async (f) => {
      const raw = { amo: emptyRaw(), amc: emptyRaw() };
      const r = await rows(
        `SELECT p.part, p.state, COUNT(*) AS n, SUM(p.expected) AS e, SUM(p.paid) AS p FROM ${s}.invoice_parts p JOIN ${s}.invoices i ON i.id = p.invoice_id
         WHERE i.practice = $1 AND ($2::text IS NULL OR i.ps = $2) GROUP BY p.part, p.state`,
        [text(f.ps)],
      );
      for (const g of r) addGroupToRaw(raw[g['part'] as 'amo' | 'amc'], g['state'] as PartState, int(g['n']), int(g['e']), int(g['p']));
      return { amo: toPartSummary(raw.amo), amc: toPartSummary(raw.amc) };
    },
    hasReturn: async (sourceId) => (await rows(`SELECT 1 FROM ${s}.processed_returns WHERE practice = $1 AND source_id = $2`, [text(sourceId)])).length > 0,
    getSecuring: async (id, kind) => {
      if (!isRowId(id)) return undefined;
      const r = await rows(`SELECT x.* FROM ${s}.invoice_securing x JOIN ${s}.invoices i ON i.id = x.invoice_id WHERE i.practice = $1 AND x.invoice_id = $2 AND x.kind = $3`, [id, text(kind)]);
      return r[0] === undefined ? undefined : securingOf(r[0]);
    },
    getWrittenFile: async (fileId) => {
      const r = await rows(`SELECT * FROM ${s}.written_files WHERE practice = $1 AND file_id = $2`, [text(fileId)]);
      return r[0] === undefined ? undefined : writtenFileOf(r[0]);
    },
    listProcessedReturns: async (f) =>
      (
        await rows(
          `SELECT r.source_id, r.at,
             (SELECT COUNT(*) FROM ${s}.history h WHERE h.practice = r.practice AND h.source = r.source_id) AS history_entries,
             (SELECT COUNT(*) FROM ${s}.return_audits a WHERE a.practice = r.practice AND a.source_id = r.source_id) AS audits
           FROM ${s}.processed_returns r WHERE r.practice = $1 AND ($2::text IS NULL OR left(r.source_id, length($2)) = $2)
           ORDER BY r.seq LIMIT $3 OFFSET $4`,
          [text(f.sourceIdPrefix), page(f.limit), page(f.offset) ?? 0],
        )
      ).map((r) => ({ sourceId: String(r['source_id']), at: String(r['at']), historyEntries: int(r['history_entries']), audits: int(r['audits']) })),
    listReturnAudits: async (sourceId) =>
      (await rows(`SELECT * FROM ${s}.return_audits WHERE practice = $1 AND ($2::text IS NULL OR source_id = $2) ORDER BY seq`, [text(sourceId)])).map((r) => ({
        seq: int(r['seq']), sourceId: String(r['source_id']), action: 'reapply' as const, by: String(r['audited_by']), reason: String(r['reason']), at: String(r['at']), applied: int(r['applied']), skipped: int(r['skipped']),
      })),
  };
}
