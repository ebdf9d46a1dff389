/**
 * Demo stage "FSE": the day's priced invoices become FSE (and DRE where the AMC part is in tiers
 * payant), are controlled, numbered in the SQLite ledger (duplicate control), secured with the
 * CPS through the Securer port, grouped in lots per organisme destinataire / AMC, written as B2
 * files and marked transmitted. The order is the one the ledger enforces (number → secure →
 * serialize): `numberAndLot`, then `secureNumbered` (stores each signature and the secured bytes),
 * then `serializeLottedFile` (writes only secured invoices); `rebuildFile` gives the same bytes.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { PlainDate } from '../../core/date/index';
import type { Issue } from '../../core/issues/index';
import { SesamError, unwrap } from '../../core/issues/index';
import type { Dre } from '../../dre/index';
import type { B2Emitter, Fse, LedgerItem, LottedFile } from '../../fse/index';
import { buildFseFromDecompte, markFilesTransmitted, numberAndLot, rebuildFile, secureNumbered, serializeLottedFile, validateFse } from '../../fse/index';
import type { LedgerStore } from '../../ledger/index';
import type { Securer } from '../../signature/index';
import { verifyCmsSignedData } from '../../signature/index';
import { eur } from '../format';
import type { DataDir } from '../dataDir';
import type { CliIo } from '../io';
import { renderTable } from '../table';
import { annotateB2Records } from './explain';
import { dreOf, withRights } from './guarantee';
import type { PricedInvoice } from './pricing';
import { fseInputOf } from './practice';
import type { RightsStage } from './rights';

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
  options: { priced: readonly PricedInvoice[]; nirs: readonly string[]; ledger: LedgerStore; securer: Securer; certificate: Uint8Array; data: DataDir; day: PlainDate; explain: boolean; rights?: RightsStage },
): Promise<FseStage> {
  io.out('\n━━ 3. FSE et DRE : contrôles, numérotation, sécurisation, lots, fichiers ━━\n');
  const items: LedgerItem[] = [];
  let warnings = 0;
  const carried: string[] = [];
  const at = `${options.day}T18:00:00+01:00`;
  options.priced.forEach((p, i) => {
    // The rights stage's answers (ADRi rights, apCV context, the attestation's AMC) go into the input.
    const input = withRights(fseInputOf(p.input, p.decompte, i, options.nirs[i] ?? ''), i, options.rights, at, (line) => carried.push(line));
    const fse = unwrap(buildFseFromDecompte(input, p.decompte));
    const checked = validateFse(fse, { today: options.day });
    if (!checked.ok) {
      io.err(`  facture ${i + 1} refusée par les contrôles : ${short(checked.issues)}\n`);
      return;
    }
    warnings += checked.issues.length;
    let dre: Dre | undefined;
    if (p.decompte.tiersPayantAmc) {
      // Routed by the attestation + Annuaire AMC, for the amount the CLC guaranteed (ROC principle).
      const built = dreOf(fse, i, options.rights, options.day);
      if (built.ok) {
        dre = built.value;
        const g = built.value.garantie;
        if (g !== undefined) carried.push(`    DRE de la facture ${i + 1} : garantie CLC ${g.id} (${eur(g.montantGaranti)}) portée dans la DRE, montant AMC ${eur(built.value.montantAmc)}\n`);
      } else io.out(`  facture ${i + 1} : pas de DRE (${short(built.issues)}) → le patient règle la part AMC\n`);
    }
    items.push(dre === undefined ? { fse } : { fse, dre });
  });
  io.out(`  ${items.length} FSE contrôlées (${warnings} avertissement(s)), dont ${items.filter((x) => x.dre).length} avec DRE (AMC en tiers payant)\n`);
  for (const line of carried) io.out(line);
  const lotted = unwrap(await numberAndLot(options.ledger, items, { maxPerLot: 50, at }));
  for (const r of lotted.rejected) io.err(`  facture ${r.index + 1} non numérotée : ${short(r.issues)}\n`);

  // number → secure → serialize (the order the ledger enforces): every numbered invoice (FSE and
  // DRE) is secured with the CPS through the Securer port and what securing produced is stored in
  // the ledger; each signature is checked before anything leaves (a card answering garbage is
  // caught here). The emitter is the files' one: the secured bytes are the records written.
  const emitter: B2Emitter = { dateCreation: options.day, marquage: 'D' };
  const secured = unwrap(await secureNumbered(options.ledger, lotted.files, options.securer, { ...emitter, at }));
  // secureNumbered answers in file → lot → document order; invoice numbers are per PS, so the
  // PS and the number together name an invoice.
  const key = (ps: string, numero: number): string => `${ps}/${numero}`;
  const byKey = new Map(lotted.numbered.map((n) => [key(n.fse.ps.numeroFacturation, n.fse.identification.numeroFacture ?? 0), n] as const));
  const documents = lotted.files.flatMap((f) => f.lots.flatMap((l) => l.documents as readonly (Fse | Dre)[]));
  const rows: string[][] = [];
  let dreSigned = 0;
  for (const [k, s] of secured.entries()) {
    const check = await verifyCmsSignedData(s.securing.signature, s.securing.securedBytes, { trustedCertificates: [options.certificate] });
    const signature = `${s.securing.signature.length} o CMS ${check.ok ? 'vérifiée' : short(check.issues)}`;
    const doc = documents[k];
    if (s.kind === 'dre' || doc === undefined || doc.kind === 'dre') {
      dreSigned += check.ok ? 1 : 0;
      if (!check.ok) io.err(`  DRE de la facture ${s.numero} : signature ${short(check.issues)}\n`);
      continue;
    }
    const n = byKey.get(key(doc.ps.numeroFacturation, s.numero));
    const f: Fse = n?.fse ?? doc;
    rows.push([String(s.numero), f.ps.numeroFacturation, s.securing.mode, eur(f.totaux.montantFacture), eur(f.totaux.netAmo), eur(f.totaux.partAmc), n?.dre ? 'DRE' : '', signature]);
  }
  // Sorted by PS, then n° facture (numbering follows the day's order, lots group by PS).
  rows.sort((a, b) => (a[1] ?? '').localeCompare(b[1] ?? '') || Number(a[0]) - Number(b[0]));
  io.out(
    renderTable(
      [{ title: 'n°', align: 'right' }, { title: 'PS' }, { title: 'mode' }, { title: 'facturé', align: 'right' }, { title: 'AMO net', align: 'right' }, { title: 'AMC', align: 'right' }, { title: '' }, { title: 'signature' }],
      rows,
    ),
  );
  if (dreSigned > 0) io.out(`  ${dreSigned} DRE sécurisée(s) avec la même CPS (signature CMS vérifiée)\n`);
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
    // Written only from the ledger's secured invoices (LEDGER_NOT_SECURED otherwise).
    const bytes = unwrap(await serializeLottedFile(options.ledger, file, emitter));
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
  // A file is rebuilt byte for byte from the ledger (after a crash, or to re-send it after a
  // negative ARL: Cahier des charges NOEMIE PS, ARL négatif): shown once, on the first file.
  const shown = written[0];
  if (shown !== undefined) {
    const again = unwrap(await rebuildFile(options.ledger, shown.file.fileId));
    const onDisk = await readFile(shown.path);
    const same = again.length === onDisk.length && again.every((b, k) => b === onDisk[k]);
    io.out(`  Reconstruction du fichier ${shown.file.fileId} depuis le ledger (rebuildFile) : ${again.length} octets, ${same ? 'identiques' : 'DIFFÉRENTS'} au fichier écrit\n`);
  }
  unwrap(await markFilesTransmitted(options.ledger, lotted.files, { at }));
  io.out(`  Fichiers marqués transmis ; état des factures : transmise (AMO et AMC suivis séparément)\n`);
  return { files: written, ps: [...new Set(lotted.files.map((f) => f.ps))] };
}
