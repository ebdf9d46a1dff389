/**
 * Identifier controls: NIR (assuré, bénéficiaire), n° de facturation (PS, prescripteur,
 * exécutant, remplaçant), n° de facture, organismes AMO. Keys are checked with core/ids
 * (NIR: 97 − (13 digits mod 97), INSEE; n° de facturation: Luhn key of the norme B2), so a
 * one-digit typo is caught before the caisse rejects the invoice.
 *
 * The checks read an {@link IdentityDoc}, the identity part shared by an `FseInput` and an
 * `Fse`: `buildFse` runs them on its input (so identity issues come back with the pricing
 * issues, in one result) and `validateFse` on the FSE, through {@link IDENTIFIER_CONTROLS}.
 *
 * @see Norme B2 inter-régimes (cahier des charges CNAM), type 2 zones 12-26 (NIR), 2-10 (n° PS), 59-67 (prescripteur)
 */
import type { IssueDetails, IssuePath, Result } from '../../core/issues/index';
import { validateNir, validateNumeroFacturation } from '../../core/ids/index';
import type { FseCode } from '../codes';
import type { OrganismesAmo, Prescription } from '../input';
import type { Fse } from '../model';
import type { Finding, FseControl } from './types';
import { control } from './types';

/**
 * The identity part of an invoice, with the paths of an `FseInput`: `prescription`,
 * `numeroFacture` at the top; `executants` are the lines' exécutants (none before pricing).
 */
export interface IdentityDoc {
  readonly beneficiaire: { readonly nirAssure: string; readonly nirIndividuel?: string };
  readonly ps: { readonly numeroFacturation: string };
  readonly remplacant?: string;
  readonly prescription?: Prescription;
  readonly numeroFacture?: number;
  readonly amo: OrganismesAmo;
  readonly executants: readonly string[];
}

/** One identity check over an {@link IdentityDoc}. */
export interface IdentityCheck {
  readonly code: FseCode;
  /** The top-level part of the {@link IdentityDoc} it reads. */
  readonly part: keyof IdentityDoc;
  readonly label: string;
  readonly appliesTo: (doc: IdentityDoc) => boolean;
  readonly check: (doc: IdentityDoc) => Finding;
}

type Stage = 'format' | 'key' | undefined;
interface StageOf { readonly stage: Stage; readonly expected?: string; readonly received?: string }

/** Which stage of an identifier fails (format/length/components vs key), with the key details. */
function stageOf(r: Result<unknown>, keyCode: string): StageOf {
  if (r.ok) return { stage: undefined };
  const first = r.issues[0];
  if (first.code !== keyCode) return { stage: 'format' };
  return { stage: 'key', ...(first.expected !== undefined ? { expected: first.expected } : {}), ...(first.received !== undefined ? { received: first.received } : {}) };
}
const nirStage = (value: string): StageOf => stageOf(validateNir(value), 'NIR_CHECKSUM');
const numStage = (value: string): StageOf => stageOf(validateNumeroFacturation(value), 'NUMFACT_CHECKSUM');

function keyFinding(path: IssuePath, s: StageOf): IssueDetails {
  return { path, ...(s.expected !== undefined ? { expected: s.expected } : {}), ...(s.received !== undefined ? { received: s.received } : {}) };
}

const DIGITS: Readonly<Record<number, RegExp>> = { 2: /^\d{2}$/, 3: /^\d{3}$/, 4: /^\d{4}$/ };
const digits = (n: number, f: string): boolean => DIGITS[n]?.test(f) === true;
const ALWAYS = (): boolean => true;
const hasPrescription = (d: IdentityDoc): boolean => d.prescription !== undefined;
const prescripteur = (d: IdentityDoc): string => d.prescription?.numeroPrescripteur ?? '';
const check = (code: FseCode, part: keyof IdentityDoc, label: string, appliesTo: IdentityCheck['appliesTo'], fn: IdentityCheck['check']): IdentityCheck => ({ code, part, label, appliesTo, check: fn });
const amoCheck = (code: FseCode, label: string, key: 'grandRegime' | 'caisse' | 'centre' | 'organismeDestinataire', n: number): IdentityCheck =>
  check(code, 'amo', label, ALWAYS, (d) => (digits(n, d.amo[key]) ? undefined : { path: ['amo', key], received: d.amo[key] }));

