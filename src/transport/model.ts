/**
 * The `Transport` port: what sends a file to a caisse or an OCT and fetches what comes back.
 *
 * An implementation never deletes a return before the caller says it is stored
 * (`markStored`): fetching only reads, so a crash between fetch and store loses nothing.
 */
import type { Result } from '../core/issues/index';

/** A file to send: its id and its exact bytes (a B2 file, a SCOR lot…). */
export interface TransportFile {
  /** Stable id of the file (e.g. the B2 000 record file id with the PS number); the Message-ID derives from it. */
  readonly fileId: string;
  /** Recipient address (the caisse's or the OCT's); the outbox keys its circuit breaker on it. */
  readonly destination: string;
  /** The exact bytes, sent unchanged (base64 transfer encoding). */
  readonly bytes: Uint8Array;
  /** Attachment name (default `<fileId>.b2`). */
  readonly filename?: string;
}

/** What the SMTP server said when it accepted a file. */
export interface SendReceipt {
  readonly fileId: string;
  /** The Message-ID (derived from the file id: the same file always has the same one). */
  readonly messageId: string;
  readonly destination: string;
  /** Server response line (e.g. `250 OK queued`). */
  readonly response: string;
}

/** One attachment of a fetched return, decoded to its exact bytes. */
export interface ReturnAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly bytes: Uint8Array;
}

/** A return read from the mailbox (ARL, NOEMIE…), not yet stored. */
export interface FetchedReturn {
  /** Mailbox reference to give back to `markStored` (IMAP UID). */
  readonly ref: string;
  /** Message-ID of the return (empty when the message had none). */
  readonly messageId: string;
  /** SHA-256 (hex) of the attachments' bytes in order: a return re-sent under another Message-ID has the same. */
  readonly contentHash: string;
  readonly from: string;
  readonly subject: string;
  /** In-Reply-To / References when the sender set them (the Message-ID of the file it answers). */
  readonly inReplyTo: string;
  readonly attachments: readonly ReturnAttachment[];
}

/** The port. */
export interface Transport {
  /** Sends one file. A transient failure is `TRANSPORT_SEND_FAILED`, a permanent refusal `TRANSPORT_SEND_REJECTED`. */
  send(file: TransportFile): Promise<Result<SendReceipt>>;
  /** Reads the returns not yet marked stored; never deletes. `TRANSPORT_MAILBOX_UNREACHABLE` when the mailbox cannot be read. */
  fetchReturns(): Promise<Result<readonly FetchedReturn[]>>;
  /** Marks returns as stored by the caller (flag, and optional move): they are not fetched again. */
  markStored(refs: readonly string[]): Promise<Result<number>>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
