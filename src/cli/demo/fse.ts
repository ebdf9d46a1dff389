/**
 * Demo stage "FSE": the day's priced invoices become FSE (and DRE where the AMC part is in tiers
 * payant), are controlled, numbered in the SQLite ledger (duplicate control), secured with the
 * CPS through the Securer port, grouped in lots per organisme destinataire / AMC, written as B2
 * files and marked transmitted.
 */
import { writeFile } from 'node:fs/promises';
import type { PlainDate } from '../../core/date/index';
import type { Issue } from '../../core/issues/index';
import { SesamError, unwrap } from '../../core/issues/index';
import type { Dre, Fse, LedgerItem, LottedFile } from '../../fse/index';
import { buildB2File, buildDre, buildFseFromDecompte, markFilesTransmitted, numberAndLot, secureFse, serializeB2File, validateDre, validateFse } from '../../fse/index';
import type { LedgerStore } from '../../ledger/index';
import type { Securer } from '../../signature/index';
import { verifyCmsSignedData } from '../../signature/index';
import { eur } from '../format';
import type { DataDir } from '../dataDir';
import type { CliIo } from '../io';
import { renderTable } from '../table';
import { annotateB2Records } from './explain';
import type { PricedInvoice } from './pricing';
import { fseInputOf } from './practice';

/** What the FSE stage produced. */
export interface FseStage {
  readonly files: readonly { readonly file: LottedFile; readonly path: string; readonly bytes: number }[];
  readonly ps: readonly string[];
}

const short = (issues: readonly Issue[]): string => issues.map((i) => `${i.code}${i.path.length ? `@${i.path.join('.')}` : ''}`).join(', ');

/**
 * Runs the FSE stage.
 *
 * @param io - Output.
 * @param options - Priced invoices, NIRs, ledger, securer, data folder (files go to its `fichiers`
 *   sub-folder, each listed in the folder's marker before it is written), day, explain.
 * @returns The files written.
 * @throws SesamError `IO` when a file cannot be claimed in the data folder.
 */