/** The identity checks, in the order they run (paths as in an `FseInput`). */
export const IDENTITY_CHECKS: readonly IdentityCheck[] = [
  check('FSE_ASSURE_NIR_FORMAT', 'beneficiaire', 'NIR de l’assuré lisible (13 caractères + clé)', ALWAYS, (d) =>
    nirStage(d.beneficiaire.nirAssure).stage === 'format' ? { path: ['beneficiaire', 'nirAssure'], expected: '15 caractères', received: d.beneficiaire.nirAssure } : undefined),
  check('FSE_ASSURE_NIR_KEY', 'beneficiaire', 'Clé du NIR de l’assuré', ALWAYS, (d) => {
    const s = nirStage(d.beneficiaire.nirAssure);
    return s.stage === 'key' ? keyFinding(['beneficiaire', 'nirAssure'], s) : undefined;
  }),
  check('FSE_BENEFICIAIRE_NIR_FORMAT', 'beneficiaire', 'NIR individuel du bénéficiaire lisible', (d) => d.beneficiaire.nirIndividuel !== undefined, (d) =>
    nirStage(d.beneficiaire.nirIndividuel ?? '').stage === 'format' ? { path: ['beneficiaire', 'nirIndividuel'], received: d.beneficiaire.nirIndividuel ?? '' } : undefined),
  check('FSE_BENEFICIAIRE_NIR_KEY', 'beneficiaire', 'Clé du NIR individuel du bénéficiaire', (d) => d.beneficiaire.nirIndividuel !== undefined, (d) => {
    const s = nirStage(d.beneficiaire.nirIndividuel ?? '');
    return s.stage === 'key' ? keyFinding(['beneficiaire', 'nirIndividuel'], s) : undefined;
  }),
  check('FSE_PS_NUMERO_FORMAT', 'ps', 'N° de facturation du PS sur 9 chiffres', ALWAYS, (d) =>
    numStage(d.ps.numeroFacturation).stage === 'format' ? { path: ['ps', 'numeroFacturation'], received: d.ps.numeroFacturation } : undefined),
  check('FSE_PS_NUMERO_KEY', 'ps', 'Clé de Luhn du n° de facturation du PS', ALWAYS, (d) => {
    const s = numStage(d.ps.numeroFacturation);
    return s.stage === 'key' ? keyFinding(['ps', 'numeroFacturation'], s) : undefined;
  }),
  check('FSE_PRESCRIPTEUR_NUMERO_FORMAT', 'prescription', 'N° du prescripteur sur 9 chiffres', hasPrescription, (d) =>
    numStage(prescripteur(d)).stage === 'format' ? { path: ['prescription', 'numeroPrescripteur'], received: prescripteur(d) } : undefined),
  check('FSE_PRESCRIPTEUR_NUMERO_KEY', 'prescription', 'Clé de Luhn du n° du prescripteur', hasPrescription, (d) => {
    const s = numStage(prescripteur(d));
    return s.stage === 'key' ? keyFinding(['prescription', 'numeroPrescripteur'], s) : undefined;
  }),
  check('FSE_EXECUTANT_NUMERO_KEY', 'executants', 'N° de l’exécutant de chaque acte valide', ALWAYS, (d) =>
    d.executants.flatMap((e, k) => (numStage(e).stage === undefined ? [] : [{ path: ['executants', k], received: e }]))),
  check('FSE_REMPLACANT_NUMERO_KEY', 'remplacant', 'N° du PS remplaçant valide', (d) => d.remplacant !== undefined, (d) =>
    numStage(d.remplacant ?? '').stage === undefined ? undefined : { path: ['remplacant'], received: d.remplacant ?? '' }),
  check('FSE_NUMERO_FACTURE_RANGE', 'numeroFacture', 'N° de facture entre 1 et 999 999 999', (d) => d.numeroFacture !== undefined, (d) => {
    const n = d.numeroFacture ?? 0;
    return Number.isInteger(n) && n >= 1 && n <= 999_999_999 ? undefined : { path: ['numeroFacture'], expected: '1 à 999999999', received: n };
  }),
  amoCheck('FSE_ORGANISME_REGIME_FORMAT', 'Grand régime sur 2 chiffres', 'grandRegime', 2),
  amoCheck('FSE_ORGANISME_CAISSE_FORMAT', 'Caisse gestionnaire sur 3 chiffres', 'caisse', 3),
  amoCheck('FSE_ORGANISME_CENTRE_FORMAT', 'Centre gestionnaire sur 4 chiffres', 'centre', 4),
  amoCheck('FSE_ORGANISME_DESTINATAIRE_FORMAT', 'Organisme destinataire sur 3 chiffres', 'organismeDestinataire', 3),
];

/**
 * The identity part of an FSE (its prescription, n° de facture and lines' exécutants included).
 *
 * @param fse - A structurally checked FSE.
 * @returns The view the {@link IDENTITY_CHECKS} read.
 */
export function identityOfFse(fse: Fse): IdentityDoc {
  return {
    beneficiaire: fse.beneficiaire,
    ps: fse.ps,
    ...(fse.remplacant !== undefined ? { remplacant: fse.remplacant } : {}),
    ...(fse.situation.prescription !== undefined ? { prescription: fse.situation.prescription } : {}),
    ...(fse.identification.numeroFacture !== undefined ? { numeroFacture: fse.identification.numeroFacture } : {}),
    amo: fse.amo,
    executants: fse.lignes.map((l) => l.executant),
  };
}

/** Paths of an {@link IdentityDoc} → paths of an FSE. */
function fsePath(path: IssuePath): IssuePath {
  const [head, ...rest] = path;
  if (head === 'prescription') return ['situation', 'prescription', ...rest];
  if (head === 'numeroFacture') return ['identification', 'numeroFacture', ...rest];
  if (head === 'executants') return ['lignes', ...rest, 'executant'];
  return path;
}

function onFse(found: Finding): Finding {
  if (found === undefined) return undefined;
  const list: readonly IssueDetails[] = Array.isArray(found) ? found : [found as IssueDetails];
  return list.map((d) => (d.path === undefined ? d : { ...d, path: fsePath(d.path) }));
}

/** Identifier controls of an FSE: {@link IDENTITY_CHECKS} run on the FSE's identity part. */
export const IDENTIFIER_CONTROLS: readonly FseControl[] = IDENTITY_CHECKS.map((c) =>
  control<Fse>(c.code, c.label, (fse) => c.appliesTo(identityOfFse(fse)), (fse) => onFse(c.check(identityOfFse(fse)))),
);
