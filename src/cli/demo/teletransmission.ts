/**
 * Demo stage "teletransmission" (issue 12 §5): the day's B2 files go by SMTP to the local caisse
 * (smtp-server on loopback), through the outbox and `createMailTransport`; the prescriptions of
 * the nurse and the physiotherapist go beside their lots as SCOR PDF/A-1b pièces; the caisse
 * answers an ARL, then a NOEMIE 580 return, into the cabinet's mailbox — a dovecot started for
 * the run (IMAP APPEND), or an in-process mailbox when dovecot is missing (said so) — and the
 * returns are fetched over IMAP. Time is a manual scheduler: the caisse's delays (2 h for the
 * ARL, 3 days for NOEMIE) pass without waiting.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { PlainDate } from '../../core/date/index';
import { addDays } from '../../core/date/index';
import { ok, unwrap } from '../../core/issues/index';
import type { Result } from '../../core/issues/index';
import type { Money } from '../../core/money/index';
import { subtract } from '../../core/money/index';
import type { Fse } from '../../fse/index';
import { decodeModeledArl } from '../../noemie/arl/modeledDecoder';
import type { Arl } from '../../noemie/arl/types';
import { parseNoemie } from '../../noemie/parseNoemie';
import type { NoemieFile } from '../../noemie/types';
import { buildPdfA } from '../../scor/index';
import type { CaisseFileOutcome, CaisseInvoiceOutcome, CaisseMailbox, LocalCaisse, ReceivedScor, TestDovecot } from '../../simulator/caisse/index';
import { computeDraw, createImapAppendMailbox, createManualScheduler, createMemoryMailbox, findDovecot, startDovecot, startLocalCaisse } from '../../simulator/caisse/index';
import type { FetchedReturn, Transport } from '../../transport/index';
import { createMailTransport, createMemoryOutboxStore, createOutbox } from '../../transport/index';
import type { DataDir } from '../dataDir';
import type { CliIo } from '../io';
import type { FseStage } from './fse';
import { makeDemoScan } from './scan';

const CABINET = 'cabinet@cabinet-demo.test';
const HOUR = 3_600_000;

/** What the stage fetched. */
export interface TeletransmissionStage {
  readonly fetched: { readonly arls: readonly Arl[]; readonly noemie: readonly NoemieFile[] };
  /** Day the NOEMIE returns were written. */
  readonly returnsDate: PlainDate;
}

/** The caisse's answers to one day's files. */
export interface DayScript {
  readonly invoices: Record<string, CaisseInvoiceOutcome>;
  readonly deductions: Record<string, Money>;
  readonly files: Record<string, CaisseFileOutcome>;
}

/** The PS whose Monday NOEMIE return never comes in the week (the nurse): the watchdog reports it. */
export const LOST_RETURN_PS = '990783078';

/**
 * The caisse's script for one demo day. The first day (index 0): per PS, its first invoice
 * rejected, its second partially paid, a retenue on its first FSE file — and, in a week, the
 * nurse's return lost. The following days: each invoice paid, partially paid (about 1 in 12) or
 * rejected (about 1 in 12) by a seeded draw on the PS and the invoice number (deterministic).
 *
 * @param files - The day's files.
 * @param options - `dayIndex` (0 = the first day), `week` (the run is longer than one day).
 * @returns Outcomes by invoice (`<PS>/<n°>`) and file id, and the caisse's deductions (PF, franchises).
 */
