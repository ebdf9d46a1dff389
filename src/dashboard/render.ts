/**
 * `renderDashboardHtml`: the tiers-payant dashboard as ONE self-contained HTML document (inline
 * CSS and SVG, no external resource, a Content-Security-Policy that forbids any), in French,
 * accessible (WCAG 2.1: landmarks, captions and header scopes, labelled controls, contrast
 * ≥ 4.5:1, `lang="fr"`). No script unless `actions` are given: then one inline script POSTs the
 * recycle of a rejected invoice.
 */
import type { Issue, Result } from '../core/issues/index';
import { ok } from '../core/issues/index';
import { field, guardEnum, guardObject, guardString, inputErr } from '../core/guard/index';
import type { DashboardModel } from './model';
import { DASHBOARD_CSS } from './html/css';
import { escapeHtml as e, formatJour } from './html/escape';
import { guardDashboardModel } from './html/guardModel';
import { RECYCLE_SCRIPT } from './html/script';
import { renderAgeing, renderBank, renderRejects, renderTotals, renderWatchdog } from './html/sections';

/** Marker written in every dashboard file (the CLI overwrites only a file carrying it). */
export const DASHBOARD_GENERATOR = 'sesam-billing dashboard';

/** The recycle action offered on rejected invoices. */
export interface DashboardActions {
  /** URL template of the recycle POST, with `{id}` for the invoice id (e.g. `/invoices/{id}/recycle`): a path on the same origin or an http(s) URL. */
  readonly recycleUrl: string;
  /** Bearer token sent with the POST (written in the page: serve it only to allowed clients). */
  readonly token?: string;
}

/** Options of {@link renderDashboardHtml}. */
export interface RenderDashboardOptions {
  /** Page language: French only. */
  readonly lang: 'fr';
  /** The recycle action; without it the page holds no script. */
  readonly actions?: DashboardActions;
}

const URL_TEMPLATE = /^(\/(?![/\\])|https?:\/\/)[^\s"'<>`\\]*\{id\}[^\s"'<>`\\]*$/;
const TOKEN = /^[A-Za-z0-9._~+/=-]*$/;

function connectSrc(recycleUrl: string): string {
  const m = /^(https?:\/\/[^/?#]+)/.exec(recycleUrl);
  return m?.[1] === undefined ? "'self'" : `'self' ${m[1]}`;
}

/**
 * Renders the dashboard page.
 *
 * @param model - From `buildDashboardModel` / `loadDashboardModel`.
 * @param options - `lang: 'fr'`; `actions: { recycleUrl, token }` to offer the recycle button.
 * @returns The HTML document, or `INPUT_*` issues (bad model, `recycleUrl` without `{id}` or
 *   not a path / http(s) URL, token with characters outside RFC 6750 b64token).
 * @example
 * const html = unwrap(renderDashboardHtml(model, { lang: 'fr' }));
 */
export function renderDashboardHtml(model: DashboardModel, options: RenderDashboardOptions): Result<string> {
  const issues: Issue[] = [];
  guardDashboardModel(model, issues);
  const o = guardObject(options, ['options'], issues);
  const a = o && guardObject(field(o, 'actions'), ['options', 'actions'], issues, { required: false });
  if (o) guardEnum(field(o, 'lang'), ['fr'], ['options', 'lang'], issues);
  if (a) {
    guardString(field(a, 'recycleUrl'), ['options', 'actions', 'recycleUrl'], issues, { max: 2000, pattern: URL_TEMPLATE, expected: 'chemin ou URL http(s) contenant {id}' });
    guardString(field(a, 'token'), ['options', 'actions', 'token'], issues, { required: false, max: 1024, pattern: TOKEN, expected: 'jeton Bearer (RFC 6750)' });
  }
  if (issues.length > 0) return inputErr(issues);
  const actions = options.actions;
  const csp = actions === undefined ? "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'" : `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'; connect-src ${connectSrc(actions.recycleUrl)}; base-uri 'none'; form-action 'none'`;
  const data = actions === undefined ? '' : ` data-recycle-url="${e(actions.recycleUrl)}"${actions.token === undefined ? '' : ` data-token="${e(actions.token)}"`}`;
  const day = formatJour(model.today);
  return ok(
    `<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
      `<meta name="generator" content="${DASHBOARD_GENERATOR}">` +
      `<title>Suivi du tiers payant au ${day}</title><style>${DASHBOARD_CSS}</style></head><body>` +
      `<header><h1>Suivi du tiers payant</h1><p>Situation au <time datetime="${model.today}">${day}</time></p></header>` +
      `<nav aria-label="Sections du tableau de bord"><ul><li><a href="#synthese">Synthèse</a></li><li><a href="#anciennete">Ancienneté</a></li><li><a href="#rejets">Rejets</a></li><li><a href="#banque">Rapprochement bancaire</a></li><li><a href="#alertes">Alertes</a></li></ul></nav>` +
      `<main${data}>` +
      renderTotals(model) +
      renderAgeing(model) +
      renderRejects(model, actions !== undefined) +
      renderBank(model) +
      renderWatchdog(model) +
      `</main><footer><p>Produit par sesam-billing. Montants en euros ; ancienneté comptée en jours depuis la date de facturation.</p></footer>` +
      (actions === undefined ? '' : `<script>${RECYCLE_SCRIPT}</script>`) +
      `</body></html>\n`,
  );
}
