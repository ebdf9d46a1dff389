/**
 * Annuaire AMC (modeled): from the 5 fields of the attestation de tiers payant harmonisée to the
 * AMC's online services (IDB, CLC, annulation, PEC, SIM) and its DRE routing. The Inter-AMC
 * directory contract and the convention tables are members-only: entries are caller data
 * ({@link EntreeAnnuaireAmc}, or {@link parseAnnuaireResponse} of the modeled JSON answer).
 *
 * @see Association Inter-AMC, « Attestation de tiers payant harmonisée » (5 champs : n° AMC, type de convention, critère secondaire de routage, n° d'adhérent, période de validité)
 */
import type { PlainDate } from '../core/date/index';
import { field, guardArray, guardEnum, guardObject, guardPlainDate, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import { ADR_CODES } from './codes';
import { inPeriode, wireReader } from './wire';

const issue = createIssueFactory(ADR_CODES);

/** The attestation fields the directory is queried with (structurally the attestation's 5 fields). */
export interface CleAnnuaireAmc {
  /** N° AMC (≤ 10 characters). */
  readonly numeroAmc: string;
  /** Type de convention. */
  readonly typeConvention: string;
  /** Critère secondaire de routage (CSR). */
  readonly critereSecondaireRoutage?: string;
  /** N° d'adhérent. */
  readonly numeroAdherent?: string;
  /** Période de validité of the attestation. */
  readonly periodeValidite?: { readonly debut: PlainDate; readonly fin?: PlainDate };
}

/** The online services an AMC offers (URLs). */
/** Online services of an AMC; `dreEs`: the ROC invoicing endpoint (DRE-ES, modeled). */
export type ServiceAmc = 'idb' | 'clc' | 'annulation' | 'pec' | 'sim' | 'dreEs';

/** DRE routing of an AMC (B2 type 2M routing zones). */
export interface RoutageDre {
  readonly codeRoutage: string;
  readonly identifiantHote: string;
  readonly nomDomaine: string;
  readonly aiguillageSts?: string;
}

/** One directory entry. */
export interface EntreeAnnuaireAmc {
  readonly numeroAmc: string;
  /** Absent = any convention of this AMC. */
  readonly typeConvention?: string;
  /** Absent = any CSR. */
  readonly critereSecondaireRoutage?: string;
  readonly nom?: string;
  readonly services: Readonly<Partial<Record<ServiceAmc, string>>>;
  readonly routage: RoutageDre;
}

/** What the directory says for an attestation. */
export interface AmcResolue {
  readonly cle: CleAnnuaireAmc;
  readonly entree: EntreeAnnuaireAmc;
  /** The DRE routing (input of the dre module's `AmcRouting.annuaire`). */
  readonly routage: RoutageDre;
}

const SERVICES: readonly ServiceAmc[] = ['idb', 'clc', 'annulation', 'pec', 'sim', 'dreEs'];

/**
 * Parses one modeled directory entry (JSON value).
 *
 * @param json - `{ numeroAmc, typeConvention?, critereSecondaireRoutage?, nom?, services: { idb?, clc?, … }, routage: { codeRoutage, identifiantHote, nomDomaine, aiguillageSts? } }`.
 * @returns The entry, `ADR_ANNUAIRE_INCONNU` for a `codeRetour` other than 00, or `ADR_RESPONSE_FIELD` issues.
 */
export function parseAnnuaireResponse(json: unknown): Result<EntreeAnnuaireAmc> {
  const w = wireReader();
  const root = w.obj(json, []);
  const code = w.text(root, 'codeRetour', [], /^[0-9A-Z_]{1,16}$/, false);
  if (code !== undefined && code !== '00') return err(issue('ADR_ANNUAIRE_INCONNU', { path: ['codeRetour'], received: code }));
  const s = root && w.obj(field(root, 'services'), ['services']);
  const r = root && w.obj(field(root, 'routage'), ['routage']);
  const services: Partial<Record<ServiceAmc, string>> = {};
  for (const k of SERVICES) {
    const v = s && w.text(s, k, ['services'], /^https?:\/\/[\x21-\x7e]{1,240}$/, false);
    if (v !== undefined) services[k] = v;
  }
  const opt = (o: typeof root, k: string, pat: RegExp, path: string[] = []) => {
    const v = w.text(o, k, path, pat, false);
    return v === undefined ? {} : { [k]: v };
  };
  const value = {
    numeroAmc: w.text(root, 'numeroAmc', [], /^[0-9A-Z]{1,10}$/)!,
    ...opt(root, 'typeConvention', /^[0-9A-Z]{1,5}$/),
    ...opt(root, 'critereSecondaireRoutage', /^[0-9A-Z]{1,5}$/),
    ...opt(root, 'nom', /^[^\u0000-\u001f]{1,80}$/),
    services,
    routage: {
      codeRoutage: w.text(r, 'codeRoutage', ['routage'], /^[0-9A-Z]{2}$/)!,
      identifiantHote: w.text(r, 'identifiantHote', ['routage'], /^[0-9A-Z]{3}$/)!,
      nomDomaine: w.text(r, 'nomDomaine', ['routage'], /^[0-9A-Za-z.-]{1,20}$/)!,
      ...opt(r, 'aiguillageSts', /^[RUM84]$/, ['routage']),
    },
  } as EntreeAnnuaireAmc;
  return w.issues.length > 0 ? err(...(w.issues as [Issue, ...Issue[]])) : ok(value);
}

function guardCle(v: unknown, issues: Issue[]): CleAnnuaireAmc | undefined {
  const c = guardObject(v, ['cle'], issues);
  const numeroAmc = c && guardString(field(c, 'numeroAmc'), ['cle', 'numeroAmc'], issues, { pattern: /^[0-9A-Z]{1,10}$/, expected: 'n° AMC (1 à 10 caractères)' });
  const tc = c && guardString(field(c, 'typeConvention'), ['cle', 'typeConvention'], issues, { pattern: /^[0-9A-Z]{1,5}$/, expected: 'type de convention' });
  const csr = c && guardString(field(c, 'critereSecondaireRoutage'), ['cle', 'critereSecondaireRoutage'], issues, { required: false, pattern: /^[0-9A-Z]{0,5}$/, expected: 'critère secondaire de routage' });
  const adh = c && guardString(field(c, 'numeroAdherent'), ['cle', 'numeroAdherent'], issues, { required: false, pattern: /^[0-9A-Z]{1,15}$/, expected: 'n° d’adhérent' });
  const p = c && guardObject(field(c, 'periodeValidite'), ['cle', 'periodeValidite'], issues, { required: false });
  const debut = p && guardPlainDate(field(p, 'debut'), ['cle', 'periodeValidite', 'debut'], issues);
  const fin = p && guardPlainDate(field(p, 'fin'), ['cle', 'periodeValidite', 'fin'], issues, { required: false });
  if (!numeroAmc || !tc) return undefined;
  return {
    numeroAmc,
    typeConvention: tc,
    ...(csr ? { critereSecondaireRoutage: csr } : {}),
    ...(adh ? { numeroAdherent: adh } : {}),
    ...(debut ? { periodeValidite: { debut: debut as PlainDate, ...(fin ? { fin: fin as PlainDate } : {}) } } : {}),
  };
}

/**
 * Finds the AMC of an attestation in a directory (most specific entry first: n° AMC + type de
 * convention + CSR, then n° AMC + type de convention, then n° AMC alone) and checks the
 * attestation's validity at the date of care.
 *
 * @param cle - The attestation fields.
 * @param entrees - The directory (entries from {@link parseAnnuaireResponse} or caller data).
 * @param options - `dateSoins`.
 * @returns The entry and its DRE routing, or `ADR_ANNUAIRE_INCONNU` / `ADR_ATTESTATION_PERIODE` / `INPUT_*`.
 * @example
 * resolveAmc({ numeroAmc: '12345678', typeConvention: 'TP' }, annuaire, { dateSoins: '2025-03-10' });
 */
export function resolveAmc(cle: CleAnnuaireAmc, entrees: readonly EntreeAnnuaireAmc[], options: { readonly dateSoins: PlainDate }): Result<AmcResolue> {
  const issues: Issue[] = [];
  const c = guardCle(cle, issues);
  const list = guardArray(entrees, ['entrees'], issues, { max: 1_000_000 });
  const o = guardObject(options, ['options'], issues);
  const day = o && (guardPlainDate(field(o, 'dateSoins'), ['options', 'dateSoins'], issues) as PlainDate | undefined);
  if (issues.length > 0 || !c || !list || !day) return inputErr(issues);
  if (c.periodeValidite && !inPeriode(day, c.periodeValidite)) {
    return err(issue('ADR_ATTESTATION_PERIODE', { path: ['cle', 'periodeValidite'], expected: `${c.periodeValidite.debut} – ${c.periodeValidite.fin ?? '…'}`, received: day }));
  }
  let best: EntreeAnnuaireAmc | undefined;
  let score = -1;
  for (const raw of list) {
    if (typeof raw !== 'object' || raw === null) continue;
    const e = raw as EntreeAnnuaireAmc;
    if (e.numeroAmc !== c.numeroAmc || typeof e.routage !== 'object' || e.routage === null) continue;
    if (e.typeConvention !== undefined && e.typeConvention !== c.typeConvention) continue;
    if (e.critereSecondaireRoutage !== undefined && e.critereSecondaireRoutage !== (c.critereSecondaireRoutage ?? '')) continue;
    const s = (e.typeConvention !== undefined ? 2 : 0) + (e.critereSecondaireRoutage !== undefined ? 1 : 0);
    if (s > score) {
      best = e;
      score = s;
    }
  }
  if (!best) return err(issue('ADR_ANNUAIRE_INCONNU', { path: ['cle', 'numeroAmc'], received: `${c.numeroAmc} / ${c.typeConvention}${c.critereSecondaireRoutage ? ` / ${c.critereSecondaireRoutage}` : ''}` }));
  return ok({ cle: c, entree: best, routage: best.routage });
}

/**
 * The URL of one online service of a resolved AMC.
 *
 * @param amc - From {@link resolveAmc}.
 * @param service - `idb`, `clc`, `annulation`, `pec`, `sim`.
 * @returns The URL, or `ADR_SERVICE_ABSENT`.
 */
export function serviceUrl(amc: AmcResolue, service: ServiceAmc): Result<string> {
  const issues: Issue[] = [];
  const a = guardObject(amc, ['amc'], issues);
  const e = a && guardObject(field(a, 'entree'), ['amc', 'entree'], issues);
  const services = e && guardObject(field(e, 'services'), ['amc', 'entree', 'services'], issues);
  const s = guardEnum(service, SERVICES, ['service'], issues);
  if (issues.length > 0 || !services || !s) return inputErr(issues);
  const url = field(services, s);
  return typeof url === 'string' ? ok(url) : err(issue('ADR_SERVICE_ABSENT', { path: ['amc', 'entree', 'services', s], expected: s.toUpperCase() }));
}
