/**
 * The outbox store port: files waiting to be sent and the keys of returns already stored.
 * Implementations: `createMemoryOutboxStore` (tests, a single process) and
 * `createSqliteOutboxStore` (survives a restart).
 */

/** State of a queued file. */
export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** One queued file. */
export interface OutboxEntry {
  readonly fileId: string;
  readonly destination: string;
  readonly filename?: string;
  readonly bytes: Uint8Array;
  /** SHA-256 (hex) of the bytes: the same id with other bytes is a conflict. */
  readonly sha256: string;
  readonly status: OutboxStatus;
  /** Send attempts made so far. */
  readonly attempts: number;
  /** Not before this instant (epoch ms) — the backoff. */
  readonly nextAttemptAt: number;
  readonly enqueuedAt: string;
  readonly lastError?: string;
  readonly sentAt?: string;
  readonly messageId?: string;
  readonly response?: string;
}

/** Fields an update may change. */
export type OutboxPatch = Partial<Pick<OutboxEntry, 'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'messageId' | 'response'>>;

/** A stored return's keys. */
export interface StoredReturnKeys {
  readonly messageId: string;
  readonly contentHash: string;
  readonly at: string;
}

/** The store. */
export interface OutboxStore {
  /** Inserts when the id is new; else returns the entry already there (unchanged). */
  insert(entry: OutboxEntry): Promise<{ readonly inserted: boolean; readonly entry: OutboxEntry }>;
  get(fileId: string): Promise<OutboxEntry | undefined>;
  /** Pending entries due at `nowMs`, in enqueue order. */
  listDue(nowMs: number, limit: number): Promise<readonly OutboxEntry[]>;
  /** Entries (of one status), in enqueue order. */
  list(status?: OutboxStatus): Promise<readonly OutboxEntry[]>;
  update(fileId: string, patch: OutboxPatch): Promise<void>;
  /** Whether a return with this Message-ID (non-empty) or this content hash was stored. */
  hasReturn(messageId: string, contentHash: string): Promise<boolean>;
  recordReturn(keys: StoredReturnKeys): Promise<void>;
  close(): Promise<void>;
}
