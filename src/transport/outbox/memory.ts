/**
 * In-memory outbox store (one process; lost on exit — use the SQLite store in a PMS).
 */
import type { OutboxEntry, OutboxStore, StoredReturnKeys } from './store';

/**
 * Creates an in-memory outbox store.
 *
 * @returns The store.
 */
export function createMemoryOutboxStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  const returnKeys = new Set<string>();
  return {
    async insert(entry) {
      const found = entries.get(entry.fileId);
      if (found) return { inserted: false, entry: found };
      const copy = { ...entry, bytes: entry.bytes.slice() };
      entries.set(entry.fileId, copy);
      return { inserted: true, entry: copy };
    },
    async get(fileId) {
      return entries.get(fileId);
    },
    async listDue(nowMs, limit) {
      return [...entries.values()].filter((e) => e.status === 'pending' && e.nextAttemptAt <= nowMs).slice(0, limit);
    },
    async list(status) {
      return [...entries.values()].filter((e) => status === undefined || e.status === status);
    },
    async update(fileId, patch) {
      const found = entries.get(fileId);
      if (found) entries.set(fileId, { ...found, ...patch });
    },
    async hasReturn(messageId, contentHash) {
      return (messageId !== '' && returnKeys.has(`mid:${messageId}`)) || returnKeys.has(`sha:${contentHash}`);
    },
    async recordReturn(keys: StoredReturnKeys) {
      if (keys.messageId !== '') returnKeys.add(`mid:${keys.messageId}`);
      returnKeys.add(`sha:${keys.contentHash}`);
    },
    async close() {},
  };
}