export async function runFseStage(
  io: CliIo,
  options: { priced: readonly PricedInvoice[]; nirs: readonly string[]; ledger: LedgerStore; securer: Securer; certificate: Uint8Array; data: DataDir; day: PlainDate; explain: boolean },
): Promise<FseStage> {
  io.out('\n━━ 3. FSE et DRE : contrôles, numérotation, sécurisation, lots, fichiers ━━\n');
  const items: LedgerItem[] = [];
  let warnings = 0;
  options.priced.forEach((p, i) => {
    const fse = unwrap(buildFseFromDecompte(fseInputOf(p.input, p.decompte, i, options.nirs[i] ?? ''), p.decompte));
    const checked = validateFse(fse, { today: options.day });
    if (!checked.ok) {
      io.err(`  facture ${i + 1} refusée par les contrôles : ${short(checked.issues)}\n`);
      return;
    }
    warnings += checked.issues.length;
    let dre: Dre | undefined;
    if (p.decompte.tiersPayantAmc) {
      dre = unwrap(buildDre(fse));
      unwrap(validateDre(dre, { today: options.day }));
    }
    items.push(dre === undefined ? { fse } : { fse, dre });
  });
  io.out(`  ${items.length} FSE contrôlées (${warnings} avertissement(s)), dont ${items.filter((x) => x.dre).length} avec DRE (AMC en tiers payant)\n`);

  const at = `${options.day}T18:00:00+01:00`;
  const lotted = unwrap(await numberAndLot(options.ledger, items, { maxPerLot: 50, at }));
  for (const r of lotted.rejected) io.err(`  facture ${r.index + 1} non numérotée : ${short(r.issues)}\n`);

  // Secure each numbered invoice with the CPS (2 APDUs per signature once the PIN is verified),
  // then check the signature before anything leaves (a card answering garbage is caught here).
  const rows: string[][] = [];
  for (const n of lotted.numbered) {
    const secured = unwrap(await secureFse(n.fse, options.securer, at));
    const check = await verifyCmsSignedData(secured.securing.signature, secured.payload, { trustedCertificates: [options.certificate] });
    const f: Fse = n.fse;
    rows.push([
      String(f.identification.numeroFacture ?? ''),
      f.ps.numeroFacturation,
      f.securisation.mode,
      eur(f.totaux.montantFacture),
      eur(f.totaux.netAmo),
      eur(f.totaux.partAmc),
      n.dre ? 'DRE' : '',
      `${secured.securing.signature.length} o CMS ${check.ok ? 'vérifiée' : short(check.issues)}`,
    ]);
  }
  // Sorted by PS, then n° facture (numbering follows the day's order, lots group by PS).
  rows.sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? '') || Number(a[0]) - Number(b[0]));
  io.out(
    renderTable(
      [{ title: 'n°', align: 'right' }, { title: 'PS' }, { title: 'mode' }, { title: 'facturé', align: 'right' }, { title: 'AMO net', align: 'right' }, { title: 'AMC', align: 'right' }, { title: '' }, { title: 'signature' }],
      rows,
    ),
  );
  // Securing modes of the cahier des charges SESAM-Vitale (FSE sécurisée, « SESAM sans Vitale »,
  // « SESAM dégradé »: ameli, « Facturer en mode dégradé »).
  io.out(`  mode de sécurisation : S = carte Vitale lue ; F = sans Vitale (droits ADRi, attestation papier ou appli carte Vitale) ; D = dégradé (carte illisible, duplicata papier ou SCOR)\n`);

  // Duplicate control: billing the first invoice again is refused with a typed issue.
  const first = items[0];
  if (first !== undefined) {
    const again = unwrap(await numberAndLot(options.ledger, [{ fse: first.fse }], { at }));
    io.out(`  Contrôle de doublon : refacturer la facture 1 → ${short(again.rejected[0]?.issues ?? [])} (renvoie la facture n° ${again.rejected[0]?.issues[0]?.received ?? '?'})\n`);
  }

  const folder = await options.data.claimDir('fichiers');
  if (!folder.ok) throw new SesamError('IO', folder.message);
  const written: { file: LottedFile; path: string; bytes: number }[] = [];
  let explained = false;
  for (const file of lotted.files) {
    const model = unwrap(buildB2File(file, { dateCreation: options.day, marquage: 'D' }));
    const bytes = unwrap(serializeB2File(model));
    const claimed = await options.data.claimFile(`fichiers/${file.kind.toUpperCase()}_${file.ps}_${file.destinataire}_${file.fileId}.b2`);
    if (!claimed.ok) throw new SesamError('IO', claimed.message);
    const path = claimed.value;
    await writeFile(path, bytes);
    written.push({ file, path, bytes: bytes.length });
    const lots = file.lots.map((l) => `lot ${String(l.lot.numero).padStart(3, '0')} (${l.documents.length} fact.)`).join(', ');
    io.out(`  ${file.kind.toUpperCase()} → ${file.destinataire.padEnd(8)} fichier ${file.fileId} : ${lots} ; ${bytes.length / 128} enregistrements → ${path}\n`);
    if (options.explain && !explained && file.kind === 'fse') {
      explained = true;
      const text = Buffer.from(bytes).toString('latin1');
      const records = Array.from({ length: text.length / 128 }, (_, k) => text.slice(k * 128, k * 128 + 128));
      const upTo = records.findIndex((r) => r.startsWith('5'));
      io.out(`  Détail champ par champ du début du fichier ${file.fileId} (000, lot, première facture) :\n`);
      io.out(annotateB2Records(records.slice(0, upTo + 1)));
    }
  }
  unwrap(await markFilesTransmitted(options.ledger, lotted.files, at));
  io.out(`  Fichiers marqués transmis ; état des factures : transmise (AMO et AMC suivis séparément)\n`);
  return { files: written, ps: [...new Set(lotted.files.map((f) => f.ps))] };
}
