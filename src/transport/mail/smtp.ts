/**
 * SMTP submission with nodemailer: one message per file, the file as a base64 attachment.
 */
import nodemailer from 'nodemailer';
import type { Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { TRANSPORT_CODES } from '../codes';
import type { Envelope } from '../envelope';
import type { SendReceipt } from '../model';

const issue = createIssueFactory(TRANSPORT_CODES);

/** SMTP server settings. */
export interface SmtpOptions {
  readonly host: string;
  readonly port: number;
  /** Implicit TLS (port 465). Default `false`: plain connection upgraded by STARTTLS when offered. */
  readonly secure?: boolean;
  /** Refuse to send when STARTTLS is not available (default `false`; set `true` in production). */
  readonly requireTLS?: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  /** Accept a self-signed server certificate (tests only; default `false`). */
  readonly allowSelfSigned?: boolean;
  /** Connection, greeting and socket timeouts, ms (default 30 000). */
  readonly timeoutMs?: number;
  /**
   * Keep connections open and reuse them (default `false`: one connection per file). On loopback
   * a pooled send is several times faster (bench/transport.bench.ts); `close()` ends the pool.
   */
  readonly pool?: boolean;
}

/** A submission channel. */
export interface SmtpChannel {
  submit(fileId: string, envelope: Envelope): Promise<Result<SendReceipt>>;
  close(): void;
}

/**
 * Tells a permanent SMTP refusal (5xx reply) from a transient failure (4xx, connection, timeout).
 *
 * @param error - What nodemailer threw.
 * @returns `true` when resending the same message cannot succeed.
 */
export function isPermanentSmtpError(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Opens a (lazy) SMTP channel.
 *
 * @param options - Server settings.
 * @returns The channel; nothing connects before the first submission.
 */
export function createSmtpChannel(options: SmtpOptions): SmtpChannel {
  const timeout = options.timeoutMs ?? 30_000;
  const transporter = nodemailer.createTransport({
    ...(options.pool === true ? { pool: true as const, maxConnections: 1 } : {}),
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    requireTLS: options.requireTLS ?? false,
    ...(options.auth ? { auth: { user: options.auth.user, pass: options.auth.pass } } : {}),
    tls: { rejectUnauthorized: !(options.allowSelfSigned ?? false) },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async submit(fileId, env) {
      try {
        const info = await transporter.sendMail({
          from: env.from,
          to: env.to,
          subject: env.subject,
          messageId: env.messageId,
          headers: { ...env.headers },
          text: env.text,
          attachments: [
            {
              filename: env.attachment.filename,
              content: Buffer.from(env.attachment.bytes.buffer, env.attachment.bytes.byteOffset, env.attachment.bytes.byteLength),
              contentType: env.attachment.contentType,
              contentTransferEncoding: env.attachment.encoding,
            },
          ],
        });
        return ok({ fileId, messageId: env.messageId, destination: env.to, response: String(info.response ?? '') });
      } catch (e) {
        const text = (e as Error)?.message ?? String(e);
        return err(issue(isPermanentSmtpError(e) ? 'TRANSPORT_SEND_REJECTED' : 'TRANSPORT_SEND_FAILED', { path: ['fileId'], received: text }));
      }
    },
    close() {
      transporter.close();
    },
  };
}
