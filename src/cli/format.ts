/**
 * Shared text formatting of the CLI: amounts, rates, décomptes, traces.
 */
import type { Money } from '../core/money/index';
import { formatFactor, formatMoney, formatPercent } from '../core/money/index';
import type { Factor } from '../core/money/index';
import type { Decompte, TraceStep } from '../rules/index';
import { renderTable } from './table';

/** Amount as « 19,00 € » with plain spaces (terminal alignment). */
export const eur = (m: Money): string => formatMoney(m, { ascii: true });
/** Rate as « 70 % ». */
export const pct = (f: Factor): string => `${formatPercent(f)} %`;

const DESTINATAIRES: Readonly<Record<string, string>> = {
  '00': 'hors tiers payant',
  '05': 'tiers payant part AMO',
  '15': 'tiers payant intégral (AMO + AMC)',
  '25': 'tiers payant part AMC seule',
};

/**
 * Renders a décompte as a table of lines plus a totals row and the tiers-payant summary.
 *
 * @param d - The décompte.
 * @returns Text.
 */
export function renderDecompte(d: Decompte): string {
  const rows = d.lignes.map((l) => [
    l.code,
    String(l.quantite),
    l.coefficient.units === 1 && l.coefficient.scale === 0 ? '' : formatFactor(l.coefficient).replace('.', ','),
    eur(l.montantFacture),
    eur(l.baseRemboursement),
    pct(l.taux),
    eur(l.partAmo),
    eur(l.participationForfaitaire),
    eur(l.franchise),
    eur(l.partAmc),
    eur(l.resteACharge),
    l.exoneration ?? l.exemptionPf ?? '',
  ]);
  const t = d.total;
  rows.push(['TOTAL', '', '', eur(t.montantFacture), eur(t.baseRemboursement), '', eur(t.partAmo), eur(t.participationForfaitaire), eur(t.franchise), eur(t.partAmc), eur(t.resteACharge), '']);
  const table = renderTable(
    [
      { title: 'acte' },
      { title: 'qté', align: 'right' },
      { title: 'coef', align: 'right' },
      { title: 'facturé', align: 'right' },
      { title: 'base', align: 'right' },
      { title: 'taux', align: 'right' },
      { title: 'AMO', align: 'right' },
      { title: 'PF', align: 'right' },
      { title: 'franchise', align: 'right' },
      { title: 'AMC', align: 'right' },
      { title: 'patient', align: 'right' },
      { title: 'note' },
    ],
    rows,
  );
  const tp = `  AMO net ${eur(t.netAmo)} · AMC ${eur(t.partAmc)} · charge patient ${eur(d.chargePatient)} (reste ${eur(t.resteACharge)} + PF/franchises ${eur({ centimes: t.participationForfaitaire.centimes + t.franchise.centimes })})\n` +
    `  Tiers payant AMO ${d.tiersPayantAmo ? 'oui' : 'non'}, AMC ${d.tiersPayantAmc ? 'oui' : 'non'} → destinataire ${d.destinataireReglement} (${DESTINATAIRES[d.destinataireReglement] ?? '?'}); à encaisser auprès du patient : ${eur(d.aEncaisserPatient)}\n`;
  return table + tp;
}

/**
 * Renders the explanation trace, one step per line.
 *
 * @param trace - The steps.
 * @returns Text.
 */
export function renderTrace(trace: readonly TraceStep[]): string {
  return trace
    .map((s) => {
      const where = s.line === undefined ? 'facture' : `ligne ${s.line + 1}`;
      const inputs = Object.entries(s.inputs)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ');
      const amount = s.amount === undefined ? '' : ` = ${eur(s.amount)}`;
      return `    · [${where}] ${s.rule}: ${inputs} → ${s.result}${amount}  (${s.source})\n`;
    })
    .join('');
}