export function demoScript(files: FseStage['files'], options: { dayIndex?: number; week?: boolean } = {}): DayScript {
  const dayIndex = options.dayIndex ?? 0;
  const invoices: Record<string, CaisseInvoiceOutcome> = {};
  const deductions: Record<string, Money> = {};
  const filesOutcome: Record<string, CaisseFileOutcome> = {};
  const byPs = new Map<string, Fse[]>();
  for (const { file } of files.filter((f) => f.file.kind === 'fse')) {
    if (!byPs.has(file.ps) && dayIndex === 0) filesOutcome[file.fileId] = options.week === true && file.ps === LOST_RETURN_PS ? 'retour-perdu' : 'retenue';
    for (const lot of file.lots) for (const d of lot.documents as readonly Fse[]) byPs.set(file.ps, [...(byPs.get(file.ps) ?? []), d]);
  }
  for (const [ps, docs] of byPs) {
    const numeros = docs.map((d) => d.identification.numeroFacture ?? 0).sort((a, b) => a - b);
    if (dayIndex === 0) {
      if (numeros.length >= 2) {
        invoices[`${ps}/${numeros[0]}`] = 'rejetee';
        invoices[`${ps}/${numeros[1]}`] = 'partielle';
      }
    } else
      for (const n of numeros) {
        const u = computeDraw(12, `${ps}/${n}`);
        invoices[`${ps}/${n}`] = u < 1 / 12 ? 'rejetee' : u < 2 / 12 ? 'partielle' : 'payee';
      }
    // The B2 carries the AMO remboursable before PF / franchises: the caisse deducts them.
    for (const d of docs) deductions[`${ps}/${d.identification.numeroFacture ?? 0}`] = subtract(d.totaux.partAmo, d.totaux.netAmo);
  }
  return { invoices, deductions, files: filesOutcome };
}

async function openMailbox(io: CliIo): Promise<{ mailbox: CaisseMailbox; transportOf: (send: Transport) => Transport; dovecot?: TestDovecot }> {
  if (findDovecot() !== undefined) {
    try {
      const dovecot = await startDovecot();
      io.out(`  boîte aux lettres du cabinet : dovecot (IMAP) sur 127.0.0.1:${dovecot.port}, PID ${dovecot.pid}\n`);
      const mailbox = unwrap(createImapAppendMailbox({ host: '127.0.0.1', port: dovecot.port, login: (address) => ({ user: address.split('@')[0] ?? 'cabinet', pass: dovecot.pass }) }));
      return { mailbox, transportOf: (t) => t, dovecot };
    } catch (e) {
      io.out(`  dovecot n'a pas démarré (${String((e as Error)?.message ?? e).split('\n')[0]}) : `);
    }
  } else io.out('  dovecot absent (apt-get install dovecot-imapd) : ');
  io.out('boîte aux lettres en mémoire, dans ce processus (pas d’IMAP)\n');
  const memory = createMemoryMailbox();
  return { mailbox: memory, transportOf: (t) => memory.transportFor(CABINET, (f) => t.send(f), () => t.close()) };
}

/** The caisse's script of a week, filled day by day (the caisse reads it when it answers). */
interface WeekScript extends DayScript {
  readonly seed: number;
}

/** Options of one day's sending. */
export interface SendDayOptions {
  readonly files: FseStage['files'];
  readonly day: PlainDate;
  /** Outcomes for this day's files and invoices (default: the demo day's script). */
  readonly script?: DayScript;
  /** Only a count line (the week's later days). */
  readonly quiet?: boolean;
  /** Where the day's line goes (default: the session's output). */
  readonly io?: CliIo;
}

/** What one fetch brought. */
export interface FetchCount {
  readonly arls: number;
  readonly noemie: number;
  readonly messages: number;
  readonly duplicates: number;
}

/**
 * The teletransmission of a run: the cabinet's mailbox (one dovecot for the whole run), the
 * local caisse on a manual scheduler, the SMTP / IMAP transport and the outbox, opened once and
 * used day after day.
 */
export interface TeletransmissionSession {
  /** The caisse's clock (ISO instant). */
  readonly clock: () => string;
  /** Whether the returns come over IMAP (dovecot) rather than the in-process mailbox. */
  readonly imap: boolean;
  /** The cabinet's mailbox, in words (dovecot's port and PID). */
  readonly mailboxLabel: string;
  /** Every ARL and NOEMIE file fetched so far. */
  readonly fetched: { readonly arls: readonly Arl[]; readonly noemie: readonly NoemieFile[] };
  /** Sends one day's B2 files (and SCOR pièces); returns the number of files accepted. */
  sendDay(options: SendDayOptions): Promise<{ readonly accepted: number; readonly incidents: number; readonly scor: number }>;
  /** Moves the caisse's time to `iso` (its answers due by then are written to the mailbox). */
  advanceTo(iso: string): Promise<void>;
  /** Fetches the new returns over IMAP. */
  fetch(): Promise<FetchCount>;
  /** The SCOR pièces the caisse received so far. */
  receivedScor(): readonly ReceivedScor[];
  close(): Promise<void>;
}

