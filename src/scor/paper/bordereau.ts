/**
 * buildBordereauAmc: the bordereau a PS sends a complementary insurer (AMC) on paper for the
 * invoices it pays in tiers payant when they cannot be teletransmitted, as PDF/A-1b, with the
 * AMC part of each Decompte and their total. MODELED layout: no public model exists (each AMC or
 * its gestionnaire has its own); it lists what each invoice needs for the AMC to pay it.
 */
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, ok } from '../../core/issues/index';
import { field, guardArray, guardInteger, guardObject, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import { fromCentimes, sum } from '../../core/money/index';
import { SCOR_CODES } from '../codes';
import type { BordereauFacture, BordereauInput, PaperOptions } from './model';
import { checkBeneficiaire, checkDecompte, checkPaperOptions, checkPs } from './checkPaper';
import { finishPaper, startPaper } from './document';
import type { Column } from './sheet';
import { eur, frDate, printPs } from './print';

const issue = createIssueFactory(SCOR_CODES);

const COLS: readonly Column[] = [
  { x: 40, width: 56 },
  { x: 98, width: 50 },
  { x: 150, width: 150 },
  { x: 302, width: 78 },
  { x: 382, width: 56, align: 'right' },
  { x: 440, width: 56, align: 'right' },
  { x: 498, width: 57, align: 'right' },
];
const HEADER = ['Facture', 'Date', 'Bénéficiaire', 'N° adhérent', 'Honoraires', 'Part AMO', 'Part AMC'];

function checkFactures(v: unknown, issues: Issue[]): BordereauFacture[] | undefined {
  const list = guardArray(v, ['factures'], issues, { min: 1, max: 1000 });
  if (list === undefined) return undefined;
  const out: BordereauFacture[] = [];
  const seen = new Set<number>();
  list.forEach((f, i) => {
    const o = guardObject(f, ['factures', i], issues);
    if (o === undefined) return;
    const numeroFacture = guardInteger(field(o, 'numeroFacture'), ['factures', i, 'numeroFacture'], issues, { min: 1, max: 999_999_999 });
    const dateFacturation = guardPlainDate(field(o, 'dateFacturation'), ['factures', i, 'dateFacturation'], issues);
    const beneficiaire = checkBeneficiaire(field(o, 'beneficiaire'), ['factures', i, 'beneficiaire'], issues);
    const decompte = checkDecompte(field(o, 'decompte'), ['factures', i, 'decompte'], issues);
    if (numeroFacture === undefined || !dateFacturation || !beneficiaire || !decompte) return;
    if (seen.has(numeroFacture)) issues.push(issue('SCOR_BORDEREAU_DUPLICATE', { path: ['factures', i, 'numeroFacture'], received: `facture n° ${numeroFacture}` }));
    seen.add(numeroFacture);
    // Only what the AMC pays in tiers payant belongs on its bordereau.
    if (!decompte.tiersPayantAmc || decompte.total.partAmc.centimes <= 0)
      issues.push(issue('SCOR_BORDEREAU_NOT_AMC', { path: ['factures', i, 'decompte'], received: `facture n° ${numeroFacture} (tiers payant AMC : ${decompte.tiersPayantAmc ? 'oui' : 'non'}, part AMC ${eur(decompte.total.partAmc)})` }));
    out.push({ numeroFacture, dateFacturation, beneficiaire, decompte });
  });
  return out;
}

/**
 * Makes a bordereau of invoices for a complementary insurer.
 *
 * @param input - PS, AMC (`nom`, `numero`), n° and date of the bordereau, the invoices with their Decompte.
 * @param options - `at`, `documentId`.
 * @returns The PDF/A-1b bytes, or `INPUT_*`, `SCOR_PAPER_*`, `SCOR_BORDEREAU_NOT_AMC` (an invoice without AMC part in tiers payant), `SCOR_BORDEREAU_DUPLICATE` issues.
 * @example
 * const pdf = await buildBordereauAmc({ ps, amc: { nom: 'Mutuelle exemple', numero: '99999999' }, numeroBordereau: 1, dateBordereau: '2026-03-31', factures }, { at });
 */
export async function buildBordereauAmc(input: BordereauInput, options?: PaperOptions): Promise<Result<Uint8Array>> {
  const issues: Issue[] = [];
  const o = guardObject(input, [], issues);
  const opts = checkPaperOptions(options, issues);
  if (o === undefined || opts === undefined) return inputErr(issues);
  const ps = checkPs(field(o, 'ps'), ['ps'], issues);
  const a = guardObject(field(o, 'amc'), ['amc'], issues);
  const amcNom = a && guardString(field(a, 'nom'), ['amc', 'nom'], issues, { min: 1, max: 120, pattern: /^[^\u0000-\u001f\u007f]*$/ });
  const amcNumero = a && guardString(field(a, 'numero'), ['amc', 'numero'], issues, { pattern: /^[0-9A-Za-z]{1,10}$/, expected: 'n° AMC de 1 à 10 caractères' });
  const amcAdresse = a && guardString(field(a, 'adresse'), ['amc', 'adresse'], issues, { required: false, max: 200, pattern: /^[^\u0000-\u001f\u007f]*$/ });
  const numeroBordereau = guardInteger(field(o, 'numeroBordereau'), ['numeroBordereau'], issues, { min: 1, max: 999_999_999 });
  const dateBordereau = guardPlainDate(field(o, 'dateBordereau'), ['dateBordereau'], issues);
  const factures = checkFactures(field(o, 'factures'), issues);
  if (issues.length > 0 || !ps || !amcNom || !amcNumero || numeroBordereau === undefined || !dateBordereau || !factures) return inputErr(issues);
  const paper = await startPaper();
  const { sheet } = paper;
  sheet.text('Bordereau de facturation — organisme complémentaire', { size: 15 });
  sheet.text(`Bordereau n° ${numeroBordereau} du ${frDate(dateBordereau)} : factures en tiers payant non télétransmises.`, { size: 9 });
  sheet.rule();
  printPs(sheet, ps);
  sheet.gap(6);
  sheet.text('Organisme complémentaire (AMC)', { size: 11 });
  sheet.field('Nom', amcNom);
  sheet.field('N° AMC', amcNumero);
  if (amcAdresse) sheet.field('Adresse', amcAdresse);
  sheet.gap(6);
  const header = (): void => sheet.row(HEADER, COLS, { size: 8 });
  sheet.text(`Factures (${factures.length})`, { size: 11 });
  header();
  sheet.onNewPage(header);
  for (const f of factures) {
    const t = f.decompte.total;
    sheet.row([String(f.numeroFacture), frDate(f.dateFacturation), `${f.beneficiaire.nom} ${f.beneficiaire.prenom}`, f.beneficiaire.numeroAdherent ?? '', eur(t.montantFacture), eur(t.partAmo), eur(t.partAmc)], COLS);
  }
  sheet.onNewPage(() => undefined);
  sheet.rule();
  const total = (k: 'montantFacture' | 'partAmo' | 'partAmc') => sum(factures.map((f) => fromCentimes(f.decompte.total[k].centimes)));
  sheet.row(['Total', '', '', '', eur(total('montantFacture')), eur(total('partAmo')), eur(total('partAmc'))], COLS);
  sheet.gap(10);
  sheet.field('Montant demandé à l’AMC', eur(total('partAmc')), 330);
  sheet.gap(20);
  sheet.ensure(80);
  sheet.text('Date et signature du professionnel de santé', { size: 10 });
  sheet.gap(50);
  sheet.finish(`Bordereau AMC n° ${numeroBordereau}`);
  const title = `Bordereau AMC n° ${numeroBordereau} du ${dateBordereau}`;
  const content = { ps, amc: { nom: amcNom, numero: amcNumero, adresse: amcAdresse ?? null }, numeroBordereau, dateBordereau, factures };
  return ok(await finishPaper(paper, title, content, opts));
}
