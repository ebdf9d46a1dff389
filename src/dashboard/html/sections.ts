/**
 * The sections of the dashboard page: totals, ageing, rejects, bank matching, watchdog. Every
 * value goes through `escapeHtml`; every table has a caption and header cells with `scope`.
 */
import type { Money } from '../../core/money/index';
import { add, formatMoney } from '../../core/money/index';
import type { DashboardModel, DashboardPartTotals, DashboardReject } from '../model';
import { renderAgeingChart } from './chart';
import { escapeHtml as e, formatJour } from './escape';

const m = (x: Money): string => e(formatMoney(x));
const PART_LABEL = { amo: 'AMO', amc: 'AMC' } as const;
const TOTAL_COLUMNS = [
  ['expected', 'Attendu'],
  ['paid', 'Payé'],
  ['rejected', 'Rejeté'],
  ['awaiting', 'En attente'],
  ['shortfall', 'Reste dû (paiements partiels)'],
] as const;

function section(id: string, title: string, body: string): string {
  return `<section id="${id}" aria-labelledby="${id}-titre"><h2 id="${id}-titre">${e(title)}</h2>${body}</section>`;
}

function head(cols: readonly string[]): string {
  return `<thead><tr>${cols.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead>`;
}

/** Totals table: one row per part and a total row. */
export function renderTotals(model: DashboardModel): string {
  const row = (key: string, label: string, t: Pick<DashboardPartTotals, 'count' | 'expected' | 'paid' | 'rejected' | 'awaiting' | 'shortfall'>): string =>
    `<tr><th scope="row">${e(label)}</th><td class="num" data-cell="${key}-count">${t.count}</td>` +
    TOTAL_COLUMNS.map(([k]) => `<td class="num" data-cell="${key}-${k}">${m(t[k])}</td>`).join('') +
    `</tr>`;
  const { amo, amc } = model.totals;
  const total = { count: amo.count + amc.count, expected: add(amo.expected, amc.expected), paid: add(amo.paid, amc.paid), rejected: add(amo.rejected, amc.rejected), awaiting: add(amo.awaiting, amc.awaiting), shortfall: add(amo.shortfall, amc.shortfall) };
  const table =
    `<table><caption>Montants du tiers payant par part (factures recyclées et annulées exclues)</caption>` +
    head(['Part', 'Parts', ...TOTAL_COLUMNS.map(([, l]) => l)]) +
    `<tbody>${row('amo', 'AMO (assurance maladie obligatoire)', amo)}${row('amc', 'AMC (complémentaire)', amc)}${row('total', 'Total', total)}</tbody></table>` +
    `<p class="muted">${model.invoiceCount} facture(s) lue(s) ; lots : ${model.lots.total} dont ${model.lots.transmitted} transmis et ${model.lots.pending} non transmis.</p>`;
  return section('synthese', 'Synthèse', table);
}

/** Ageing chart and its table. */
export function renderAgeing(model: DashboardModel): string {
  const rows = model.ageing
    .map((b) => `<tr><th scope="row">${e(b.label)}</th><td class="num" data-cell="age-${b.key}-amo">${m(b.amo)}</td><td class="num" data-cell="age-${b.key}-amc">${m(b.amc)}</td><td class="num" data-cell="age-${b.key}-total">${m(b.total)}</td><td class="num">${b.count}</td></tr>`)
    .join('');
  const table = `<table><caption>Montants en attente par ancienneté (jours depuis la date de facturation)</caption>${head(['Ancienneté', 'AMO', 'AMC', 'Total', 'Parts'])}<tbody>${rows}</tbody></table>`;
  return section('anciennete', 'Ancienneté des montants en attente', `<figure>${renderAgeingChart(model.ageing)}<figcaption class="muted">Le tableau ci-dessous donne les mêmes montants.</figcaption></figure>${table}`);
}

