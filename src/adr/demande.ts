/**
 * The common part of the AMC service requests (attestation fields, bénéficiaire, PS or
 * établissement, date of care): its guard, and a fast path for well-formed data that allocates no
 * issue paths (the guards run only to explain a problem). Modeled wire form: dates AAAAMMJJ,
 * amounts in centimes.
 *
 * @internal
 */
import type { PlainDate } from '../core/date/index';
import { formatAaaammjj, isPlainDate } from '../core/date/index';
import { field, guardInteger, guardObject, guardPlainDate, guardString } from '../core/guard/index';
import type { Issue } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { add, ZERO } from '../core/money/index';
import type { CleAnnuaireAmc } from './annuaire';

/** Who asks, for whom: common part of IDB / CLC / PEC requests. */
export interface DemandeAmcBase {
  /** Attestation fields (n° AMC, type de convention, CSR, n° adhérent). */
  readonly cle: CleAnnuaireAmc;
  readonly beneficiaire: { readonly nir: string; readonly dateNaissance: PlainDate; readonly rang?: number };
  /** N° de facturation of the PS or FINESS of the établissement. */
  readonly numeroFacturation: string;
  readonly dateSoins: PlainDate;
}

const RE_AMC = /^[0-9A-Z]{1,10}$/;
const RE_TC = /^[0-9A-Z]{1,5}$/;
const RE_CSR = /^[0-9A-Z]{0,5}$/;
const RE_ADH = /^[0-9A-Z]{1,15}$/;
const RE_NIR = /^[12378][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{8}$/;
const RE_NF = /^[0-9A-Z]{9}$/;
/** Code acte of a CLC line. */
export const RE_CODE = /^[0-9A-Z+ ]{1,13}$/;

type Loose = Readonly<Record<string, unknown>>;
export const own = (o: unknown, k: string): unknown => (typeof o === 'object' && o !== null && !Array.isArray(o) && Object.prototype.hasOwnProperty.call(o, k) ? (o as Loose)[k] : undefined);
const text = (v: unknown, re: RegExp): v is string => typeof v === 'string' && re.test(v);
const money = (v: unknown): v is { readonly centimes: number } => {
  const c = own(v, 'centimes');
  return typeof c === 'number' && Number.isSafeInteger(c) && c >= 0 && c <= 1e13;
};

/**
 * Fast path of the common case (well-formed caller data, no allocation of issue paths); any
 * doubt (a missing, odd or throwing field) falls back to the guards, which explain the problem.
 */
function fastBase(d: unknown): Record<string, unknown> | undefined {
  try {
    const c = own(d, 'cle');
    const b = own(d, 'beneficiaire');
    const amc = own(c, 'numeroAmc');
    const tc = own(c, 'typeConvention');
    const csr = own(c, 'critereSecondaireRoutage');
    const adh = own(c, 'numeroAdherent');
    const nir = own(b, 'nir');
    const naissance = own(b, 'dateNaissance');
    const rang = own(b, 'rang') ?? 1;
    const nf = own(d, 'numeroFacturation');
    const soins = own(d, 'dateSoins');
    if (!text(amc, RE_AMC) || !text(tc, RE_TC) || (csr !== undefined && !text(csr, RE_CSR)) || !text(adh, RE_ADH) || !text(nir, RE_NIR) || !text(nf, RE_NF)) return undefined;
    if (!isPlainDate(naissance) || !isPlainDate(soins) || typeof rang !== 'number' || !Number.isSafeInteger(rang) || rang < 1 || rang > 99) return undefined;
    return { numeroAmc: amc, typeConvention: tc, ...(csr ? { critereSecondaireRoutage: csr } : {}), numeroAdherent: adh, beneficiaire: { nir, dateNaissance: formatAaaammjj(naissance), rang }, numeroFacturation: nf, dateSoins: formatAaaammjj(soins) };
  } catch {
    return undefined;
  }
}

/**
 * Fast path of well-formed CLC lines (see {@link fastBase}); `undefined` sends the caller to the guards.
 *
 * @internal
 */
export function fastLignes(lignes: unknown): { readonly out: Record<string, unknown>[]; readonly total: number } | undefined {
  try {
    if (!Array.isArray(lignes) || lignes.length < 1 || lignes.length > 999) return undefined;
    const out: Record<string, unknown>[] = [];
    let total: Money = ZERO;
    for (let i = 0; i < lignes.length; i++) {
      const l: unknown = lignes[i];
      const code = own(l, 'code');
      const date = own(l, 'date');
      const q = own(l, 'quantite');
      const mf = own(l, 'montantFacture');
      const br = own(l, 'baseRemboursement');
      const amo = own(l, 'rembourseAmo');
      const amc = own(l, 'partAmc');
      if (!text(code, RE_CODE) || !isPlainDate(date) || typeof q !== 'number' || !Number.isSafeInteger(q) || q < 1 || q > 99 || !money(mf) || !money(br) || !money(amo) || !money(amc)) return undefined;
      total = add(total, amc);
      out.push({ index: i, code, date: formatAaaammjj(date), quantite: q, montantFacture: mf.centimes, baseRemboursement: br.centimes, rembourseAmo: amo.centimes, partAmcDemandee: amc.centimes });
    }
    return { out, total: total.centimes };
  } catch {
    return undefined;
  }
}

function base(d: unknown, root: string, issues: Issue[]): Record<string, unknown> | undefined {
  const fast = fastBase(d);
  if (fast) return fast;
  const o = guardObject(d, [root], issues);
  const c = o && guardObject(field(o, 'cle'), [root, 'cle'], issues);
  const amc = c && guardString(field(c, 'numeroAmc'), [root, 'cle', 'numeroAmc'], issues, { pattern: RE_AMC, expected: 'n° AMC' });
  const tc = c && guardString(field(c, 'typeConvention'), [root, 'cle', 'typeConvention'], issues, { pattern: RE_TC, expected: 'type de convention' });
  const csr = c && guardString(field(c, 'critereSecondaireRoutage'), [root, 'cle', 'critereSecondaireRoutage'], issues, { required: false, pattern: RE_CSR, expected: 'CSR' });
  const adh = c && guardString(field(c, 'numeroAdherent'), [root, 'cle', 'numeroAdherent'], issues, { pattern: RE_ADH, expected: 'n° d’adhérent' });
  const b = o && guardObject(field(o, 'beneficiaire'), [root, 'beneficiaire'], issues);
  const nir = b && guardString(field(b, 'nir'), [root, 'beneficiaire', 'nir'], issues, { pattern: RE_NIR, expected: 'NIR de 15 caractères' });
  const naissance = b && guardPlainDate(field(b, 'dateNaissance'), [root, 'beneficiaire', 'dateNaissance'], issues);
  const rang = b && (guardInteger(field(b, 'rang'), [root, 'beneficiaire', 'rang'], issues, { required: false, min: 1, max: 99 }) ?? 1);
  const nf = o && guardString(field(o, 'numeroFacturation'), [root, 'numeroFacturation'], issues, { pattern: RE_NF, expected: 'n° de facturation ou FINESS (9 caractères)' });
  const soins = o && guardPlainDate(field(o, 'dateSoins'), [root, 'dateSoins'], issues);
  if (!amc || !tc || !adh || !nir || !naissance || !nf || !soins || rang === undefined) return undefined;
  return {
    numeroAmc: amc,
    typeConvention: tc,
    ...(csr ? { critereSecondaireRoutage: csr } : {}),
    numeroAdherent: adh,
    beneficiaire: { nir, dateNaissance: formatAaaammjj(naissance as PlainDate), rang },
    numeroFacturation: nf,
    dateSoins: formatAaaammjj(soins as PlainDate),
  };
}

/**
 * Guards the common part of IDB / CLC / SIM / PEC requests and writes it in the modeled wire form.
 *
 * @internal
 */
export function guardDemandeBase(d: unknown, root: string, issues: Issue[]): Record<string, unknown> | undefined {
  return base(d, root, issues);
}

