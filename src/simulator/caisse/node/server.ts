/**
 * The local caisse / OCT: an SMTP server (the `smtp-server` package) on a loopback port that
 * receives lots as a PMS sends them, reads each B2 attachment with the library's own parser,
 * and answers into the sender's mailbox — an ARL (modeled format) after `arlDelayMs`, then the
 * NOEMIE 580 return after `noemieDelayMs` — as its seeded script says (paid, partially paid,
 * rejected, retenue, lost return, duplicate ARL or return, negative ARL).
 *
 * A message is recognised by its Message-ID: a file sent again after a lost acknowledgement is
 * accepted (250) and not answered twice. SCOR pièces (PDF attachments) are accepted, checked
 * with `validatePdfA` and recorded beside the lots (no SCOR ARL: its layout is not modeled here). Faults for tests: `pause()` / `resume()` (the server down then back
 * on the same port), `fault('cut')` (the connection cut in the middle of DATA: nothing stored)
 * and `fault('lose-ack')` (stored, but the 250 never reaches the sender).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { PlainDate } from '../../../core/date/index';
import { field, guardFunction, guardInteger, guardObject, guardString, inputErr } from '../../../core/guard/index';
import type { Issue, Result } from '../../../core/issues/index';
import { ok } from '../../../core/issues/index';
import type { CaisseAnswer } from '../answer';
import { buildCaisseAnswer } from '../answer';
import type { CaisseScript } from '../script';
import type { CaisseMailbox } from './mailbox';
import { parseMimeMessage } from './mime';
import type { CaisseScheduler } from './scheduler';
import { createTimerScheduler } from './scheduler';
import { composeReturnMail } from './compose';
import { validatePdfA } from '../../../scor/index';

/** Options of {@link startLocalCaisse}. */
export interface LocalCaisseOptions {
  /** Where returns are delivered (the PS's mailbox: IMAP APPEND into dovecot, or in memory). */
  readonly mailbox: CaisseMailbox;
  /** The script (default `{ seed: 1 }`: every file accepted, every invoice paid). */
  readonly script?: CaisseScript;
  /** Clock and delays (default: the system clock and `setTimeout`). */
  readonly scheduler?: CaisseScheduler;
  /** Delay before the ARL, ms (default 0). */
  readonly arlDelayMs?: number;
  /** Delay before the NOEMIE return, ms (default 86 400 000: one day). */
  readonly noemieDelayMs?: number;
  /** Loopback address and port (default `127.0.0.1`, a free port). */
  readonly host?: string;
  readonly port?: number;
}

/** Counters of the caisse. */
export interface LocalCaisseStats {
  /** Messages accepted (250), duplicates included. */
  readonly messages: number;
  /** Messages recognised by their Message-ID (not answered again). */
  readonly duplicates: number;
  readonly files: number;
  readonly scor: number;
  readonly arlsDelivered: number;
  readonly noemieDelivered: number;
  /** Deliveries that failed (mailbox unreachable): the caisse retries them at the next `advance`/timer. */
  readonly deliveryErrors: number;
}

/** A SCOR pièce received beside the lots. */
export interface ReceivedScor {
  readonly from: string;
  readonly filename: string;
  readonly bytes: number;
  /** The structural PDF/A-1b checks of `validatePdfA` (sesam-billing/scor) pass. */
  readonly pdfA: boolean;
  /** Codes of the issues `validatePdfA` raised. */
  readonly issues: readonly string[];
}

