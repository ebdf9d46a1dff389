/**
 * `sesam lot [--data DIR] [--ps N] [--today D]`: the ledger's pending invoices (recorded with
 * their FSE as payload, AMO part « à émettre », in no lot yet) are put in lots (one B2 file per
 * PS and organisme destinataire, one lot per securing mode, at most 999 invoices per lot),
 * secured, and the B2 files are written into DIR/fichiers (each listed in the data folder's
 * marker before it is written). `sesam send` then sends them.
 *
 * Securing: a software signer with a throwaway TEST key and certificate generated for the run
 * (`createVirtualCpsKey` + `createSoftwareSigner` + `createCmsSecurer`, the same CMS securer the
 * demo uses with its virtual CPS), and the files are marked « T » (tests) in their type 6
 * record: a real practice secures with its CPS through the agent or the library.
 */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { PlainDate } from '../../core/date/index';
import type { Issue } from '../../core/issues/index';
import type { B2Emitter, Fse, LottedFile, SecuringMode } from '../../fse/index';
import { DEFAULT_MAX_PER_LOT, secureNumbered, serializeLottedFile } from '../../fse/index';
import type { LedgerInvoice, LedgerStore } from '../../ledger/index';
import { createVirtualCpsKey } from '../../reader/virtual/cps';
import { createCmsSecurer, createSoftwareSigner } from '../../signature/index';
import type { CliIo } from '../io';
import { createReporter } from '../json';
import { addLedgerOptions, addOutputOptions, withLedger } from '../ledgerCommand';
import { DEFAULT_DATA } from '../ledgerFile';
import { EXIT } from '../outcome';
import { startProgress } from '../progress';
import { renderTable } from '../table';