/**
 * Opens the teletransmission of a run.
 *
 * @param io - Output.
 * @param options - The data folder (SCOR PDFs are written in it), the first instant of the caisse's clock.
 * @returns The session; `close()` it.
 */
export async function openTeletransmission(io: CliIo, options: { data: DataDir; start: string }): Promise<TeletransmissionSession> {
  const { mailbox, transportOf, dovecot } = await openMailbox(io);
  const scheduler = unwrap(createManualScheduler(options.start));
  const script: WeekScript = { seed: 12, invoices: {}, deductions: {}, files: {} };
  let caisse: LocalCaisse;
  try {
    caisse = unwrap(await startLocalCaisse({ mailbox, scheduler, script, arlDelayMs: 2 * HOUR, noemieDelayMs: 3 * 24 * HOUR }));
  } catch (e) {
    await mailbox.close();
    await dovecot?.stop();
    throw e;
  }
  const imap = dovecot === undefined ? { host: '127.0.0.1', port: 1 } : { host: '127.0.0.1', port: dovecot.port };
  const mail = unwrap(createMailTransport({ smtp: { host: '127.0.0.1', port: caisse.port, pool: true }, imap: { ...imap, auth: { user: 'cabinet', pass: dovecot?.pass ?? 'x' } }, from: CABINET }));
  const transport = transportOf(mail);
  const outbox = unwrap(createOutbox({ store: createMemoryOutboxStore(), transport, clock: scheduler.clock, random: () => 0.5 }));
  const arls: Arl[] = [];
  const noemie: NoemieFile[] = [];
  let sentBefore = 0;
  const apply = (ret: FetchedReturn): Result<string> => {
    for (const a of ret.attachments) {
      const arl = decodeModeledArl(a.bytes);
      if (arl.ok) arls.push(arl.value);
      else {
        const n = parseNoemie(a.bytes);
        if (n.ok) noemie.push(n.value);
      }
    }
    return ok(ret.contentHash);
  };
  return {
    clock: scheduler.clock,
    imap: dovecot !== undefined,
    mailboxLabel: dovecot === undefined ? 'en mémoire, dans ce processus (dovecot absent ou arrêté : pas d’IMAP)' : `dovecot (IMAP) sur 127.0.0.1:${dovecot.port}, PID ${dovecot.pid}`,
    fetched: { arls, noemie },
    async sendDay(day) {
      const s = day.script ?? demoScript(day.files);
      Object.assign(script.invoices, s.invoices);
      Object.assign(script.deductions, s.deductions);
      Object.assign(script.files, s.files);
      let scor = 0;
      for (const { file, path } of day.files) {
        const destination = file.kind === 'fse' ? `cpam${file.destinataire}@caisse-demo.test` : `oct-${file.destinataire}@caisse-demo.test`.toLowerCase();
        unwrap(await outbox.enqueue({ fileId: file.fileId, destination, bytes: new Uint8Array(await readFile(path)), filename: path.split('/').pop() ?? `${file.fileId}.b2` }));
        if (file.kind !== 'fse') continue;
        // SCOR: the prescription of each auxiliaire's invoice, as one PDF/A-1b pièce beside the lot.
        for (const lot of file.lots)
          for (const d of lot.documents as readonly Fse[]) {
            if (d.situation.prescription === undefined) continue;
            const numero = d.identification.numeroFacture ?? 0;
            const pdf = unwrap(await buildPdfA([makeDemoScan(numero)], { title: `Ordonnance, facture ${numero} du PS ${file.ps}`, at: `${day.day}T18:00:00+01:00` }));
            const claimed = await options.data.claimFile(`fichiers/SCOR_${file.ps}_${numero}.pdf`);
            if (claimed.ok) await writeFile(claimed.value, pdf);
            unwrap(await outbox.enqueue({ fileId: `SCOR-${file.ps}-${numero}`, destination, bytes: pdf, filename: `SCOR_${file.ps}_${numero}.pdf` }));
            scor++;
          }
      }
      const sent = await outbox.drainUntilIdle();
      const total = (await outbox.list('sent')).length;
      const accepted = total - sentBefore;
      sentBefore = total;
      if (day.quiet !== true) {
        const lots = day.files.reduce((n, f) => n + f.file.lots.length, 0);
        (day.io ?? io).out(`  ${day.files.length} fichiers B2 (${lots} lots) et ${scor} pièces SCOR PDF/A-1b envoyés par SMTP à la caisse locale (127.0.0.1:${caisse.port}) : ${accepted} acceptés, ${sent.issues.length} incident(s)\n`);
      }
      return { accepted, incidents: sent.issues.length, scor };
    },
    async advanceTo(iso) {
      const ms = Date.parse(iso) - Date.parse(scheduler.clock());
      if (ms > 0) await scheduler.advance(ms);
      await caisse.settled();
    },
    async fetch() {
      const a = arls.length;
      const n = noemie.length;
      const r = unwrap(await outbox.receive(apply));
      return { arls: arls.length - a, noemie: noemie.length - n, messages: r.applied.length, duplicates: r.duplicates.length };
    },
    receivedScor: () => caisse.scor(),
    async close() {
      await transport.close();
      await caisse.close();
      await mailbox.close();
      await dovecot?.stop();
    },
  };
}

