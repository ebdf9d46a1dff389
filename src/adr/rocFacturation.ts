/**
 * ROC invoicing (établissements): the DRE-ES (demande de remboursement électronique établissement)
 * built from a CLC answer, the NOEMIE-PS returns 578R (paiement) and 908R (rejet), and the
 * reconciliation of the AMC part per invoice.
 *
 * Public: the sequence and the names (DRE-ES sent for the amount the CLC guaranteed, 578R for a
 * payment, 908R for a rejection: ROC « principes généraux » v0.2.0), the FINESS number (9 digits).
 * Modeled (the ROC WSDL/XSD and the NOEMIE-PS ROC layouts are reserved to members): the DRE-ES
 * text, behind the {@link DreEsCodec} port ({@link MODELED_DRE_ES_CODEC}), and the records of a
 * 578R / 908R file (fixed-width records 000 / 578 / 908 / 999 in the NOEMIE style), read by
 * {@link parseRetourRoc} and written by {@link buildRetourRoc} (local services, tests).
 *
 * Only the AMC part is here: the AMO part of the stay follows the AMO flow and its NOEMIE returns
 * (`sesam-billing/returns`); a ROC reconciliation never mixes them.
 *
 * @see Projet ROC, « Présentation des principes généraux » v0.2.0 (GT ROC, 13/12/2016): facturation DRE-ES, retours NOEMIE-PS 578R (paiement) et 908R (rejet)
 */