function rejectRow(r: DashboardReject, actions: boolean): string {
  const motifs = r.codes.map((c) => `<li>${c.code === '' ? 'Sans code' : `<span class="reject">${e(c.code)}</span>`}${c.libelle ? ` ${e(c.libelle)}` : ''}${c.libelleCaisse ? ` <span class="muted">(caisse : ${e(c.libelleCaisse)})</span>` : ''}</li>`).join('');
  const fixes = r.codes.map((c) => `<li>${e(c.correction)}</li>`).join('');
  const label = `Recycler la facture n° ${r.numero} (${PART_LABEL[r.part]})`;
  const action = r.recyclable
    ? actions
      ? `<button type="button" data-recycle="${e(r.invoiceId)}" aria-label="${e(label)}">Recycler</button> <span data-status tabindex="-1" role="status"></span>`
      : `<span data-status>À recycler</span>`
    : `<span data-status>Ne pas recycler</span>`;
  return (
    `<tr data-invoice="${e(r.invoiceId)}" data-part="${r.part}" data-state="rejetee"><th scope="row">${r.numero}</th><td>${e(r.psName ?? r.ps)}</td><td>${e(r.patient ?? '—')}</td>` +
    `<td>${PART_LABEL[r.part]}</td><td>${formatJour(r.dateSoins)}</td><td class="num">${m(r.amount)}</td><td><ul>${motifs}</ul></td><td><ul>${fixes}</ul></td><td>${action}</td></tr>`
  );
}

/** Rejects with remediation and the recycle action. */
export function renderRejects(model: DashboardModel, actions: boolean): string {
  const note = model.dictionary.modeled ? `<p class="note">Dictionnaire des rejets : « ${e(model.dictionary.name)} », un exemple modélisé (les tables officielles de codes ne sont pas publiques).</p>` : '';
  if (model.rejects.length === 0) return section('rejets', 'Rejets', `<p>Aucun rejet en cours.</p>${note}`);
  const table = `<table><caption>${model.rejects.length} part(s) rejetée(s)</caption>${head(['Facture n°', 'Professionnel de santé', 'Patient', 'Part', 'Date des soins', 'Montant', 'Motif', 'Que faire', 'Action'])}<tbody>${model.rejects.map((r) => rejectRow(r, actions)).join('')}</tbody></table>`;
  return section('rejets', 'Rejets', table + note);
}

/** Bank matching summary. */
export function renderBank(model: DashboardModel): string {
  const b = model.bank;
  if (b === undefined) return section('banque', 'Rapprochement bancaire', '<p>Aucun relevé bancaire rapproché.</p>');
  const row = (key: string, label: string, n: number, amount: Money): string => `<tr><th scope="row">${e(label)}</th><td class="num" data-cell="bank-${key}-count">${n}</td><td class="num" data-cell="bank-${key}-amount">${m(amount)}</td></tr>`;
  const table =
    `<table><caption>Virements des caisses et crédits du relevé</caption>${head(['Situation', 'Nombre', 'Montant'])}<tbody>` +
    row('matched', 'Virements retrouvés sur le relevé', b.matched, b.matchedAmount) +
    row('virements', 'Virements non retrouvés', b.unmatchedVirements, b.unmatchedVirementsAmount) +
    row('credits', 'Crédits du relevé sans virement connu', b.unmatchedCredits, b.unmatchedCreditsAmount) +
    `</tbody></table><p class="muted">${b.lowConfidence} rapprochement(s) sur le montant et la date seulement (libellé non concordant).</p>`;
  return section('banque', 'Rapprochement bancaire', table);
}

/** Watchdog alerts. */
export function renderWatchdog(model: DashboardModel): string {
  const w = model.watchdog;
  if (w.alertCount === 0) return section('alertes', 'Alertes de suivi', '<p>Aucune alerte.</p>');
  const rows = w.alerts
    .map((a) => `<tr><th scope="row">${e(a.label)}</th><td class="num">${a.numero}</td><td>${e(a.psName ?? a.ps)}</td><td>${PART_LABEL[a.part]}</td><td>${formatJour(a.since)}</td><td class="num">${a.ageDays}</td><td class="num">${a.thresholdDays}</td><td class="num">${m(a.amountAtRisk)}</td></tr>`)
    .join('');
  const cut = w.alerts.length < w.alertCount ? `<p class="muted">${w.alerts.length} alertes affichées sur ${w.alertCount}.</p>` : '';
  const intro = `<p>Montant à risque : <strong data-cell="watchdog-total">${m(w.totalAtRisk)}</strong> (${w.alertCount} alerte(s)).</p>`;
  const table = `<table><caption>Alertes, du plus gros montant à risque au plus petit</caption>${head(['Alerte', 'Facture n°', 'PS', 'Part', 'Depuis le', 'Âge (jours)', 'Seuil (jours)', 'Montant à risque'])}<tbody>${rows}</tbody></table>`;
  return section('alertes', 'Alertes de suivi', intro + table + cut);
}
