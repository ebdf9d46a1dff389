/**
 * `sesam returns fetch (--imap URL | --pop3 URL) [--reconcile] [--data DIR] [--ps N]`: fetches
 * the returns (ARL, NOEMIE PS) from the practice's mailbox. Each attachment is stored first — a
 * file in DIR/retours (listed in the data folder's marker), the return's keys (Message-ID,
 * content hash) in the ledger's file — and only then flagged (IMAP) or deleted (POP3 DELE) on
 * the server; a return fetched twice (a second run, a copy under another Message-ID) is
 * recognised and not stored again. With `--reconcile` the ARL and NOEMIE files fetched are
 * applied to the ledger (`reconcile`, once per file: the ledger remembers what it applied).
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Result } from '../../core/issues/index';
import { ok } from '../../core/issues/index';
import { decodeModeledArl } from '../../noemie/arl/modeledDecoder';
import type { Arl } from '../../noemie/arl/types';
import { parseNoemie } from '../../noemie/index';
import type { NoemieFile } from '../../noemie/types';
import { reconcile } from '../../returns/index';
import type { FetchedReturn, Transport } from '../../transport/index';
import { createMailTransport, createOutbox, createSqliteOutboxStore } from '../../transport/index';
import type { DataDir } from '../dataDir';
import type { CliIo } from '../io';
import { createReporter } from '../json';
import { addLedgerOptions, addOutputOptions, withLedger } from '../ledgerCommand';
import { DEFAULT_DATA } from '../ledgerFile';
import type { MailServer } from '../mailServer';
import { describeServer, readMailServer } from '../mailServer';
import { EXIT } from '../outcome';

/** Options of `sesam returns fetch`. */
export interface ReturnsFetchOptions {
  readonly data?: string;
  readonly imap?: string;
  readonly pop3?: string;
  readonly passFile?: string;
  readonly reconcile?: boolean;
  readonly ps?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** One stored attachment. */
interface StoredFile {
  readonly kind: 'arl' | 'noemie' | 'autre';
  readonly path: string;
  readonly bytes: number;
  readonly messageId: string;
}

const safeName = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 60) || 'piece';

/**
 * Runs `sesam returns fetch`.
 *
 * @param options - Mailbox URL, data folder, reconcile.
 * @param io - Output.
 * @param env - The environment (credentials).
 * @returns 0 fetched (and reconciled); 64 usage; 65 reconcile refused a file (e.g. addressed to
 *   another PS); 66 no ledger; 69 mailbox unreachable; 73 the data folder cannot be used.
 */
export async function runReturnsFetch(options: ReturnsFetchOptions, io: CliIo, env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  const r = createReporter(io, 'returns fetch', options.json === true);
  if ((options.imap === undefined) === (options.pop3 === undefined)) return r.refuse(EXIT.USAGE, 'give the mailbox: --imap URL or --pop3 URL (one of them)');
  const protocol = options.imap !== undefined ? 'imap' : 'pop3';
  const server = await readMailServer(protocol, (options.imap ?? options.pop3) as string, env, options.passFile, true);
  if (!server.ok) return r.refuse(server.exit, server.message);
  return withLedger(r, { data: options.data ?? DEFAULT_DATA }, { dataDir: true }, async ({ ledger, path, dir }) => {
    const store = await createSqliteOutboxStore({ path });
    let transport: Transport | undefined;
    try {
      const folder = await dir.claimDir('retours');
      if (!folder.ok) return r.refuse(folder.exit, folder.message);
      const s: MailServer = server.value;
      const base = { host: s.host, port: s.port, secure: s.secure, auth: s.auth as { user: string; pass: string }, timeoutMs: 15_000 };
      // Nothing is sent here: the SMTP entry is required by the adapter and never connected.
      const mail = createMailTransport({ smtp: { host: '127.0.0.1', port: 25 }, ...(protocol === 'imap' ? { imap: base } : { pop3: { ...base, requireTLS: s.requireTLS } }), from: 'returns@localhost' });
      if (!mail.ok) {
        for (const i of mail.issues) r.issue(i);
        return r.refuse(EXIT.USAGE, 'the mailbox settings are not usable (issues above)');
      }
      transport = mail.value;
      const outbox = createOutbox({ store, transport });
      if (!outbox.ok) throw new Error('outbox options');
      const stored: StoredFile[] = [];
      const arls: Arl[] = [];
      const noemie: NoemieFile[] = [];
      const apply = async (ret: FetchedReturn) => store1(dir, ret, stored, arls, noemie);
      const report = await outbox.value.receive(apply);
      if (!report.ok) {
        const why = report.issues[0]?.received ?? report.issues[0]?.message ?? '';
        return r.refuse(EXIT.UNAVAILABLE, `mailbox ${protocol.toUpperCase()} ${describeServer(s)} unreachable (${String(why).replace(/[\r\n]+/g, ' ').slice(0, 160)}): nothing fetched, nothing deleted`);
      }
      for (const i of report.value.issues) r.issue(i);
      for (const x of report.value.refused) for (const i of x.issues) r.issue(i);
      r.say(
        `${report.value.applied.length} retour(s) relevé(s) par ${protocol.toUpperCase()} (${describeServer(s)}) : ${arls.length} ARL, ${noemie.length} NOEMIE, ${stored.filter((f) => f.kind === 'autre').length} autre(s) ; ${report.value.duplicates.length} doublon(s) ignoré(s)\n`,
      );
      for (const f of stored) r.say(`  ${f.kind.padEnd(6)} ${f.path}\n`);
      const result: Record<string, unknown> = {
        protocol,
        fetched: report.value.applied.length,
        duplicates: report.value.duplicates.length,
        refused: report.value.refused.length,
        files: stored,
      };
      if (options.reconcile === true && (arls.length > 0 || noemie.length > 0)) {
        const rec = await reconcile({ arls, noemie }, ledger, options.ps === undefined ? {} : { ps: options.ps });
        if (!rec.ok) {
          for (const i of rec.issues) r.issue(i);
          return r.refuse(EXIT.DATA, 'reconcile refused the returns (issues above); they are stored in the retours folder: sesam reconcile can apply them later');
        }
        const rep = rec.value;
        for (const d of rep.differences) r.issue(d);
        r.say(`Rapprochement : ${rep.invoices.length} facture(s) : ${rep.matched.length} payée(s), ${rep.partiallyPaid.length} partiellement, ${rep.rejected.length} rejetée(s), ${rep.pending.length} en attente ; ${rep.arls.length} ARL appliqué(s)\n`);
        result['reconcile'] = rep;
      }
      return r.finish(EXIT.OK, result);
    } finally {
      await transport?.close();
      await store.close();
    }
  });
}