import type { PlainDate } from '../core/date/index';
import { field, guardArray, guardInteger, guardMoney, guardObject, guardPlainDate, guardString, inputErr } from '../core/guard/index';
import type { Issue, IssuePath, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { add, allocate, formatDecimal, fromCentimes, min, subtract, sum, ZERO } from '../core/money/index';
import { ADR_CODES } from './codes';
import type { DecompteAmc, ResultatClc } from './selamc';
import { wireDate } from './wire';

const issue = createIssueFactory(ADR_CODES);

/** One line of a DRE-ES: the AMC amount asked for one act of the stay. */
export interface LigneDreEs {
  /** Line index of the CLC request (the decompte's line). */
  readonly index: number;
  readonly code: string;
  readonly date: PlainDate;
  /** AMC amount asked: the line's guaranteed amount, never above its part AMC. */
  readonly montantAmc: Money;
}

/** A DRE-ES: the hospital invoice of the AMC part, for the amount a CLC guaranteed. */
export interface DreEs {
  /** N° FINESS of the établissement (9 digits). */
  readonly finess: string;
  /** N° of the établissement's invoice (1 … 20 digits or capitals). */
  readonly numeroFacture: string;
  readonly numeroAmc: string;
  readonly typeConvention: string;
  readonly critereSecondaireRoutage?: string;
  readonly numeroAdherent: string;
  /** The CLC guarantee the invoice claims under. */
  readonly idGarantie: string;
  readonly dateEntree: PlainDate;
  readonly dateSortie: PlainDate;
  readonly lignes: readonly LigneDreEs[];
  /** Sum of the lines. */
  readonly montantAmc: Money;
}

/** The stay's data a DRE-ES needs beyond the CLC answer. */
export interface SejourRoc {
  readonly finess: string;
  readonly numeroFacture: string;
  readonly dateEntree: PlainDate;
  readonly dateSortie: PlainDate;
  /** The attestation's routing fields (the same as the IDB / CLC request's `cle`). */
  readonly cle: { readonly numeroAmc: string; readonly typeConvention: string; readonly critereSecondaireRoutage?: string; readonly numeroAdherent: string };
}

/** Port: the DRE-ES text (the ROC contract is members-only). Never throws. */
export interface DreEsCodec {
  /** Name of the layout (in issues and in the request). */
  readonly id: string;
  readonly serialize: (dre: DreEs) => Result<string>;
  readonly parse: (text: string) => Result<DreEs>;
}

const RE_FINESS = /^\d{9}$/;
const RE_FACTURE = /^[0-9A-Z]{1,20}$/;
const RE_AMC = /^[0-9A-Z]{1,10}$/;
const RE_ADH = /^[0-9A-Z]{1,15}$/;
const RE_GARANTIE = /^[0-9A-Za-z._:-]{1,64}$/;
const RE_CODE = /^[0-9A-Z+*]{1,10}$/;

/**
 * Builds the DRE-ES of a stay from the CLC answer: only on a `garanti` outcome; each line asks
 * the CLC's guaranteed amount for it (never above its part AMC); without per-line amounts, the
 * guaranteed total is spread over the lines in proportion to their parts AMC (exact centimes).
 *
 * @param clc - The CLC answer (`parseClcResponse` / the client's `clc`).
 * @param decompte - The priced stay the CLC was asked for.
 * @param sejour - FINESS, invoice number, dates of the stay, the attestation's routing fields.
 * @returns The DRE-ES, `ADR_ROC_SANS_GARANTIE` without a guarantee (the patient pays the AMC part), or `INPUT_*` issues.
 * @example
 * const dre = buildDreEs(clc, decompte, { finess: '750712184', numeroFacture: 'S2025000123', dateEntree, dateSortie, cle });
 */
export function buildDreEs(clc: ResultatClc, decompte: DecompteAmc, sejour: SejourRoc): Result<DreEs> {
  const issues: Issue[] = [];
  const c = guardObject(clc, ['clc'], issues);
  const g = c && guardObject(field(c, 'guarantee'), ['clc', 'guarantee'], issues);
  const statut = g && guardString(field(g, 'statut'), ['clc', 'guarantee', 'statut'], issues, { pattern: /^(garanti|non_garanti|rejete)$/, expected: 'garanti, non_garanti ou rejete' });
  const id = g && guardString(field(g, 'id'), ['clc', 'guarantee', 'id'], issues, { pattern: RE_GARANTIE, expected: 'id de garantie' });
  const garanti = g && statut === 'garanti' ? guardMoneyAt(field(g, 'montantGaranti'), ['clc', 'guarantee', 'montantGaranti'], issues) : undefined;
  const parLigne = new Map<number, Money>();
  const cl = c && field(c, 'lignes');
  if (c && cl !== undefined) {
    (guardArray(cl, ['clc', 'lignes'], issues, { max: 999 }) ?? []).forEach((l, i) => {
      const o = guardObject(l, ['clc', 'lignes', i], issues);
      const idx = o && field(o, 'index');
      const m = o && guardMoneyAt(field(o, 'montantGaranti'), ['clc', 'lignes', i, 'montantGaranti'], issues);
      if (typeof idx === 'number' && Number.isSafeInteger(idx) && m) parLigne.set(idx, add(parLigne.get(idx) ?? ZERO, m));
    });
  }
  const d = guardObject(decompte, ['decompte'], issues);
  const lignes = d && guardArray(field(d, 'lignes'), ['decompte', 'lignes'], issues, { min: 1, max: 999 });
  const parts: { code: string; date: PlainDate; partAmc: Money }[] = [];
  (lignes ?? []).forEach((l, i) => {
    const p = ['decompte', 'lignes', i];
    const o = guardObject(l, p, issues);
    const code = o && guardString(field(o, 'code'), [...p, 'code'], issues, { pattern: RE_CODE, expected: 'code acte' });
    const date = o && (guardPlainDate(field(o, 'date'), [...p, 'date'], issues) as PlainDate | undefined);
    const partAmc = o && guardMoneyAt(field(o, 'partAmc'), [...p, 'partAmc'], issues);
    if (code && date && partAmc) parts.push({ code, date, partAmc });
  });
  const s = checkSejour(sejour, ['sejour'], issues);
  if (issues.length > 0 || !s || statut === undefined || id === undefined) return inputErr(issues);
  if (statut !== 'garanti' || garanti === undefined) return err(issue('ADR_ROC_SANS_GARANTIE', { path: ['clc', 'guarantee', 'statut'], received: statut }));
  const dehors = parts.findIndex((p) => p.date < s.dateEntree || p.date > s.dateSortie);
  if (dehors >= 0) return inputErr([issueDate(['decompte', 'lignes', dehors, 'date'], `${s.dateEntree} au ${s.dateSortie}`)]);
  let amounts: Money[];
  if (parLigne.size > 0) {
    amounts = parts.map((p, k) => min(p.partAmc, parLigne.get(k) ?? ZERO));
  } else {
    const total = sum(parts.map((p) => p.partAmc)).centimes;
    amounts = total <= garanti.centimes || total === 0 ? parts.map((p) => p.partAmc) : allocate(garanti, parts.map((p) => p.partAmc.centimes));
  }
  let montant = amounts.reduce<Money>((a, m) => add(a, m), ZERO);
  if (montant.centimes > garanti.centimes) {
    // Per-line amounts above the guaranteed total: spread the total instead.
    amounts = allocate(garanti, amounts.map((m) => m.centimes));
    montant = garanti;
  }
  const out = parts.map((p, k): LigneDreEs => ({ index: k, code: p.code, date: p.date, montantAmc: amounts[k] ?? ZERO })).filter((l) => l.montantAmc.centimes > 0);
  if (out.length === 0) return err(issue('ADR_ROC_SANS_GARANTIE', { path: ['clc', 'guarantee', 'montantGaranti'], received: `garanti pour ${formatDecimal(garanti)} €` }));
  return ok({ finess: s.finess, numeroFacture: s.numeroFacture, ...s.cle, idGarantie: id, dateEntree: s.dateEntree, dateSortie: s.dateSortie, lignes: out, montantAmc: montant });
}

function issueDate(path: IssuePath, expected: string): Issue {
  const issues: Issue[] = [];
  guardString(0, path, issues, { expected: `date du séjour (${expected})` });
  return issues[0]!;
}

function guardMoneyAt(v: unknown, path: IssuePath, issues: Issue[]): Money | undefined {
  const m = guardMoney(v, path, issues, { min: 0 });
  // The records write at most 10 digits of centimes.
  const c = m && guardInteger(m.centimes, [...path, 'centimes'], issues, { min: 0, max: 9_999_999_999 });
  return c === undefined ? undefined : fromCentimes(c);
}

function checkSejour(v: unknown, path: IssuePath, issues: Issue[]): SejourRoc | undefined {
  const o = guardObject(v, path, issues);
  const t = (k: string, re: RegExp, expected: string, p: IssuePath = path, src = o) => src && guardString(field(src, k), [...p, k], issues, { pattern: re, expected });
  const finess = t('finess', RE_FINESS, 'n° FINESS (9 chiffres)');
  const numeroFacture = t('numeroFacture', RE_FACTURE, 'n° de facture (1 à 20 chiffres ou majuscules)');
  const dateEntree = o && (guardPlainDate(field(o, 'dateEntree'), [...path, 'dateEntree'], issues) as PlainDate | undefined);
  const dateSortie = o && (guardPlainDate(field(o, 'dateSortie'), [...path, 'dateSortie'], issues) as PlainDate | undefined);
  const cp = [...path, 'cle'];
  const c = o && guardObject(field(o, 'cle'), cp, issues);
  const numeroAmc = t('numeroAmc', RE_AMC, 'n° AMC', cp, c);
  const typeConvention = t('typeConvention', RE_AMC, 'type de convention', cp, c);
  const csr = c && guardString(field(c, 'critereSecondaireRoutage'), [...cp, 'critereSecondaireRoutage'], issues, { required: false, pattern: RE_AMC, expected: 'critère secondaire de routage' });
  const numeroAdherent = t('numeroAdherent', RE_ADH, 'n° d’adhérent (1 à 15 chiffres ou majuscules)', cp, c);
  if (dateEntree && dateSortie && dateSortie < dateEntree) guardString(0, [...path, 'dateSortie'], issues, { expected: `date de sortie ≥ ${dateEntree}` });
  if (!finess || !numeroFacture || !dateEntree || !dateSortie || !numeroAmc || !typeConvention || !numeroAdherent) return undefined;
  return { finess, numeroFacture, dateEntree, dateSortie, cle: { numeroAmc, typeConvention, ...(csr ? { critereSecondaireRoutage: csr } : {}), numeroAdherent } };
}

// ── Modeled DRE-ES text ─────────────────────────────────────────────────

/** Largest DRE-ES text the modeled codec reads (characters). */
export const DRE_ES_MAX_CHARS = 256 * 1024;


function serializeDreEs(dre: DreEs): Result<string> {
  const issues: Issue[] = [];
  const o = guardObject(dre, ['dre'], issues);
  const lignes = o && guardArray(field(o, 'lignes'), ['dre', 'lignes'], issues, { min: 1, max: 999 });
  if (!o || !lignes) return inputErr(issues);
  // Junk becomes an invalid zone (never String() an unknown value), caught by the round trip below.
  const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? `${v}` : '\u0000');
  const date = (v: unknown): string => (typeof v === 'string' && wireDate(v) !== undefined ? wireDate(v)!.replaceAll('-', '') : '\u0000');
  const cents = (m: unknown): string => str(guardObject(m, [], [], { required: false }) && field(m as Record<string, unknown>, 'centimes'));
  const csr = field(o, 'critereSecondaireRoutage');
  const text = `${[
    ['DREES', '1', str(field(o, 'finess')), str(field(o, 'numeroFacture')), str(field(o, 'numeroAmc')), str(field(o, 'typeConvention')), csr === undefined ? '' : str(csr), str(field(o, 'numeroAdherent')), str(field(o, 'idGarantie')), date(field(o, 'dateEntree')), date(field(o, 'dateSortie')), `${lignes.length}`, cents(field(o, 'montantAmc'))].join('|'),
    ...lignes.map((l) => {
      const r = guardObject(l, [], [], { required: false });
      return r ? ['L', str(field(r, 'index')), str(field(r, 'code')), date(field(r, 'date')), cents(field(r, 'montantAmc'))].join('|') : '\u0000';
    }),
  ].join('\n')}\n`;
  // Strict round trip: what the codec writes, it reads back to the same DRE-ES.
  const back = parseDreEs(text);
  return back.ok ? ok(text) : back;
}

