/**
 * Structural validators of the dre module's inputs (untrusted caller data: JSON from a PMS, the
 * adr module's answers): the AMC routing, the CLC guarantee and a DRE with what decided it.
 * Each returns a fresh typed copy or `undefined` after pushing `INPUT_*` issues with paths.
 */
import type { PlainDate } from '../core/date/index';
import type { Rec } from '../core/guard/index';
import { field, guardBoolean, guardEnum, guardMoney, guardObject, guardPlainDate, guardString } from '../core/guard/index';
import type { Issue, IssuePath } from '../core/issues/index';
import { checkDre, checkRoutage } from '../fse/shape';
import type { AmcRouting, AnnuaireAmcReponse, Dre, DreGarantie, DreRoutage, GarantieClc } from './model';

/** Writable copy under construction. */
type Out<T> = { -readonly [K in keyof T]: T[K] };

const AMC = /^[0-9A-Z]{1,10}$/;
/** N° d'adhérent: 1 … 8 digits or capitals (B2 type 2 zones 105-112), or 9 … 15 digits (type 2M zones 72-86, numeric). */
const ADHERENT = /^(?:[0-9A-Z]{1,8}|[0-9]{9,15})$/;
const CODE = /^[0-9A-Z]{1,10}$/;
const TWO = /^[0-9A-Z]{2}$/;

const at = (path: IssuePath, ...keys: (string | number)[]): IssuePath => [...path, ...keys];

function text(o: Rec, key: string, path: IssuePath, issues: Issue[], pattern: RegExp, expected: string, required = true): string | undefined {
  return guardString(field(o, key), at(path, key), issues, { required, max: 64, pattern, expected });
}

function optText<T extends object>(out: T, o: Rec, key: keyof T & string, path: IssuePath, issues: Issue[], pattern: RegExp, expected: string): void {
  const v = text(o, key, path, issues, pattern, expected, false);
  if (v !== undefined) (out as Record<string, unknown>)[key] = v;
}

function annuaire(v: unknown, path: IssuePath, issues: Issue[]): AnnuaireAmcReponse | undefined {
  const o = guardObject(v, path, issues, { required: false });
  if (o === undefined) return undefined;
  const r = guardObject(field(o, 'routage'), at(path, 'routage'), issues);
  const routage = r && checkRoutage(r, at(path, 'routage'), issues);
  const out: Out<AnnuaireAmcReponse> = { numeroAmc: text(o, 'numeroAmc', path, issues, AMC, 'n° AMC (1 à 10 chiffres ou majuscules)') ?? '', routage: routage ?? { codeRoutage: '', identifiantHote: '', nomDomaine: '' } };
  optText(out, o, 'typeConvention', path, issues, CODE, 'type de convention');
  optText(out, o, 'critereSecondaireRoutage', path, issues, CODE, 'critère secondaire de routage');
  optText(out, o, 'destinataire', path, issues, AMC, 'n° d’organisme destinataire (1 à 10 chiffres ou majuscules)');
  optText(out, o, 'indicateurTraitement', path, issues, TWO, 'indicateur de traitement (2 caractères)');
  optText(out, o, 'codeApplication', path, issues, TWO, 'code application AMC (2 caractères)');
  const dre = guardBoolean(field(o, 'dre'), at(path, 'dre'), issues, { required: false });
  if (dre !== undefined) out.dre = dre;
  return out;
}

/**
 * The AMC routing of a DRE (attestation fields + optional Annuaire answer).
 *
 * @param v - Caller data.
 * @param path - Where it sits.
 * @param issues - Collector.
 * @returns A fresh typed copy, or `undefined` when any issue was raised.
 */
