/**
 * `sesam-billing/simulator/caisse`: a local caisse / OCT for tests and demos (fictitious data
 * only). It receives lots by SMTP, reads them with the library's B2 parser, and answers into the
 * PS's mailbox — a modeled ARL, then a NOEMIE 580 return — as a seeded script says. Node only
 * (smtp-server, imapflow, a dovecot it can start).
 */
export type { CaisseFileOutcome, CaisseInvoiceOutcome, CaisseScript, Weights } from './script';
export { computeDraw, computeFileOutcome, computeInvoiceOutcome, computeRejectCode } from './script';
export type { CaisseInvoiceAnswer } from './noemieReturn';
export type { CaisseAnswer, CaisseAnswerOptions } from './answer';
export { buildCaisseAnswer } from './answer';
export type { CaisseScheduler, ManualScheduler } from './node/scheduler';
export { createManualScheduler, createTimerScheduler } from './node/scheduler';
export type { CaisseMailbox, ImapAppendOptions, MemoryMailbox } from './node/mailbox';
export { createImapAppendMailbox, createMemoryMailbox } from './node/mailbox';
export type { MimeAttachment, MimeMessage } from './node/mime';
export { parseMimeMessage } from './node/mime';
export type { LocalCaisse, LocalCaisseOptions, LocalCaisseStats, ReceivedScor } from './node/server';
export { startLocalCaisse } from './node/server';
export type { TestDovecot } from './node/dovecot';
export { findDovecot, freePort, hasDovecotPop3, startDovecot } from './node/dovecot';
