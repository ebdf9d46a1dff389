/**
 * `sesam send --smtp URL [--from ADDR] [--to ADDR] [--data DIR]`: puts the B2 files written by
 * `sesam lot` and not yet transmitted into the offline queue (the SQLite outbox, in the ledger's
 * file), then drains it over SMTP. Idempotent: a file is queued once (by its id), travels under a
 * Message-ID derived from its id (a caisse recognises a re-send), and its lots are marked
 * transmitted once the server accepted it — also on the next run when a crash came in between.
 * A manual `send` tries the files still waiting now (the backoff paces automatic retries only).
 */
import type { Command } from 'commander';
import type { LedgerStore } from '../../ledger/index';
import { rebuildFile } from '../../fse/index';
import type { OutboxStore, SendReceipt, Transport, TransportFile } from '../../transport/index';
import { createMailTransport, createOutbox, createSqliteOutboxStore } from '../../transport/index';
import type { CliIo } from '../io';
import { createReporter, refusalIssue } from '../json';
import { addLedgerOptions, addOutputOptions, withLedger } from '../ledgerCommand';
import { DEFAULT_DATA } from '../ledgerFile';
import { describeServer, readMailServer } from '../mailServer';
import { EXIT } from '../outcome';
import { startProgress } from '../progress';

/** Options of `sesam send`. */
export interface SendCommandOptions {
  readonly data?: string;
  readonly smtp: string;
  readonly from?: string;
  readonly to?: string;
  readonly passFile?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;

async function markSent(ledger: LedgerStore, store: OutboxStore): Promise<string[]> {
  const marked: string[] = [];
  const waiting = await ledger.listLots({ transmitted: false });
  for (const fileId of new Set(waiting.flatMap((l) => (l.fileId === undefined ? [] : [l.fileId])))) {
    if ((await store.get(fileId))?.status !== 'sent') continue;
    const m = await ledger.markTransmitted({ fileId });
    if (m.ok) marked.push(fileId);
  }
  return marked;
}

/**
 * Runs `sesam send`.
 *
 * @param options - SMTP URL, addresses, data folder.
 * @param io - Output.
 * @param env - The environment (credentials).
 * @returns 0 everything sent (or nothing to send); 64 usage; 66 no ledger; 69 the SMTP server
 *   unreachable or refusing (the files stay queued, one line says so).
 */
export async function runSend(options: SendCommandOptions, io: CliIo, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const r = createReporter(io, 'send', options.json === true);
  const smtp = await readMailServer('smtp', options.smtp, env, options.passFile, false);
  if (!smtp.ok) return r.refuse(smtp.exit, smtp.message);
  const from = options.from ?? env['SESAM_MAIL_FROM'];
  if (from === undefined || !ADDRESS.test(from)) return r.refuse(EXIT.USAGE, '--from: give the sender address (the practice\'s mailbox), or set SESAM_MAIL_FROM');
  if (options.to !== undefined && !ADDRESS.test(options.to)) return r.refuse(EXIT.USAGE, `--to: not an address: ${options.to.slice(0, 80)}`);
  return withLedger(r, { data: options.data ?? DEFAULT_DATA }, {}, async ({ ledger, path }) => {
    const store = await createSqliteOutboxStore({ path });
    let transport: Transport | undefined;
    try {
      // Files written by `sesam lot` (in the ledger) and not yet in the queue.
      const waiting = await ledger.listLots({ transmitted: false });
      const toQueue: TransportFile[] = [];
      const seen = new Set<string>();
      for (const lot of waiting) {
        if (lot.fileId === undefined || seen.has(lot.fileId)) continue;
        seen.add(lot.fileId);
        if ((await ledger.getWrittenFile(lot.fileId)) === undefined || (await store.get(lot.fileId)) !== undefined) continue;
        if (options.to === undefined) return r.refuse(EXIT.USAGE, `file ${lot.fileId} is waiting: give --to ADDR (the caisse's or the OCT's address)`);
        const bytes = await rebuildFile(ledger, lot.fileId);
        if (!bytes.ok) {
          for (const i of bytes.issues) r.issue(i);
          return r.refuse(EXIT.DATA, `file ${lot.fileId} cannot be rebuilt from the ledger (issues above)`);
        }
        toQueue.push({ fileId: lot.fileId, destination: options.to, bytes: bytes.value, filename: `${lot.kind.toUpperCase()}_${lot.ps}_${lot.destinataire}_${lot.fileId}.b2` });
      }
      const mail = createMailTransport({ smtp: { host: smtp.value.host, port: smtp.value.port, secure: smtp.value.secure, requireTLS: smtp.value.requireTLS, ...(smtp.value.auth ? { auth: smtp.value.auth } : {}), timeoutMs: 15_000 }, from });
      if (!mail.ok) {
        for (const i of mail.issues) r.issue(i);
        return r.refuse(EXIT.USAGE, 'the SMTP settings are not usable (issues above)');
      }
      const pending = (await store.list('pending')).length + toQueue.length;
      const progress = startProgress('fichiers envoyés', pending, options);
      const inner = mail.value;
      transport = {
        ...inner,
        send: async (f) => {
          const res = await inner.send(f);
          progress.tick();
          return res;
        },
      };
      const outbox = createOutbox({ store, transport });
      if (!outbox.ok) throw new Error('outbox options');
      for (const f of toQueue) {
        const q = await outbox.value.enqueue(f);
        if (!q.ok) for (const i of q.issues) r.issue(i);
      }
      // A manual run tries the waiting files now.
      const now = Date.now();
      for (const e of await store.list('pending')) if (e.nextAttemptAt > now) await store.update(e.fileId, { nextAttemptAt: now });
      const report = await outbox.value.drain();
      progress.stop();
      const marked = await markSent(ledger, store);
      const sent = report.sent.map((s: SendReceipt) => ({ fileId: s.fileId, messageId: s.messageId, destination: s.destination }));
      const retrying = [...report.retrying, ...report.deferred];
      const notSent = retrying.length + report.failed.length;
      // Without --json a failed run prints one line (the refusal below), not one per file.
      if (r.json || notSent === 0) for (const i of report.issues) r.issue(i);
      r.say(`${sent.length} fichier(s) envoyé(s) par SMTP (${describeServer(smtp.value)}), ${retrying.length} à réessayer, ${report.failed.length} en échec ; ${marked.length} fichier(s) marqué(s) transmis\n`);
      for (const s of sent) r.say(`  ${s.fileId} → ${s.destination} ${s.messageId}\n`);
      const result = { sent, retrying, failed: report.failed, queued: toQueue.length, transmitted: marked };
      if (notSent > 0) {
        const first = report.issues.find((i) => i.severity === 'error') ?? report.issues[0];
        const why = first?.received ?? first?.message ?? 'not accepted';
        const line = `SMTP server ${describeServer(smtp.value)} unavailable (${String(why).replace(/[\r\n]+/g, ' ').slice(0, 160)}): ${notSent} file(s) kept in the queue, run sesam send again`;
        if (!r.json) return r.refuse(EXIT.UNAVAILABLE, line);
        r.issue(refusalIssue(EXIT.UNAVAILABLE, line));
        return r.finish(EXIT.UNAVAILABLE, result);
      }
      return r.finish(EXIT.OK, result);
    } finally {
      await transport?.close();
      await store.close();
    }
  });
}

/**
 * Adds `sesam send` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The sub-command.
 */
export function addSendCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  const send = program
    .command('send')
    .summary('send the B2 files waiting in the queue over SMTP (idempotent)')
    .description(
      'Queue the B2 files written by `sesam lot` and not yet transmitted (the offline queue lives in the ledger\'s SQLite file) and send them over SMTP, each under a Message-ID derived from its file id; lots are marked transmitted once the server accepted the file. Credentials: user in the URL (smtp://user@host) or SESAM_SMTP_USER, password in SESAM_SMTP_PASS or --pass-file; never in the URL.',
    )
    .requiredOption('--smtp <url>', 'SMTP server: smtp://[user@]host[:port] (STARTTLS, required unless loopback) or smtps://… (implicit TLS)')
    .option('--from <addr>', 'sender address, the practice\'s mailbox (default SESAM_MAIL_FROM)')
    .option('--to <addr>', 'recipient of the files not yet queued (the caisse\'s or the OCT\'s address)')
    .option('--pass-file <file>', 'file whose first line is the SMTP password (instead of SESAM_SMTP_PASS)');
  addLedgerOptions(send);
  return addOutputOptions(send, {
    result: '{ sent, retrying, failed, queued, transmitted }',
    quiet: true,
    exitCodes: '0 everything sent (or nothing to send); 64 usage; 66 no ledger; 69 SMTP server unreachable or refusing (the files stay queued).',
  }).action(async (options: SendCommandOptions) => {
    done(await runSend(options, io));
  });
}
