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
import type { CaisseInvoiceOutcome, CaisseMailbox, TestDovecot } from '../../simulator/caisse/index';
import { createImapAppendMailbox, createManualScheduler, createMemoryMailbox, findDovecot, startDovecot, startLocalCaisse } from '../../simulator/caisse/index';
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

/** The caisse's script for the demo: per PS, its first invoice rejected, its second partially paid, a retenue on its first FSE file. */
function demoScript(files: FseStage['files']) {
  const invoices: Record<string, CaisseInvoiceOutcome> = {};
  const deductions: Record<string, Money> = {};
  const filesOutcome: Record<string, 'retenue'> = {};
  const byPs = new Map<string, Fse[]>();
  for (const { file } of files.filter((f) => f.file.kind === 'fse')) {
    if (!byPs.has(file.ps)) filesOutcome[file.fileId] = 'retenue';
    for (const lot of file.lots) for (const d of lot.documents as readonly Fse[]) byPs.set(file.ps, [...(byPs.get(file.ps) ?? []), d]);
  }
  for (const [ps, docs] of byPs) {
    const numeros = docs.map((d) => d.identification.numeroFacture ?? 0).sort((a, b) => a - b);
    if (numeros.length >= 2) {
      invoices[`${ps}/${numeros[0]}`] = 'rejetee';
      invoices[`${ps}/${numeros[1]}`] = 'partielle';
    }
    // The B2 carries the AMO remboursable before PF / franchises: the caisse deducts them.
    for (const d of docs) deductions[`${ps}/${d.identification.numeroFacture ?? 0}`] = subtract(d.totaux.partAmo, d.totaux.netAmo);
  }
  return { seed: 12, invoices, deductions, files: filesOutcome };
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

/**
 * Runs the stage.
 *
 * @param io - Output.
 * @param options - The files written, the data folder (SCOR PDFs are written beside the B2 files), the day.
 * @returns The fetched ARLs and NOEMIE files.
 */
export async function runTeletransmissionStage(io: CliIo, options: { files: FseStage['files']; data: DataDir; day: PlainDate }): Promise<TeletransmissionStage> {
  io.out('\n━━ 4. Télétransmission : lots par SMTP à la caisse locale, ARL et NOEMIE relevés par IMAP ━━\n');
  const { mailbox, transportOf, dovecot } = await openMailbox(io);
  const scheduler = unwrap(createManualScheduler(`${options.day}T17:30:00.000Z`));
  const caisse = unwrap(await startLocalCaisse({ mailbox, scheduler, script: demoScript(options.files), arlDelayMs: 2 * HOUR, noemieDelayMs: 3 * 24 * HOUR }));
  const imap = dovecot === undefined ? { host: '127.0.0.1', port: 1 } : { host: '127.0.0.1', port: dovecot.port };
  const mail = unwrap(createMailTransport({ smtp: { host: '127.0.0.1', port: caisse.port, pool: true }, imap: { ...imap, auth: { user: 'cabinet', pass: dovecot?.pass ?? 'x' } }, from: CABINET }));
  const transport = transportOf(mail);
  const outbox = unwrap(createOutbox({ store: createMemoryOutboxStore(), transport, clock: scheduler.clock, random: () => 0.5 }));
  try {
    let scor = 0;
    for (const { file, path } of options.files) {
      const destination = file.kind === 'fse' ? `cpam${file.destinataire}@caisse-demo.test` : `oct-${file.destinataire}@caisse-demo.test`.toLowerCase();
      unwrap(await outbox.enqueue({ fileId: file.fileId, destination, bytes: new Uint8Array(await readFile(path)), filename: path.split('/').pop() ?? `${file.fileId}.b2` }));
      if (file.kind !== 'fse') continue;
      // SCOR: the prescription of each auxiliaire's invoice, as one PDF/A-1b pièce beside the lot.
      for (const lot of file.lots)
        for (const d of lot.documents as readonly Fse[]) {
          if (d.situation.prescription === undefined) continue;
          const numero = d.identification.numeroFacture ?? 0;
          const pdf = unwrap(await buildPdfA([makeDemoScan(numero)], { title: `Ordonnance, facture ${numero} du PS ${file.ps}`, at: `${options.day}T18:00:00+01:00` }));
          const claimed = await options.data.claimFile(`fichiers/SCOR_${file.ps}_${numero}.pdf`);
          if (claimed.ok) await writeFile(claimed.value, pdf);
          unwrap(await outbox.enqueue({ fileId: `SCOR-${file.ps}-${numero}`, destination, bytes: pdf, filename: `SCOR_${file.ps}_${numero}.pdf` }));
          scor++;
        }
    }
    const sent = await outbox.drainUntilIdle();
    const lots = options.files.reduce((n, f) => n + f.file.lots.length, 0);
    io.out(`  ${options.files.length} fichiers B2 (${lots} lots) et ${scor} pièces SCOR PDF/A-1b envoyés par SMTP à la caisse locale (127.0.0.1:${caisse.port}) : ${(await outbox.list('sent')).length} acceptés, ${sent.issues.length} incident(s)\n`);
    const arls: Arl[] = [];
    const noemie: NoemieFile[] = [];
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
    await scheduler.advance(2 * HOUR);
    await caisse.settled();
    const first = unwrap(await outbox.receive(apply));
    io.out(`  ARL relevés${dovecot ? ' par IMAP' : ''} : ${arls.filter((a) => a.statut === 'positif').length} positif(s), ${arls.filter((a) => a.statut === 'negatif').length} négatif(s) (${first.applied.length} message(s))\n`);
    const received = caisse.scor();
    io.out(`  pièces SCOR reçues par la caisse : ${received.length}, ${received.filter((s) => s.pdfA).length} conformes aux contrôles PDF/A-1b de validatePdfA ; écrites aussi dans fichiers/SCOR_*.pdf\n`);
    await scheduler.advance(3 * 24 * HOUR);
    await caisse.settled();
    const second = unwrap(await outbox.receive(apply));
    io.out(`  NOEMIE 580 relevés${dovecot ? ' par IMAP' : ''} trois jours plus tard : ${second.applied.length} retour(s), ${second.duplicates.length} doublon(s) ignoré(s)\n`);
    return { fetched: { arls, noemie }, returnsDate: addDays(options.day, 3) };
  } finally {
    await transport.close();
    await caisse.close();
    await mailbox.close();
    await dovecot?.stop();
  }
}