function parseDreEs(text: string): Result<DreEs> {
  if (typeof text !== 'string') return inputErr(typed(['text'], 'texte DRE-ES'));
  if (text.length > DRE_ES_MAX_CHARS) return err(issue('ADR_ROC_FORMAT', { path: ['text'], expected: 'DRE-ES', received: `${text.length} caractères (maximum ${DRE_ES_MAX_CHARS})` }));
  const lines = text.replace(/\n$/, '').split('\n');
  const bad = (i: number, what: string): Result<never> => err(issue('ADR_ROC_FORMAT', { path: ['lignes', i], expected: 'DRE-ES', received: what }));
  const h = /^DREES\|1\|(\d{9})\|([0-9A-Z]{1,20})\|([0-9A-Z]{1,10})\|([0-9A-Z]{1,10})\|([0-9A-Z]{0,10})\|([0-9A-Z]{1,15})\|([0-9A-Za-z._:-]{1,64})\|(\d{8})\|(\d{8})\|(\d{1,3})\|(\d{1,12})$/.exec(lines[0] ?? '');
  if (!h) return bad(0, 'en-tête DREES|1|… attendu');
  const [, finess, numeroFacture, numeroAmc, typeConvention, csr, numeroAdherent, idGarantie, de, ds, nb, total] = h as unknown as string[];
  const dateEntree = wireDate(de);
  const dateSortie = wireDate(ds);
  if (!dateEntree || !dateSortie || dateSortie < dateEntree) return bad(0, 'dates du séjour');
  if (Number(nb) !== lines.length - 1 || lines.length < 2) return bad(0, `${lines.length - 1} lignes pour ${nb} annoncées`);
  const out: LigneDreEs[] = [];
  let somme: Money = ZERO;
  for (let i = 1; i < lines.length; i++) {
    const m = /^L\|(\d{1,3})\|([0-9A-Z+*]{1,10})\|(\d{8})\|(\d{1,10})$/.exec(lines[i] ?? '');
    const date = m ? wireDate(m[3]) : undefined;
    if (!m || !date) return bad(i, 'ligne L|index|code|AAAAMMJJ|centimes attendue');
    const montantAmc = fromCentimes(Number(m[4]));
    somme = add(somme, montantAmc);
    out.push({ index: Number(m[1]), code: m[2]!, date, montantAmc });
  }
  if (somme.centimes !== Number(total)) return bad(0, `total ${total} ≠ somme des lignes ${somme.centimes}`);
  return ok({ finess: finess!, numeroFacture: numeroFacture!, numeroAmc: numeroAmc!, typeConvention: typeConvention!, ...(csr ? { critereSecondaireRoutage: csr } : {}), numeroAdherent: numeroAdherent!, idGarantie: idGarantie!, dateEntree, dateSortie, lignes: out, montantAmc: somme });
}

