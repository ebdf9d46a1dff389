/**
 * SQLite outbox store (better-sqlite3, the optional dependency of the ledger): queued files and
 * stored-return keys survive a restart. Its own tables (`transport_outbox`, `transport_returns`),
 * created when absent, so it may share the ledger's database file.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { SesamError } from '../../core/issues/index';
import { loadSqliteDriver } from '../../ledger/sqlite/index';
import type { SqliteDriver } from '../../ledger/sqlite/index';
import type { OutboxEntry, OutboxPatch, OutboxStatus, OutboxStore } from './store';

/** Options of `createSqliteOutboxStore`. */
export interface SqliteOutboxOptions {
  /** Database file (created when absent); may be the ledger's file. */
  readonly path: string;
  /** The driver, when the caller loaded it (default: `import('better-sqlite3')`). */
  readonly driver?: SqliteDriver;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS transport_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  file_id TEXT NOT NULL UNIQUE,
  destination TEXT NOT NULL,
  filename TEXT,
  bytes BLOB NOT NULL,
  sha256 TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending','sent','failed')),
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  enqueued_at TEXT NOT NULL,
  last_error TEXT, sent_at TEXT, message_id TEXT, response TEXT
);
CREATE INDEX IF NOT EXISTS transport_outbox_due ON transport_outbox (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS transport_returns (key TEXT PRIMARY KEY, at TEXT NOT NULL);
`;

interface Row {
  file_id: string; destination: string; filename: string | null; bytes: Buffer; sha256: string; status: OutboxStatus;
  attempts: number; next_attempt_at: number; enqueued_at: string; last_error: string | null; sent_at: string | null;
  message_id: string | null; response: string | null;
}

function toEntry(r: Row): OutboxEntry {
  return {
    fileId: r.file_id, destination: r.destination, ...(r.filename !== null ? { filename: r.filename } : {}),
    bytes: new Uint8Array(r.bytes), sha256: r.sha256, status: r.status, attempts: r.attempts, nextAttemptAt: r.next_attempt_at,
    enqueuedAt: r.enqueued_at,
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    ...(r.sent_at !== null ? { sentAt: r.sent_at } : {}),
    ...(r.message_id !== null ? { messageId: r.message_id } : {}),
    ...(r.response !== null ? { response: r.response } : {}),
  };
}

const COLUMNS: Record<keyof OutboxPatch, string> = {
  status: 'status', attempts: 'attempts', nextAttemptAt: 'next_attempt_at', lastError: 'last_error', sentAt: 'sent_at', messageId: 'message_id', response: 'response',
};

/**
 * Opens (creating when needed) a SQLite outbox store.
 *
 * @param options - File path, driver.
 * @returns The store; call `close()` when done.
 * @throws SesamError `NOT_INSTALLED` without better-sqlite3, `STORE` when the file cannot be opened.
 */
export async function createSqliteOutboxStore(options: SqliteOutboxOptions): Promise<OutboxStore> {
  if (typeof options !== 'object' || options === null || typeof options.path !== 'string') throw new SesamError('ASSERTION', 'createSqliteOutboxStore: options.path must be a string');
  const Driver = options.driver ?? (await loadSqliteDriver());
  let db: BetterSqlite3.Database;
  try {
    db = new Driver(options.path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
  } catch (cause) {
    throw new SesamError('STORE', `cannot open the outbox database ${options.path}: ${(cause as Error).message}`, { cause });
  }
  const st = {
    insert: db.prepare(`INSERT INTO transport_outbox (file_id, destination, filename, bytes, sha256, status, attempts, next_attempt_at, enqueued_at)
      VALUES (@fileId, @destination, @filename, @bytes, @sha256, @status, @attempts, @nextAttemptAt, @enqueuedAt) ON CONFLICT(file_id) DO NOTHING`),
    get: db.prepare('SELECT * FROM transport_outbox WHERE file_id = ?'),
    due: db.prepare("SELECT * FROM transport_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY seq LIMIT ?"),
    all: db.prepare('SELECT * FROM transport_outbox ORDER BY seq'),
    byStatus: db.prepare('SELECT * FROM transport_outbox WHERE status = ? ORDER BY seq'),
    hasKey: db.prepare('SELECT 1 FROM transport_returns WHERE key = ?'),
    addKey: db.prepare('INSERT OR IGNORE INTO transport_returns (key, at) VALUES (?, ?)'),
  };
  const get = (id: string): OutboxEntry | undefined => {
    const r = st.get.get(id) as Row | undefined;
    return r ? toEntry(r) : undefined;
  };
  const wrap = <T>(what: string, f: () => T): T => {
    try {
      return f();
    } catch (cause) {
      throw new SesamError('STORE', `outbox ${what}: ${(cause as Error).message}`, { cause });
    }
  };
  return {
    async insert(e) {
      return wrap('insert', () => {
        const info = st.insert.run({
          fileId: e.fileId, destination: e.destination, filename: e.filename ?? null, bytes: Buffer.from(e.bytes), sha256: e.sha256,
          status: e.status, attempts: e.attempts, nextAttemptAt: e.nextAttemptAt, enqueuedAt: e.enqueuedAt,
        });
        return { inserted: info.changes === 1, entry: get(e.fileId)! };
      });
    },
    async get(fileId) {
      return wrap('get', () => get(fileId));
    },
    async listDue(nowMs, limit) {
      return wrap('listDue', () => (st.due.all(nowMs, limit) as Row[]).map(toEntry));
    },
    async list(status) {
      return wrap('list', () => ((status === undefined ? st.all.all() : st.byStatus.all(status)) as Row[]).map(toEntry));
    },
    async update(fileId, patch) {
      const keys = (Object.keys(patch) as (keyof OutboxPatch)[]).filter((k) => COLUMNS[k] !== undefined);
      if (keys.length === 0) return;
      const sql = `UPDATE transport_outbox SET ${keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ')} WHERE file_id = @fileId`;
      wrap('update', () => db.prepare(sql).run({ ...Object.fromEntries(keys.map((k) => [k, patch[k] ?? null])), fileId }));
    },
    async hasReturn(messageId, contentHash) {
      return wrap('hasReturn', () => (messageId !== '' && st.hasKey.get(`mid:${messageId}`) !== undefined) || st.hasKey.get(`sha:${contentHash}`) !== undefined);
    },
    async recordReturn(keys) {
      wrap('recordReturn', () =>
        db.transaction(() => {
          if (keys.messageId !== '') st.addKey.run(`mid:${keys.messageId}`, keys.at);
          st.addKey.run(`sha:${keys.contentHash}`, keys.at);
        })(),
      );
    },
    async close() {
      db.close();
    },
  };
}
