/**
 * fast-check arbitraries and builders of invoices to price (`FactureInput`), valid against the
 * default référentiel (src/rules/tables). Fictitious patients; no NIR needed by the rules.
 */
import { fc } from '@fast-check/vitest';
import type { PlainDate } from '../../src/core/date/index';
import { fromEpochDays, toEpochDays } from '../../src/core/date/index';
import type { Money } from '../../src/core/money/index';
import type { FactureInput, GarantieAmc, LigneActe, NatureAssurance, Parcours, Profession, ProfessionnelSante, Secteur, Zone } from '../../src/rules/index';

const d = (s: string): PlainDate => s as PlainDate;
const money = (centimes: number): Money => ({ centimes });

/** A médecin généraliste secteur 1, métropole. */
export const GP: ProfessionnelSante = { profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole', medecinTraitant: true };

/**
 * Builds a one-line G invoice on 2025-03-10 for a 45-year-old, overridable.
 *
 * @param over - Fields to replace.
 * @returns The invoice.
 */
export function factureG(over: Partial<FactureInput> = {}): FactureInput {
  return {
    dateFacturation: d('2025-03-10'),
    ps: GP,
    beneficiaire: { dateNaissance: d('1980-05-01') },
    natureAssurance: '10',
    parcours: 'T',
    lignes: [{ code: 'G', date: d('2025-03-10'), quantite: 1 }],
    ...over,
  };
}

/**
 * Builds a line.
 *
 * @param code - Code acte.
 * @param date - Act date.
 * @param more - Other fields.
 * @returns The line.
 */
export function ligne(code: string, date = '2025-03-10', more: Partial<LigneActe> = {}): LigneActe {
  return { code, date: d(date), quantite: 1, ...more };
}

const DAY0 = toEpochDays(d('2023-01-01'));
const DAY1 = toEpochDays(d('2025-12-31'));

/** A date between 2023-01-01 and 2025-12-31. */
export const arbDate: fc.Arbitrary<PlainDate> = fc.integer({ min: DAY0, max: DAY1 }).map(fromEpochDays);

interface PsKind {
  readonly profession: Profession;
  readonly secteurs: readonly Secteur[];
  readonly zones: readonly Zone[];
  readonly codes: (secteur: Secteur, zone: Zone) => readonly string[];
  /** First date the kind's codes price (dates before it are moved to it). */
  readonly from?: string;
}

const KINDS: readonly PsKind[] = [
  { profession: 'medecin', secteurs: ['1', '2-optam', '2'], zones: ['metropole'], codes: (s) => (s === '2' ? ['C', 'V', 'CS', 'APC'] : ['G', 'VG', 'APC', 'C']) },
  { profession: 'infirmier', secteurs: ['1'], zones: ['metropole'], codes: () => ['AMI', 'AIS', 'IFD', 'IK', 'IKM', 'IKS'] },
  { profession: 'masseurKinesitherapeute', secteurs: ['1'], zones: ['metropole', 'dom'], codes: (_, z) => (z === 'dom' ? ['AMK', 'AMS', 'AMC'] : ['AMK', 'AMS', 'AMC', 'IFD', 'IFO', 'IK']) },
  { profession: 'orthophoniste', secteurs: ['1'], zones: ['metropole', 'dom'], codes: () => ['AMO'] },
  { profession: 'orthoptiste', secteurs: ['1'], zones: ['metropole', 'dom'], codes: () => ['AMY'] },
];

const arbMoney = (max: number): fc.Arbitrary<Money> => fc.integer({ min: 0, max }).map(money);

const arbGarantie: fc.Arbitrary<GarantieAmc> = fc.oneof(
  fc.record({ formule: fc.constant('ticketModerateur' as const), pourcentage: fc.constantFrom('100', '50', '80.5'), couvreDepassement: fc.boolean() }),
  fc.record({ formule: fc.constant('pourcentageBr' as const), pourcentage: fc.constantFrom('100', '150', '200', '300', '90') }),
  fc.record({ formule: fc.constant('forfait' as const), forfait: arbMoney(3000) }, { requiredKeys: ['formule', 'forfait'] }),
).chain((g) => fc.option(arbMoney(5000), { nil: undefined }).map((plafond) => (plafond === undefined ? g : { ...g, plafond })));

/** A random valid invoice (1–10 lines) priced by the default référentiel. */
export const arbFacture: fc.Arbitrary<FactureInput> = fc
  .record({
    kind: fc.constantFrom(...KINDS),
    secteurIdx: fc.nat(),
    zoneIdx: fc.nat(),
    dates: fc.array(arbDate, { minLength: 1, maxLength: 10 }),
    naissanceAge: fc.integer({ min: 0, max: 95 }),
    c2s: fc.boolean(),
    ald: fc.boolean(),
    ame: fc.boolean(),
    nature: fc.constantFrom<NatureAssurance>('10', '10', '10', '30', '41', '90', '13'),
    parcours: fc.constantFrom<Parcours>('T', 'N', 'S', 'U', 'O', 'A', ''),
    maternite: fc.option(fc.integer({ min: -400, max: 400 }), { nil: undefined }),
    amc: fc.option(arbGarantie, { nil: undefined }),
    tp: fc.record({ amo: fc.boolean(), amc: fc.boolean() }, { requiredKeys: [] }),
    ytdPf: fc.integer({ min: 0, max: 5000 }),
    ytdFr: fc.integer({ min: 0, max: 5000 }),
    dayPf: fc.integer({ min: 0, max: 400 }),
    picks: fc.array(fc.record({ code: fc.nat(), q: fc.integer({ min: 1, max: 4 }), coef: fc.constantFrom(undefined, '1', '1.5', '2', '8', '10.25'), dep: fc.integer({ min: 0, max: 5000 }), ald: fc.boolean() }), { minLength: 10, maxLength: 10 }),
  })
  .map((r): FactureInput => {
    const secteur = r.kind.secteurs[r.secteurIdx % r.kind.secteurs.length] as Secteur;
    const zone = r.kind.zones[r.zoneIdx % r.kind.zones.length] as Zone;
    const codes = r.kind.codes(secteur, zone);
    const from = r.kind.from;
    const dates = from === undefined ? r.dates : r.dates.map((x) => (x < from ? (from as PlainDate) : x));
    const sorted = [...dates].sort();
    const first = sorted[0] as PlainDate;
    const last = sorted[sorted.length - 1] as PlainDate;
    const dateNaissance = fromEpochDays(toEpochDays(first) - r.naissanceAge * 365 - 10);
    const lignes = dates.map((date, i): LigneActe => {
      const p = r.picks[i] as (typeof r.picks)[number];
      const code = codes[p.code % codes.length] as string;
      const l: { -readonly [K in keyof LigneActe]: LigneActe[K] } = { code, date, quantite: p.q };
      if (p.coef !== undefined && r.kind.profession !== 'medecin') l.coefficient = p.coef;
      if (secteur !== '1' && p.dep > 0) l.montantFacture = money(0); // replaced below once the base is known
      if (r.ald && p.ald) l.enRapportAld = true;
      return l;
    });
    // Dépassements: secteur 2 / OPTAM only, billed = a generous upper bound over any base (base ≤ 60 € × 4).
    const withDep = lignes.map((l, i) => (l.montantFacture === undefined ? l : { ...l, montantFacture: money(24_000 + (r.picks[i]?.dep ?? 0)) }));
    const beneficiaire: { -readonly [K in keyof FactureInput['beneficiaire']]: FactureInput['beneficiaire'][K] } = { dateNaissance, c2s: r.c2s, ald: r.ald, ame: r.ame };
    if (r.maternite !== undefined) beneficiaire.maternite = { dateAccouchementPrevue: fromEpochDays(toEpochDays(first) + r.maternite) };
    if (r.nature === '41') beneficiaire.atmp = { numero: '123456789', date: first };
    const input: { -readonly [K in keyof FactureInput]: FactureInput[K] } = {
      dateFacturation: last,
      ps: { profession: r.kind.profession, specialite: r.kind.profession === 'medecin' ? '01' : '24', secteur, zone },
      beneficiaire,
      natureAssurance: r.nature,
      parcours: r.parcours,
      lignes: withDep,
      tiersPayant: r.tp,
      historique: {
        cumulsAnnuels: [{ annee: Number(first.slice(0, 4)), participationForfaitaire: money(r.ytdPf), franchises: money(r.ytdFr) }],
        cumulsJournaliers: [{ date: first, participationForfaitaire: money(r.dayPf), franchiseParamedical: money(r.dayPf) }],
      },
    };
    if (r.amc !== undefined) input.amc = r.amc;
    return input;
  });

/** Expected G unit price at a date (independent oracle of SPECS §6.5 history). */
export function expectedPrixG(date: string, secteur: Secteur): number {
  // Secteur 2 non-OPTAM bills G (at the tarif opposable) only from 2024-12-22; the arbitrary
  // gives it C / V / CS / APC instead.
  if (secteur === '2' && date < '2024-12-22') return Number.NaN;
  if (date < '2023-11-01') return 2500;
  if (date < '2024-12-22') return 2650;
  return 3000;
}