function typed(path: IssuePath, expected: string): Issue[] {
  const issues: Issue[] = [];
  guardString(0, path, issues, { expected });
  return issues;
}

/**
 * The modeled DRE-ES text: one header line `DREES|1|finess|facture|amc|convention|csr|adhérent|
 * idGarantie|entrée|sortie|nbLignes|totalCentimes` and one `L|index|code|AAAAMMJJ|centimes` line
 * per act. A model (the ROC contract is members-only): plug the real layout in as a
 * {@link DreEsCodec}.
 */
export const MODELED_DRE_ES_CODEC: DreEsCodec = /* @__PURE__ */ Object.freeze({ id: 'modele-dre-es-1', serialize: serializeDreEs, parse: parseDreEs });

// ── NOEMIE-PS 578R / 908R (modeled records) ─────────────────────────────

/** One invoice in a 578R / 908R file. */
export type RetourFactureRoc =
  | { readonly statut: 'paye'; readonly numeroFacture: string; readonly idGarantie: string; readonly montantDemande: Money; readonly montantPaye: Money; readonly datePaiement: PlainDate; readonly referenceVirement: string }
  | { readonly statut: 'rejete'; readonly numeroFacture: string; readonly idGarantie: string; readonly montantDemande: Money; readonly codeRejet: string; readonly libelle: string };