/**
 * Runs the stage for one day (the files sent, the ARL after 2 hours, the NOEMIE returns three days later).
 *
 * @param io - Output.
 * @param options - The files written, the data folder (SCOR PDFs are written beside the B2 files), the day.
 * @returns The fetched ARLs and NOEMIE files.
 */
export async function runTeletransmissionStage(io: CliIo, options: { files: FseStage['files']; data: DataDir; day: PlainDate }): Promise<TeletransmissionStage> {
  io.out('\n━━ 4. Télétransmission : lots par SMTP à la caisse locale, ARL et NOEMIE relevés par IMAP ━━\n');
  const session = await openTeletransmission(io, { data: options.data, start: `${options.day}T17:30:00.000Z` });
  try {
    await session.sendDay({ files: options.files, day: options.day });
    await sayArlOfDay(io, session);
    await session.advanceTo(new Date(Date.parse(session.clock()) + 3 * 24 * HOUR).toISOString());
    const second = await session.fetch();
    io.out(`  NOEMIE 580 relevés${session.imap ? ' par IMAP' : ''} trois jours plus tard : ${second.messages} retour(s), ${second.duplicates} doublon(s) ignoré(s)\n`);
    return { fetched: session.fetched, returnsDate: addDays(options.day, 3) };
  } finally {
    await session.close();
  }
}

/**
 * The ARL of the day: the caisse's clock moves 2 hours, the ARLs are fetched and printed, with the SCOR pièces the caisse received.
 *
 * @param io - Output.
 * @param session - The session.
 * @returns What the fetch brought.
 */
export async function sayArlOfDay(io: CliIo, session: TeletransmissionSession): Promise<FetchCount> {
  const before = session.fetched.arls.length;
  await session.advanceTo(new Date(Date.parse(session.clock()) + 2 * HOUR).toISOString());
  const first = await session.fetch();
  const news = session.fetched.arls.slice(before);
  io.out(`  ARL relevés${session.imap ? ' par IMAP' : ''} : ${news.filter((a) => a.statut === 'positif').length} positif(s), ${news.filter((a) => a.statut === 'negatif').length} négatif(s) (${first.messages} message(s))\n`);
  const received = session.receivedScor();
  io.out(`  pièces SCOR reçues par la caisse : ${received.length}, ${received.filter((s) => s.pdfA).length} conformes aux contrôles PDF/A-1b de validatePdfA ; écrites aussi dans fichiers/SCOR_*.pdf\n`);
  return first;
}