/** Options of `sesam lot`. */
export interface LotCommandOptions {
  readonly data?: string;
  readonly ps?: string;
  readonly today?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** One file written, as printed and in the `--json` result. */
export interface LotFileOutcome {
  readonly fileId: string;
  readonly ps: string;
  readonly destinataire: string;
  readonly path: string;
  readonly bytes: number;
  readonly lots: readonly { readonly numero: number; readonly mode: string; readonly invoices: readonly number[] }[];
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function fseOf(inv: LedgerInvoice): Fse | undefined {
  if (inv.payload === undefined) return undefined;
  try {
    const v = JSON.parse(inv.payload) as unknown;
    if (typeof v !== 'object' || v === null || (v as { kind?: unknown }).kind !== 'fse' || typeof (v as { identification?: unknown }).identification !== 'object') return undefined;
    const fse = v as Fse;
    return { ...fse, identification: { ...fse.identification, numeroFacture: inv.numero } };
  } catch {
    return undefined;
  }
}

async function lotFiles(ledger: LedgerStore, pending: readonly { inv: LedgerInvoice; fse: Fse }[], at: string): Promise<{ files: LottedFile[]; issues: Issue[] }> {
  const groups = new Map<string, { inv: LedgerInvoice; fse: Fse }[]>();
  for (const p of pending) {
    const k = `${p.inv.ps}\u0000${p.inv.destinataireAmo}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  const files: LottedFile[] = [];
  const issues: Issue[] = [];
  for (const items of groups.values()) {
    const first = items[0]!;
    const fileId = await ledger.allocateFileId();
    const lots: (LottedFile & { kind: 'fse' })['lots'][number][] = [];
    const byMode = new Map<SecuringMode, { inv: LedgerInvoice; fse: Fse }[]>();
    for (const it of items) byMode.set(it.inv.securisation, [...(byMode.get(it.inv.securisation) ?? []), it]);
    for (const [mode, list] of byMode) {
      for (let k = 0; k < list.length; k += DEFAULT_MAX_PER_LOT) {
        const chunk = list.slice(k, k + DEFAULT_MAX_PER_LOT);
        const lot = await ledger.createLot({ ps: first.inv.ps, destinataire: first.inv.destinataireAmo, kind: 'fse', invoiceIds: chunk.map((c) => c.inv.id), fileId, at });
        if (!lot.ok) {
          issues.push(...lot.issues);
          continue;
        }
        lots.push({ lot: lot.value, documents: chunk.map((c) => c.fse), mode });
      }
    }
    if (lots.length > 0) files.push({ kind: 'fse', fileId, ps: first.inv.ps, destinataire: first.inv.destinataireAmo, lots });
  }
  return { files, issues };
}

/**
 * Runs `sesam lot`.
 *
 * @param options - Data folder, PS, day.
 * @param io - Output.
 * @returns 0 done (also when nothing was pending); 64 usage; 65 an invoice the securing or the
 *   B2 writer refused; 66 no ledger; 73 the data folder cannot be used.
 */
export async function runLot(options: LotCommandOptions, io: CliIo): Promise<number> {
  const r = createReporter(io, 'lot', options.json === true);
  if (options.today !== undefined && !DATE.test(options.today)) return r.refuse(EXIT.USAGE, `--today: expected YYYY-MM-DD, got ${options.today.slice(0, 20)}`);
  return withLedger(r, { data: options.data ?? DEFAULT_DATA }, { dataDir: true }, async ({ ledger, dir }) => {
    const today = (options.today ?? new Date().toISOString().slice(0, 10)) as PlainDate;
    const at = options.today === undefined ? new Date().toISOString() : `${today}T18:00:00.000Z`;
    const candidates = (await ledger.listInvoices({ part: 'amo', state: 'a_emettre', ...(options.ps === undefined ? {} : { ps: options.ps }) })).filter((i) => i.parts.amo.lotId === undefined);
    const pending: { inv: LedgerInvoice; fse: Fse }[] = [];
    const skipped: number[] = [];
    for (const inv of candidates) {
      const fse = fseOf(inv);
      if (fse === undefined) skipped.push(inv.numero);
      else pending.push({ inv, fse });
    }
    if (skipped.length > 0) r.note(`${skipped.length} invoice(s) without their FSE in the ledger (payload) left out: n° ${skipped.slice(0, 20).join(', ')}`);
    if (pending.length === 0) {
      r.say('Aucune facture en attente de lot.\n');
      return r.finish(EXIT.OK, { files: [], skipped });
    }
    const lotted = await lotFiles(ledger, pending, at);
    for (const i of lotted.issues) r.issue(i);
    const key = await createVirtualCpsKey('TEST CPS SESAM CLI');
    const signer = await createSoftwareSigner({ privateKey: key.privateKey, certificate: key.certificate, id: 'software-test' });
    if (!signer.ok) {
      for (const i of signer.issues) r.issue(i);
      return r.finish(EXIT.SOFTWARE);
    }
    const emitter: B2Emitter = { dateCreation: today, marquage: 'T' };
    const secured = await secureNumbered(ledger, lotted.files, createCmsSecurer(signer.value), { ...emitter, at });
    if (!secured.ok) {
      for (const i of secured.issues) r.issue(i);
      return r.refuse(EXIT.DATA, 'securing refused (issues above); the invoices stay in their lots, nothing was written');
    }
    const folder = await dir.claimDir('fichiers');
    if (!folder.ok) return r.refuse(folder.exit, folder.message);
    const written: LotFileOutcome[] = [];
    const progress = startProgress('fichiers B2 écrits', lotted.files.length, options);
    for (const file of lotted.files) {
      const bytes = await serializeLottedFile(ledger, file, emitter);
      if (!bytes.ok) {
        progress.stop();
        for (const i of bytes.issues) r.issue(i);
        return r.refuse(EXIT.DATA, `file ${file.fileId}: the B2 writer refused it (issues above)`);
      }
      const claimed = await dir.claimFile(`fichiers/${file.kind.toUpperCase()}_${file.ps}_${file.destinataire}_${file.fileId}.b2`);
      if (!claimed.ok) {
        progress.stop();
        return r.refuse(claimed.exit, claimed.message);
      }
      await writeFile(claimed.value, bytes.value);
      progress.tick();
      written.push({
        fileId: file.fileId,
        ps: file.ps,
        destinataire: file.destinataire,
        path: claimed.value,
        bytes: bytes.value.length,
        lots: file.lots.map((l) => ({ numero: l.lot.numero, mode: file.kind === 'fse' ? (l as { mode: string }).mode : '', invoices: l.documents.map((d) => (d as Fse).identification.numeroFacture ?? 0) })),
      });
    }
    progress.stop();
    const rows = written.flatMap((f) => f.lots.map((l) => [f.fileId, f.ps, f.destinataire, String(l.numero).padStart(3, '0'), l.mode, String(l.invoices.length), f.path]));
    r.say(`${pending.length} facture(s) mises en lot et sécurisées (signature logicielle de TEST, fichiers marqués T) : ${written.length} fichier(s) B2\n`);
    r.say(renderTable([{ title: 'fichier' }, { title: 'PS' }, { title: 'destinataire' }, { title: 'lot' }, { title: 'mode' }, { title: 'factures', align: 'right' }, { title: 'chemin' }], rows));
    return r.finish(lotted.issues.length > 0 ? EXIT.DATA : EXIT.OK, { files: written, skipped });
  });
}

/**
 * Adds `sesam lot` to the program.
 *
 * @param program - The `sesam` program.
 * @param io - Output.
 * @param done - Receives the exit code.
 * @returns The sub-command.
 */
export function addLotCommand(program: Command, io: CliIo, done: (code: number) => void): Command {
  const lot = addLedgerOptions(
    program
      .command('lot')
      .summary('put the pending invoices of the ledger in lots, secure them, write the B2 files')
      .description(
        'Put the ledger\'s pending invoices (recorded with their FSE as payload, not yet in a lot) in lots: one B2 file per PS and organisme destinataire, one lot per securing mode; secure them (software signer with a throwaway TEST key: files marked T) and write the files into DIR/fichiers. `sesam send` sends them.',
      ),
    { holds: '; the files go to its fichiers/' },
  )
    .option('--ps <numero>', 'only the invoices of this PS')
    .option('--today <date>', 'date of the files (YYYY-MM-DD; default today)');
  return addOutputOptions(lot, {
    result: '{ files: [{ fileId, ps, destinataire, path, bytes, lots }], skipped }',
    quiet: true,
    exitCodes: '0 done (also when nothing is pending); 64 usage; 65 securing or the B2 writer refused an invoice; 66 no ledger; 73 the data folder cannot be used.',
  }).action(async (options: LotCommandOptions) => {
    done(await runLot(options, io));
  });
}