/** A NOEMIE-PS ROC return file: 578R (payments) or 908R (rejections). */
export interface RetourRoc {
  readonly type: '578R' | '908R';
  /** N° of the AMC (or opérateur) that sends it. */
  readonly emetteur: string;
  /** FINESS of the établissement it is for. */
  readonly finess: string;
  readonly dateCreation: PlainDate;
  readonly referenceFichier: string;
  readonly factures: readonly RetourFactureRoc[];
}

type Field = readonly [name: string, width: number, kind: 'N' | 'X'];
const H000: readonly Field[] = [['typeRetour', 4, 'X'], ['emetteur', 10, 'X'], ['finess', 9, 'N'], ['dateCreation', 8, 'N'], ['referenceFichier', 14, 'X']];
const D578: readonly Field[] = [['numeroFacture', 20, 'X'], ['idGarantie', 64, 'X'], ['montantDemande', 10, 'N'], ['montantPaye', 10, 'N'], ['datePaiement', 8, 'N'], ['referenceVirement', 16, 'X']];
const D908: readonly Field[] = [['numeroFacture', 20, 'X'], ['idGarantie', 64, 'X'], ['montantDemande', 10, 'N'], ['codeRejet', 4, 'X'], ['libelle', 60, 'X']];
const T999: readonly Field[] = [['nombre', 6, 'N'], ['total', 12, 'N']];
const widthOf = (fs: readonly Field[]): number => 3 + fs.reduce((a, f) => a + f[1], 0);
const TEXT_X = /^[\x20-\x7e]*$/;

/** Largest 578R / 908R text {@link parseRetourRoc} reads (characters). */
export const RETOUR_ROC_MAX_CHARS = 4 * 1024 * 1024;

function unpack(line: string, fs: readonly Field[]): Record<string, string> | undefined {
  if (line.length !== widthOf(fs) || !TEXT_X.test(line)) return undefined;
  const out: Record<string, string> = {};
  let p = 3;
  for (const [name, w, kind] of fs) {
    const v = line.slice(p, p + w);
    p += w;
    if (kind === 'N' && !/^\d+$/.test(v)) return undefined;
    out[name] = kind === 'N' ? v : v.trimEnd();
  }
  return out;
}

function pack(type: string, fs: readonly Field[], values: Record<string, string>): string | undefined {
  let line = type;
  for (const [name, w, kind] of fs) {
    const v = values[name] ?? '';
    if (v.length > w || !TEXT_X.test(v) || (kind === 'N' && !/^\d*$/.test(v))) return undefined;
    line += kind === 'N' ? v.padStart(w, '0') : v.padEnd(w, ' ');
  }
  return line;
}

/**
 * Reads a 578R / 908R file (modeled NOEMIE-style records, one per line): `000` header (type de
 * retour, émetteur, FINESS, date, référence), one `578` (paid: amounts asked and paid, date,
 * virement) or `908` (rejected: code and libellé) record per invoice, a `999` trailer (count and
 * total). Strict: any record out of place or any bad zone is an issue, never a throw.
 *
 * @param text - The file's text.
 * @returns The return, or `ADR_ROC_FORMAT` issues (path `['lignes', i]`).
 */
