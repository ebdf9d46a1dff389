/**
 * Printing helpers shared by the paper documents: French dates, amounts, the patient block and
 * the table of acts.
 */
import { formatFactor, formatMoney } from '../../core/money/index';
import type { Money } from '../../core/money/index';
import type { PaperBeneficiaire, PaperDecompte, PaperPs } from './model';
import type { Column, Sheet } from './sheet';

/** `2026-03-10` → `10/03/2026`. */
export const frDate = (d: string): string => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** `1 234,50 €` (typographic spaces: the font has them). */
export const eur = (m: Money): string => formatMoney(m);

/** Writes the professional's block. */
export function printPs(sheet: Sheet, ps: PaperPs): void {
  sheet.text('Professionnel de santé', { size: 11 });
  sheet.field('Nom', ps.nom);
  sheet.field('N° d’identification', ps.identifiant);
  if (ps.specialite !== undefined) sheet.field('Spécialité', ps.specialite);
  if (ps.adresse !== undefined) sheet.field('Adresse', ps.adresse);
}

/** Writes the patient's block. */
export function printBeneficiaire(sheet: Sheet, b: PaperBeneficiaire): void {
  sheet.text('Bénéficiaire des soins', { size: 11 });
  sheet.field('Nom, prénom', `${b.nom} ${b.prenom}`);
  if (b.nir !== undefined) sheet.field('N° d’immatriculation (NIR)', `${b.nir.slice(0, 13)} ${b.nir.slice(13)}`);
  if (b.dateNaissance !== undefined) sheet.field('Date de naissance', frDate(b.dateNaissance));
  if (b.organisme !== undefined) sheet.field('Organisme d’affiliation', b.organisme);
  if (b.numeroAdherent !== undefined) sheet.field('N° d’adhérent AMC', b.numeroAdherent);
}

const ACTS: readonly Column[] = [
  { x: 40, width: 58 },
  { x: 100, width: 62 },
  { x: 164, width: 24, align: 'right' },
  { x: 192, width: 40, align: 'right' },
  { x: 236, width: 76, align: 'right' },
  { x: 316, width: 76, align: 'right' },
  { x: 396, width: 76, align: 'right' },
  { x: 476, width: 79, align: 'right' },
];
const ACT_HEADER = ['Date', 'Acte', 'Qté', 'Coef.', 'Honoraires', 'Base rembt', 'Part AMO', 'Part AMC'];

/** Writes the acts of a décompte (header repeated on each new page). */
export function printActes(sheet: Sheet, d: PaperDecompte): void {
  const header = (): void => sheet.row(ACT_HEADER, ACTS, { size: 8 });
  sheet.text('Actes effectués', { size: 11 });
  header();
  sheet.onNewPage(header);
  for (const l of d.lignes) {
    sheet.row([frDate(l.date), l.code, String(l.quantite), l.coefficient ? formatFactor(l.coefficient).replace('.', ',') : '', eur(l.montantFacture), l.baseRemboursement ? eur(l.baseRemboursement) : '', eur(l.partAmo), eur(l.partAmc)], ACTS);
  }
  sheet.onNewPage(() => undefined);
}

/** Writes the totals of a décompte. */
export function printTotaux(sheet: Sheet, d: PaperDecompte): void {
  const t = d.total;
  sheet.text('Montants', { size: 11 });
  sheet.field('Total des honoraires', eur(t.montantFacture), 330);
  sheet.field('Part assurance maladie obligatoire (AMO)', eur(t.partAmo), 330);
  sheet.field('Participation forfaitaire retenue', eur(t.participationForfaitaire), 330);
  sheet.field('Franchise médicale retenue', eur(t.franchise), 330);
  sheet.field('Remboursé par l’AMO', eur(t.rembourseAmo), 330);
  sheet.field('Part complémentaire (AMC)', eur(t.partAmc), 330);
  sheet.field('Reste à charge du patient', eur(t.resteAChargePatient), 330);
  sheet.field('Payé par le patient au professionnel', eur(d.aEncaisserPatient), 330);
  sheet.field('Tiers payant', `AMO : ${d.tiersPayantAmo ? 'oui' : 'non'} — AMC : ${d.tiersPayantAmc ? 'oui' : 'non'}`, 330);
}
