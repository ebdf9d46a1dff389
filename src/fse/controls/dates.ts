/**
 * Date controls: care not in the future, prescription before care, billing delay, rights period
 * covering the date of care, birth before care, accident before care, maternité date present.
 *
 * @see Norme B2 inter-régimes (cahier des charges CNAM), types 2 and 4 (dates); Code de la sécurité sociale,
 *   art. R.161-47 (délais de transmission des feuilles de soins); SSV groupe 105 (période de droits AMO)
 */
import type { PlainDate } from '../../core/date/index';
import { daysBetween } from '../../core/date/index';
import type { Fse } from '../model';
import type { Periode } from '../input';
import type { FseControl } from './types';
import { ALWAYS, control } from './types';

/** First date of care of an invoice (the billing date when it has no line). */
export function firstDateSoins(fse: Fse): PlainDate {
  let first: PlainDate | undefined;
  for (const l of fse.lignes) if (first === undefined || l.date < first) first = l.date;
  return first ?? fse.identification.dateFacturation;
}

/** Whether a period covers a date (`fin` absent = open-ended). */
export function covers(p: Periode, d: PlainDate): boolean {
  return p.debut <= d && (p.fin === undefined || d <= p.fin);
}

/** Date controls of an FSE. */
export const DATE_CONTROLS: readonly FseControl[] = [
  control('FSE_DATE_SOINS_FUTURE', 'Aucun acte daté après la facturation (ni après aujourd’hui)', ALWAYS, (fse, ctx) => {
    const limit = ctx.today !== undefined && ctx.today < fse.identification.dateFacturation ? ctx.today : fse.identification.dateFacturation;
    return fse.lignes.flatMap((l, k) => (l.date > limit ? [{ path: ['lignes', k, 'date'], expected: limit, received: l.date }] : []));
  }),
  control('FSE_DATE_ELABORATION_FUTURE', 'Date d’élaboration pas dans le futur', (_fse, ctx) => ctx.today !== undefined, (fse, ctx) =>
    ctx.today !== undefined && fse.identification.dateElaboration > ctx.today
      ? { path: ['identification', 'dateElaboration'], expected: ctx.today, received: fse.identification.dateElaboration }
      : undefined),
  control('FSE_DATE_PRESCRIPTION_AFTER_SOINS', 'Prescription antérieure ou égale aux soins', (fse) => fse.situation.prescription?.date !== undefined, (fse) => {
    const date = fse.situation.prescription?.date;
    const first = firstDateSoins(fse);
    return date !== undefined && date > first ? { path: ['situation', 'prescription', 'date'], expected: first, received: date } : undefined;
  }),
  control('FSE_DELAI_FACTURATION', 'Facturation dans le délai après les soins', ALWAYS, (fse, ctx) => {
    const days = daysBetween(firstDateSoins(fse), fse.identification.dateFacturation);
    return days > ctx.delaiFacturationJours ? { path: ['identification', 'dateFacturation'], expected: String(ctx.delaiFacturationJours), received: days } : undefined;
  }),
  control('FSE_DROITS_PERIODE', 'Droits AMO ouverts à chaque date de soins', ALWAYS, (fse) => {
    const periodes = fse.beneficiaire.droitsAmo;
    const seen = new Set<string>();
    return fse.lignes.flatMap((l, k) => {
      if (seen.has(l.date) || periodes.some((p) => covers(p, l.date))) return [];
      seen.add(l.date);
      return [{ path: ['lignes', k, 'date'], received: l.date }];
    });
  }),
  control('FSE_DATE_NAISSANCE_AFTER_SOINS', 'Bénéficiaire né avant les soins', ALWAYS, (fse) => {
    const first = firstDateSoins(fse);
    return fse.beneficiaire.dateNaissance > first ? { path: ['beneficiaire', 'dateNaissance'], expected: first, received: fse.beneficiaire.dateNaissance } : undefined;
  }),
  control('FSE_DATE_ACCIDENT_AFTER_SOINS', 'Accident antérieur aux soins', (fse) => fse.situation.accidentTravail !== undefined, (fse) => {
    const date = fse.situation.accidentTravail?.date;
    const first = firstDateSoins(fse);
    return date !== undefined && date > first ? { path: ['situation', 'accidentTravail', 'date'], expected: first, received: date } : undefined;
  }),
  control('FSE_DATE_MATERNITE_MISSING', 'Date de maternité en assurance maternité', (fse) => fse.situation.natureAssurance === '30', (fse) =>
    fse.situation.dateMaternite === undefined ? { path: ['situation', 'dateMaternite'] } : undefined),
];