export function parseRetourRoc(text: string): Result<RetourRoc> {
  if (typeof text !== 'string') return inputErr(typed(['text'], 'texte du retour NOEMIE 578R / 908R'));
  if (text.length > RETOUR_ROC_MAX_CHARS) return err(issue('ADR_ROC_FORMAT', { path: ['text'], expected: 'retour 578R / 908R', received: `${text.length} caractères (maximum ${RETOUR_ROC_MAX_CHARS})` }));
  const lines = text.replace(/\r?\n$/, '').split(/\r?\n/);
  const bad = (i: number, what: string): Result<never> => err(issue('ADR_ROC_FORMAT', { path: ['lignes', i], expected: 'retour 578R / 908R', received: what }));
  const h = lines[0]?.startsWith('000') ? unpack(lines[0], H000) : undefined;
  const type = h?.['typeRetour'];
  const dateCreation = wireDate(h?.['dateCreation']);
  if (!h || (type !== '578R' && type !== '908R') || !dateCreation || !/^[0-9A-Z]{1,10}$/.test(h['emetteur'] ?? '')) return bad(0, 'en-tête 000 (type 578R ou 908R, émetteur, FINESS, date)');
  const detail = type === '578R' ? '578' : '908';
  const factures: RetourFactureRoc[] = [];
  let total = 0;
  for (let i = 1; i < lines.length - 1; i++) {
    const line = lines[i] ?? '';
    const r = line.startsWith(detail) ? unpack(line, detail === '578' ? D578 : D908) : undefined;
    if (!r || !RE_FACTURE.test(r['numeroFacture'] ?? '') || !RE_GARANTIE.test(r['idGarantie'] ?? '')) return bad(i, `enregistrement ${detail} attendu`);
    const base = { numeroFacture: r['numeroFacture']!, idGarantie: r['idGarantie']!, montantDemande: fromCentimes(Number(r['montantDemande'])) };
    if (detail === '578') {
      const datePaiement = wireDate(r['datePaiement']);
      if (!datePaiement) return bad(i, 'date de paiement');
      total += Number(r['montantPaye']);
      factures.push({ statut: 'paye', ...base, montantPaye: fromCentimes(Number(r['montantPaye'])), datePaiement, referenceVirement: r['referenceVirement'] ?? '' });
    } else {
      if (!/^[0-9A-Z]{1,4}$/.test(r['codeRejet'] ?? '')) return bad(i, 'code rejet');
      total += base.montantDemande.centimes;
      factures.push({ statut: 'rejete', ...base, codeRejet: r['codeRejet']!, libelle: r['libelle'] ?? '' });
    }
  }
  const last = lines.length - 1;
  const t = last >= 1 && lines[last]?.startsWith('999') ? unpack(lines[last]!, T999) : undefined;
  if (!t) return bad(last, 'enregistrement 999 de fin attendu');
  if (Number(t['nombre']) !== factures.length || Number(t['total']) !== total) return bad(last, `999 annonce ${Number(t['nombre'])} factures / ${Number(t['total'])} centimes, lu ${factures.length} / ${total}`);
  return ok({ type, emetteur: h['emetteur']!, finess: h['finess']!, dateCreation, referenceFichier: h['referenceFichier'] ?? '', factures });
}

/**
 * Writes a 578R / 908R file in the modeled records (the inverse of {@link parseRetourRoc}): the
 * local services answer a DRE-ES with it; a test or a PMS replays returns with it.
 *
 * @param retour - The return (every invoice `paye` in a 578R, `rejete` in a 908R).
 * @returns The text, or `ADR_ROC_FORMAT` / `INPUT_*` issues.
 */
export function buildRetourRoc(retour: RetourRoc): Result<string> {
  const issues: Issue[] = [];
  const o = guardObject(retour, ['retour'], issues);
  const fs = o && guardArray(field(o, 'factures'), ['retour', 'factures'], issues, { max: 100_000 });
  if (!o || !fs) return inputErr(issues);
  // Never String() an unknown value (an object without prototype throws): junk becomes an invalid zone.
  const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? `${v}` : '\u0000');
  const date = (d: unknown) => (typeof d === 'string' ? (wireDate(d) ?? '').replaceAll('-', '') : '');
  const cents = (m: unknown) => (typeof m === 'object' && m !== null && Number.isSafeInteger((m as Money).centimes) && (m as Money).centimes >= 0 ? String((m as Money).centimes) : 'x');
  const lines = [pack('000', H000, { typeRetour: str(field(o, 'type')), emetteur: str(field(o, 'emetteur')), finess: str(field(o, 'finess')), dateCreation: date(field(o, 'dateCreation')), referenceFichier: str(field(o, 'referenceFichier') ?? '') })];
  let total = 0;
  fs.forEach((f0) => {
    const f = guardObject(f0, [], [], { required: false });
    if (f === undefined) {
      lines.push(undefined);
      return;
    }
    const base = { numeroFacture: str(field(f, 'numeroFacture')), idGarantie: str(field(f, 'idGarantie')), montantDemande: cents(field(f, 'montantDemande')) };
    const type = field(o, 'type');
    const statut = field(f, 'statut');
    if (type === '578R' && statut === 'paye') {
      const paye = cents(field(f, 'montantPaye'));
      total += paye === 'x' ? 0 : Number(paye);
      lines.push(pack('578', D578, { ...base, montantPaye: paye, datePaiement: date(field(f, 'datePaiement')), referenceVirement: str(field(f, 'referenceVirement')) }));
    } else if (type === '908R' && statut === 'rejete') {
      total += base.montantDemande === 'x' ? 0 : Number(base.montantDemande);
      lines.push(pack('908', D908, { ...base, codeRejet: str(field(f, 'codeRejet')), libelle: str(field(f, 'libelle') ?? '') }));
    } else lines.push(undefined);
  });
  lines.push(pack('999', T999, { nombre: String(fs.length), total: String(total) }));
  const k = lines.findIndex((l) => l === undefined);
  if (k >= 0) return err(issue('ADR_ROC_FORMAT', { path: k === 0 ? ['retour'] : ['retour', 'factures', k - 1], expected: 'retour 578R / 908R', received: 'zone trop longue, non imprimable ou statut d’un autre type de retour' }));
  const text = `${lines.join('\n')}\n`;
  const back = parseRetourRoc(text);
  return back.ok ? ok(text) : back;
}

