/**
 * `sesam-billing/transport`: teletransmission. The `Transport` port (send a file, fetch the
 * returns, mark them stored), its e-mail adapter (SMTP submission with nodemailer, IMAP
 * retrieval with imapflow or POP3 retrieval) and the offline outbox (idempotent sending with backoff and a circuit
 * breaker per destination, idempotent fetching), in memory or SQLite.
 */
export { TRANSPORT_CODES } from './codes';
export type { TransportCode } from './codes';
export type * from './model';
export { computeContentHash, computeMessageId } from './messageId';
export type { Envelope, EnvelopeOptions } from './envelope';
export { buildEnvelope } from './envelope';
export type { MailTransportOptions } from './mail/createMailTransport';
export { createMailTransport } from './mail/createMailTransport';
export type { SmtpOptions } from './mail/smtp';
export { isPermanentSmtpError } from './mail/smtp';
export type { ImapOptions } from './mail/imap';
export type { Pop3Options } from './mail/pop3';
export type { OutboxEntry, OutboxPatch, OutboxStatus, OutboxStore, StoredReturnKeys } from './outbox/store';
export { createMemoryOutboxStore } from './outbox/memory';
export type { SqliteOutboxOptions } from './outbox/sqlite';
export { createSqliteOutboxStore } from './outbox/sqlite';
export type { BackoffPolicy, BreakerPolicy, CircuitState } from './outbox/backoff';
export { computeBackoffMs, DEFAULT_BACKOFF, DEFAULT_BREAKER, isCircuitPassable, nextCircuitState } from './outbox/backoff';
export type { ApplyReturn, DrainReport, Outbox, OutboxOptions, ReceiveReport } from './outbox/createOutbox';
export { createOutbox } from './outbox/createOutbox';
export type { OctPem, OctTransportOptions } from './oct/createOctTransport';
export { createOctTransport } from './oct/createOctTransport';
export { parseOctAck, parseOctReceipt, parseOctReturns } from './oct/contract';
