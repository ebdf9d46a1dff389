/**
 * buildDuplicataFeuilleSoins: the feuille de soins duplicata of an invoice made in SESAM dégradé
 * mode (no carte Vitale read), as PDF/A-1b, with the amounts of its Decompte. Public frame:
 * ameli.fr « Facturation en mode dégradé » (the FSE is teletransmitted and its paper duplicata,
 * signed by the patient, goes to the caisse — or its scan by SCOR). MODELED layout: it carries
 * the information of the CERFA feuille de soins on a plain A4 page, it does not reproduce the form.
 */
import type { Issue, Result } from '../../core/issues/index';
import { ok } from '../../core/issues/index';
import { field, guardInteger, guardObject, guardPlainDate, inputErr } from '../../core/guard/index';
import type { DuplicataInput, PaperOptions } from './model';
import { checkBeneficiaire, checkDecompte, checkPaperOptions, checkPs } from './checkPaper';
import { finishPaper, startPaper } from './document';
import { frDate, printActes, printBeneficiaire, printPs, printTotaux } from './print';

/**
 * Makes the duplicata of a dégradé invoice.
 *
 * @param input - PS, bénéficiaire, n° and date of the invoice, its Decompte (computeFacture's fits).
 * @param options - `at` (creation instant written in Info/XMP), `documentId` (trailer /ID; default from the content).
 * @returns The PDF/A-1b bytes, or `INPUT_*`, `SCOR_PAPER_NO_LINE`, `SCOR_PAPER_TOTAL_MISMATCH` issues.
 * @example
 * const pdf = await buildDuplicataFeuilleSoins({ ps, beneficiaire, numeroFacture: 42, dateFacturation: '2026-03-10', decompte }, { at: '2026-03-10T18:00:00+01:00' });
 * @see ameli.fr, « Facturation en mode dégradé » ; ISO 19005-1:2005 (PDF/A-1), niveau B
 */
export async function buildDuplicataFeuilleSoins(input: DuplicataInput, options?: PaperOptions): Promise<Result<Uint8Array>> {
  const issues: Issue[] = [];
  const o = guardObject(input, [], issues);
  const opts = checkPaperOptions(options, issues);
  if (o === undefined || opts === undefined) return inputErr(issues);
  const ps = checkPs(field(o, 'ps'), ['ps'], issues);
  const beneficiaire = checkBeneficiaire(field(o, 'beneficiaire'), ['beneficiaire'], issues);
  const numeroFacture = guardInteger(field(o, 'numeroFacture'), ['numeroFacture'], issues, { min: 1, max: 999_999_999 });
  const dateFacturation = guardPlainDate(field(o, 'dateFacturation'), ['dateFacturation'], issues);
  const decompte = checkDecompte(field(o, 'decompte'), ['decompte'], issues);
  if (issues.length > 0 || !ps || !beneficiaire || numeroFacture === undefined || !dateFacturation || !decompte) return inputErr(issues);
  const paper = await startPaper();
  const { sheet } = paper;
  sheet.text('Feuille de soins — duplicata', { size: 16 });
  sheet.text(`Facture n° ${numeroFacture} du ${frDate(dateFacturation)}, établie en mode SESAM dégradé (sans lecture de la carte Vitale).`, { size: 9 });
  sheet.text('À adresser à l’organisme d’affiliation de l’assuré, signé par le patient.', { size: 9 });
  sheet.rule();
  printPs(sheet, ps);
  sheet.gap(6);
  printBeneficiaire(sheet, beneficiaire);
  sheet.gap(6);
  printActes(sheet, decompte);
  sheet.rule();
  printTotaux(sheet, decompte);
  sheet.gap(10);
  sheet.ensure(90);
  sheet.text('Signature du professionnel de santé                                   Signature de l’assuré', { size: 10 });
  sheet.gap(60);
  sheet.finish(`Duplicata — facture n° ${numeroFacture}`);
  const title = `Feuille de soins — duplicata de la facture n° ${numeroFacture} du ${dateFacturation}`;
  const content = { ps, beneficiaire, numeroFacture, dateFacturation, decompte };
  return ok(await finishPaper(paper, title, content, opts));
}