// ── Reconciliation (AMC part, per invoice) ──────────────────────────────

/** Where one DRE-ES stands after the returns. */
export type StatutRapprochementRoc = 'paye' | 'paye-ecart' | 'rejete' | 'en-attente';

/** One DRE-ES reconciled. */
export interface FactureRapprocheeRoc {
  readonly numeroFacture: string;
  readonly idGarantie: string;
  /** AMC amount asked by the DRE-ES. */
  readonly montantDemande: Money;
  /** AMC amount paid (578R); zero when rejected or pending. */
  readonly montantPaye: Money;
  /** Asked − paid (what the établissement still has to recover from the AMC or the patient). */
  readonly ecart: Money;
  readonly statut: StatutRapprochementRoc;
  readonly datePaiement?: PlainDate;
  readonly referenceVirement?: string;
  readonly codeRejet?: string;
  readonly libelle?: string;
}

/** Outcome of {@link reconcileRoc}. */
export interface RapprochementRoc {
  readonly factures: readonly FactureRapprocheeRoc[];
  /** Return records for no DRE-ES sent (another établissement's, or a lost invoice). */
  readonly inconnus: readonly RetourFactureRoc[];
  readonly totaux: { readonly demande: Money; readonly paye: Money; readonly rejete: Money; readonly enAttente: Money };
}

/**
 * Reconciles the AMC part of DRE-ES with their 578R / 908R returns, per invoice (key: invoice
 * number and guarantee id). A rejection after a payment of the same invoice is not possible in
 * this model: the last return read wins. Warnings: `ADR_ROC_REJET` per rejected invoice,
 * `ADR_ROC_ECART` per payment that differs from the amount asked, `ADR_ROC_RETOUR_INCONNU` per
 * return record for no DRE-ES.
 *
 * @param dres - The DRE-ES sent.
 * @param retours - The returns read (`parseRetourRoc`).
 * @returns The reconciliation, or `INPUT_*` issues.
 */