/** Stores one return's attachments in DIR/retours; collects the ARLs and NOEMIE files for reconcile. */
async function store1(dir: DataDir, ret: FetchedReturn, stored: StoredFile[], arls: Arl[], noemie: NoemieFile[]): Promise<Result<string>> {
  for (const [k, a] of ret.attachments.entries()) {
    const arl = decodeModeledArl(a.bytes);
    const n = arl.ok ? undefined : parseNoemie(a.bytes);
    const kind: StoredFile['kind'] = arl.ok ? 'arl' : n?.ok === true ? 'noemie' : 'autre';
    const claimed = await dir.claimFile(`retours/${kind.toUpperCase()}_${ret.contentHash.slice(0, 16)}_${k}_${safeName(a.filename)}`);
    if (!claimed.ok) throw new Error(claimed.message);
    await writeFile(claimed.value, a.bytes);
    stored.push({ kind, path: claimed.value, bytes: a.bytes.length, messageId: ret.messageId });
    if (arl.ok) arls.push(arl.value);
    else if (n?.ok === true) noemie.push(n.value);
  }
  return ok(ret.contentHash);
}

/**
 * Adds `sesam returns fetch` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The `returns` command.
 */
export function addReturnsCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  const returns = program.command('returns').summary('returns from the caisse: fetch ARL and NOEMIE from the mailbox').description('Returns from the caisse and the OCT (ARL, NOEMIE PS).');
  const fetch = returns
    .command('fetch')
    .summary('fetch ARL and NOEMIE from the mailbox (IMAP or POP3) into the data folder, idempotent; --reconcile applies them')
    .description(
      'Fetch the returns from the practice\'s mailbox by IMAP or POP3. Each attachment is stored (DIR/retours, keys in the ledger\'s file) before the message is flagged (IMAP) or deleted (POP3); a return read twice is stored once. --reconcile applies the ARL and NOEMIE fetched to the ledger. Credentials: user in the URL or SESAM_IMAP_USER / SESAM_POP3_USER, password in SESAM_IMAP_PASS / SESAM_POP3_PASS or --pass-file; never in the URL.',
    )
    .option('--imap <url>', 'IMAP mailbox: imap://user@host[:port] or imaps://…')
    .option('--pop3 <url>', 'POP3 mailbox: pop3://user@host[:port] (STLS required unless loopback) or pop3s://…')
    .option('--pass-file <file>', 'file whose first line is the mailbox password')
    .option('--reconcile', 'apply the ARL and NOEMIE fetched to the ledger (reconcile)')
    .option('--ps <numero>', 'with --reconcile: the PS the returns are addressed to');
  addLedgerOptions(fetch, { holds: '; the returns go to its retours/' });
  addOutputOptions(fetch, {
    result: '{ protocol, fetched, duplicates, refused, files, reconcile? }',
    quiet: true,
    exitCodes: '0 fetched; 64 usage; 65 reconcile refused the returns; 66 no ledger; 69 mailbox unreachable (nothing deleted); 73 the data folder cannot be used.',
  }).action(async (options: ReturnsFetchOptions) => {
    done(await runReturnsFetch(options, io));
  });
  return returns;
}