/** The running caisse. */
export interface LocalCaisse {
  readonly host: string;
  readonly port: number;
  /** Answers given, one per distinct file, in arrival order. */
  answers(): readonly CaisseAnswer[];
  scor(): readonly ReceivedScor[];
  stats(): LocalCaisseStats;
  /** Next DATA commands: accept, cut the connection mid-transfer, or store and drop the 250. */
  fault(kind: 'none' | 'cut' | 'lose-ack'): void;
  /** Stops listening (the port is kept for `resume`). */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Waits for the deliveries already started. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Starts the local caisse.
 *
 * @param options - Mailbox, script, scheduler, delays, address.
 * @returns The running caisse, or `INPUT_*` issues (nothing started).
 * @throws Error when the port cannot be listened on (I/O).
 */
export async function startLocalCaisse(options: LocalCaisseOptions): Promise<Result<LocalCaisse>> {
  const issues: Issue[] = [];
  const o = guardObject(options, ['options'], issues);
  if (o) {
    const m = guardObject(field(o, 'mailbox'), ['options', 'mailbox'], issues);
    if (m) for (const k of ['deliver', 'close']) guardFunction(field(m, k), ['options', 'mailbox', k], issues);
    const sc = guardObject(field(o, 'script'), ['options', 'script'], issues, { required: false });
    if (sc) guardInteger(field(sc, 'seed'), ['options', 'script', 'seed'], issues, { min: 0, max: 0xffffffff });
    const sh = guardObject(field(o, 'scheduler'), ['options', 'scheduler'], issues, { required: false });
    if (sh) for (const k of ['clock', 'schedule']) guardFunction(field(sh, k), ['options', 'scheduler', k], issues);
    for (const k of ['arlDelayMs', 'noemieDelayMs']) guardInteger(field(o, k), ['options', k], issues, { required: false, min: 0 });
    guardString(field(o, 'host'), ['options', 'host'], issues, { required: false, min: 1 });
    guardInteger(field(o, 'port'), ['options', 'port'], issues, { required: false, min: 0, max: 65535 });
  }
  if (issues.length > 0) return inputErr(issues);
  const script = options.script ?? { seed: 1 };
  const scheduler = options.scheduler ?? createTimerScheduler();
  const host = options.host ?? '127.0.0.1';
  const stats: Mutable<LocalCaisseStats> = { messages: 0, duplicates: 0, files: 0, scor: 0, arlsDelivered: 0, noemieDelivered: 0, deliveryErrors: 0 };
  const answers: CaisseAnswer[] = [];
  const scor: ReceivedScor[] = [];
  const seen = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let fault: 'none' | 'cut' | 'lose-ack' = 'none';
  let server: SMTPServer | undefined;
  let port = options.port ?? 0;

  const day = (): PlainDate => scheduler.clock().slice(0, 10) as PlainDate;
  const track = (p: Promise<void>): Promise<void> => {
    inFlight.add(p);
    return p.finally(() => inFlight.delete(p));
  };
  /** Delivers one return; a failed delivery is retried one minute later (a caisse's MTA retries). */
  const deliver = (to: string, make: () => Promise<Buffer>, count: () => void): Promise<void> =>
    track(
      (async () => {
        try {
          await options.mailbox.deliver(to, await make());
          count();
        } catch {
          stats.deliveryErrors++;
          scheduler.schedule(60_000, () => deliver(to, make, count));
        }
      })(),
    );

  const answer = (bytes: Uint8Array, psAddress: string, caisseAddress: string, inReplyTo: string): void => {
    const received = day();
    const a = buildCaisseAnswer(bytes, { script, received });
    if (!a.ok) return;
    const first = a.value;
    answers.push(first);
    stats.files++;
    const mail = (kind: 'ARL' | 'NOEMIE', copy: number, fileBytes: Uint8Array) => () =>
      composeReturnMail({
        from: caisseAddress, to: psAddress, subject: `${kind} ${first.fileId}`, messageId: `<${kind.toLowerCase()}.${first.fileId}.${first.ps || 'x'}.${copy}@caisse.simulee.test>`,
        ...(inReplyTo ? { inReplyTo } : {}), date: scheduler.clock(), filename: `${kind}_${first.fileId}.${kind === 'ARL' ? 'arl' : 'noe'}`, bytes: fileBytes,
      });
    for (let c = 0; c < first.arlCopies; c++) scheduler.schedule(options.arlDelayMs ?? 0, () => deliver(psAddress, mail('ARL', c, first.arlBytes), () => stats.arlsDelivered++));
    if (first.noemieCopies === 0) return;
    scheduler.schedule(options.noemieDelayMs ?? 86_400_000, async () => {
      // The NOEMIE is dated the day it is written (the scheduler's clock at that time).
      const late = buildCaisseAnswer(bytes, { script, received, returned: day() });
      const noemie = late.ok ? late.value.noemieBytes : undefined;
      if (noemie === undefined) return;
      for (let c = 0; c < first.noemieCopies; c++) await deliver(psAddress, mail('NOEMIE', c, noemie), () => stats.noemieDelivered++);
    });
  };

  const make = (): SMTPServer =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      disableReverseLookup: true,
      size: 64 * 1024 * 1024,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        let cut = false;
        const drop = (): void => {
          for (const c of (server as unknown as { connections?: Set<{ _socket?: { destroy(): void } }> }).connections ?? []) c._socket?.destroy();
        };
        stream.on('data', (c: Buffer) => {
          chunks.push(c);
          if (fault === 'cut' && !cut) {
            cut = true;
            drop();
          }
        });
        stream.on('end', () => {
          if (cut) return;
          const raw = Buffer.concat(chunks);
          const msg = parseMimeMessage(raw);
          const messageId = msg.headers.get('message-id') ?? '';
          stats.messages++;
          const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
          const to = session.envelope.rcptTo[0]?.address ?? 'caisse@caisse.simulee.test';
          if (messageId !== '' && seen.has(messageId)) stats.duplicates++;
          else {
            if (messageId !== '') seen.add(messageId);
            for (const att of msg.attachments) {
              const head = Buffer.from(att.bytes.subarray(0, 8)).toString('latin1');
              if (head.startsWith('%PDF-')) {
                stats.scor++;
                void track(
                  validatePdfA(att.bytes).then((v) => void scor.push({ from, filename: att.filename, bytes: att.bytes.length, pdfA: v.ok, issues: v.issues.map((i) => i.code) })),
                );
              } else answer(att.bytes, from, to, messageId);
            }
          }
          if (fault === 'lose-ack') return drop();
          callback(null, `OK ${messageId} queued`);
        });
      },
    });
  const listen = (s: SMTPServer, p: number): Promise<number> =>
    new Promise((resolve, reject) => {
      s.once('error', reject);
      s.listen(p, host, () => resolve((s.server.address() as AddressInfo).port));
    });
  server = make();
  port = await listen(server, port);
  const stop = (): Promise<void> => new Promise((r) => (server ? server.close(() => r()) : r()));

  return ok({
    host,
    get port() {
      return port;
    },
    answers: () => answers,
    scor: () => scor,
    stats: () => ({ ...stats }),
    fault(kind) {
      fault = kind;
    },
    async pause() {
      await stop();
      server = undefined;
    },
    async resume() {
      if (server !== undefined) return;
      server = make();
      await listen(server, port);
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async close() {
      await stop();
      server = undefined;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  });
}