export function reconcileRoc(dres: readonly DreEs[], retours: readonly RetourRoc[]): Result<RapprochementRoc> {
  const issues: Issue[] = [];
  const ds = guardArray(dres, ['dres'], issues, { max: 100_000 });
  const rs = guardArray(retours, ['retours'], issues, { max: 10_000 });
  const sent: { numeroFacture: string; idGarantie: string; montant: Money }[] = [];
  (ds ?? []).forEach((d, i) => {
    const o = guardObject(d, ['dres', i], issues);
    const numeroFacture = o && guardString(field(o, 'numeroFacture'), ['dres', i, 'numeroFacture'], issues, { pattern: RE_FACTURE, expected: 'n° de facture' });
    const idGarantie = o && guardString(field(o, 'idGarantie'), ['dres', i, 'idGarantie'], issues, { pattern: RE_GARANTIE, expected: 'id de garantie' });
    const montant = o && guardMoneyAt(field(o, 'montantAmc'), ['dres', i, 'montantAmc'], issues);
    if (numeroFacture && idGarantie && montant) sent.push({ numeroFacture, idGarantie, montant });
  });
  const records: RetourFactureRoc[] = [];
  (rs ?? []).forEach((r, i) => {
    const o = guardObject(r, ['retours', i], issues);
    const fs = o && guardArray(field(o, 'factures'), ['retours', i, 'factures'], issues, { max: 100_000 });
    (fs ?? []).forEach((f, j) => {
      const fo = guardObject(f, ['retours', i, 'factures', j], issues);
      const p = ['retours', i, 'factures', j];
      const statut = fo && guardString(field(fo, 'statut'), [...p, 'statut'], issues, { pattern: /^(paye|rejete)$/, expected: 'paye ou rejete' });
      const numeroFacture = fo && guardString(field(fo, 'numeroFacture'), [...p, 'numeroFacture'], issues, { pattern: RE_FACTURE, expected: 'n° de facture' });
      const idGarantie = fo && guardString(field(fo, 'idGarantie'), [...p, 'idGarantie'], issues, { pattern: RE_GARANTIE, expected: 'id de garantie' });
      const montantDemande = fo && guardMoneyAt(field(fo, 'montantDemande'), [...p, 'montantDemande'], issues);
      if (!fo || !statut || !numeroFacture || !idGarantie || !montantDemande) return;
      const base = { numeroFacture, idGarantie, montantDemande };
      if (statut === 'paye') {
        const montantPaye = guardMoneyAt(field(fo, 'montantPaye'), [...p, 'montantPaye'], issues);
        const datePaiement = guardPlainDate(field(fo, 'datePaiement'), [...p, 'datePaiement'], issues) as PlainDate | undefined;
        const referenceVirement = guardString(field(fo, 'referenceVirement'), [...p, 'referenceVirement'], issues, { max: 64 });
        if (montantPaye && datePaiement && referenceVirement !== undefined) records.push({ statut, ...base, montantPaye, datePaiement, referenceVirement });
      } else {
        const codeRejet = guardString(field(fo, 'codeRejet'), [...p, 'codeRejet'], issues, { max: 8 });
        const libelle = guardString(field(fo, 'libelle'), [...p, 'libelle'], issues, { max: 200, required: false }) ?? '';
        if (codeRejet !== undefined) records.push({ statut: 'rejete', ...base, codeRejet, libelle });
      }
    });
  });
  if (issues.length > 0 || !ds || !rs) return inputErr(issues);
  const key = (n: string, g: string) => `${n}\u0000${g}`;
  const byKey = new Map<string, RetourFactureRoc>();
  for (const r of records) byKey.set(key(r.numeroFacture, r.idGarantie), r);
  const warnings: Issue[] = [];
  let demande = ZERO;
  let paye = ZERO;
  let rejete = ZERO;
  let enAttente = ZERO;
  const used = new Set<string>();
  const factures = sent.map((s, i): FactureRapprocheeRoc => {
    const k = key(s.numeroFacture, s.idGarantie);
    const r = byKey.get(k);
    demande = add(demande, s.montant);
    const base = { numeroFacture: s.numeroFacture, idGarantie: s.idGarantie, montantDemande: s.montant };
    if (r === undefined) {
      enAttente = add(enAttente, s.montant);
      return { ...base, montantPaye: ZERO, ecart: s.montant, statut: 'en-attente' };
    }
    used.add(k);
    if (r.statut === 'rejete') {
      rejete = add(rejete, s.montant);
      warnings.push(issue('ADR_ROC_REJET', { severity: 'warning', path: ['dres', i], received: `${s.numeroFacture} : ${r.codeRejet} ${r.libelle}`.trim() }));
      return { ...base, montantPaye: ZERO, ecart: s.montant, statut: 'rejete', codeRejet: r.codeRejet, libelle: r.libelle };
    }
    paye = add(paye, r.montantPaye);
    const ecart = subtract(s.montant, r.montantPaye);
    if (ecart.centimes !== 0) warnings.push(issue('ADR_ROC_ECART', { severity: 'warning', path: ['dres', i], expected: formatDecimal(s.montant), received: formatDecimal(r.montantPaye) }));
    return { ...base, montantPaye: r.montantPaye, ecart, statut: ecart.centimes === 0 ? 'paye' : 'paye-ecart', datePaiement: r.datePaiement, referenceVirement: r.referenceVirement };
  });
  const inconnus = [...byKey.entries()].filter(([k]) => !used.has(k)).map(([, r]) => r);
  inconnus.forEach((r) => warnings.push(issue('ADR_ROC_RETOUR_INCONNU', { severity: 'warning', path: ['retours'], received: `${r.numeroFacture} (garantie ${r.idGarantie})` })));
  return ok({ factures, inconnus, totaux: { demande, paye, rejete, enAttente } }, warnings);
}