export function checkAmcRouting(v: unknown, path: IssuePath, issues: Issue[]): AmcRouting | undefined {
  const o = guardObject(v, path, issues);
  if (o === undefined) return undefined;
  const before = issues.length;
  const out: Out<AmcRouting> = {
    numeroAmc: text(o, 'numeroAmc', path, issues, AMC, 'n° AMC (1 à 10 chiffres ou majuscules)') ?? '',
    typeConvention: text(o, 'typeConvention', path, issues, CODE, 'type de convention') ?? '',
    numeroAdherent: text(o, 'numeroAdherent', path, issues, ADHERENT, 'n° d’adhérent (1 à 8 chiffres ou majuscules, ou 9 à 15 chiffres)') ?? '',
  };
  optText(out, o, 'critereSecondaireRoutage', path, issues, CODE, 'critère secondaire de routage');
  const p = guardObject(field(o, 'periodeValidite'), at(path, 'periodeValidite'), issues, { required: false });
  if (p !== undefined) {
    const debut = guardPlainDate(field(p, 'debut'), at(path, 'periodeValidite', 'debut'), issues) as PlainDate | undefined;
    const fin = guardPlainDate(field(p, 'fin'), at(path, 'periodeValidite', 'fin'), issues) as PlainDate | undefined;
    if (debut !== undefined && fin !== undefined) out.periodeValidite = { debut, fin };
  }
  const a = annuaire(field(o, 'annuaire'), at(path, 'annuaire'), issues);
  if (a !== undefined) out.annuaire = a;
  return issues.length === before ? out : undefined;
}

/**
 * A CLC guarantee, optional.
 *
 * @param v - Caller data.
 * @param path - Where it sits.
 * @param issues - Collector.
 * @returns A fresh typed copy, or `undefined` when absent or malformed.
 */
export function checkGarantieClc(v: unknown, path: IssuePath, issues: Issue[]): GarantieClc | undefined {
  const o = guardObject(v, path, issues, { required: false });
  if (o === undefined) return undefined;
  const id = guardString(field(o, 'id'), at(path, 'id'), issues, { min: 1, max: 64 });
  const montantGaranti = guardMoney(field(o, 'montantGaranti'), at(path, 'montantGaranti'), issues, { min: 0 });
  const statut = guardEnum(field(o, 'statut'), ['garanti', 'non_garanti', 'rejete'], at(path, 'statut'), issues);
  return id === undefined || montantGaranti === undefined || statut === undefined ? undefined : { id, montantGaranti, statut };
}

function garantie(v: unknown, path: IssuePath, issues: Issue[]): DreGarantie | undefined {
  const o = guardObject(v, path, issues, { required: false });
  if (o === undefined) return undefined;
  const id = guardString(field(o, 'id'), at(path, 'id'), issues, { min: 1, max: 64 });
  const montantGaranti = guardMoney(field(o, 'montantGaranti'), at(path, 'montantGaranti'), issues, { min: 0 });
  return id === undefined || montantGaranti === undefined ? undefined : { id, montantGaranti };
}

function decision(v: unknown, path: IssuePath, issues: Issue[]): DreRoutage | undefined {
  const o = guardObject(v, path, issues, { required: false });
  if (o === undefined) return undefined;
  const typeConvention = text(o, 'typeConvention', path, issues, CODE, 'type de convention');
  const source = guardEnum(field(o, 'source'), ['annuaire', 'carte'], at(path, 'source'), issues);
  const out: Out<DreRoutage> = { typeConvention: typeConvention ?? '', source: source ?? 'carte' };
  optText(out, o, 'critereSecondaireRoutage', path, issues, CODE, 'critère secondaire de routage');
  return out;
}

/**
 * A DRE of this module: the fse document (its FSE included) plus its guarantee and routing decision.
 *
 * @param v - Caller data.
 * @param path - Where it sits.
 * @param issues - Collector.
 * @returns A fresh typed copy, or `undefined` when any issue was raised.
 */
export function checkDreDocument(v: unknown, path: IssuePath, issues: Issue[]): Dre | undefined {
  const before = issues.length;
  const doc = checkDre(v, path, issues);
  const o = guardObject(v, path, [], { required: false });
  const g = o && garantie(field(o, 'garantie'), at(path, 'garantie'), issues);
  const d = o && decision(field(o, 'routageDecision'), at(path, 'routageDecision'), issues);
  if (doc === undefined || issues.length !== before) return undefined;
  return { ...doc, ...(g !== undefined ? { garantie: g } : {}), ...(d !== undefined ? { routageDecision: d } : {}) };
}
