/**
 * FSE / DRE → B2 records (PS norm) on the shared layouts of `./records`: type 2 (+ 2S
 * individual NIR, + 2M AMC routing when a DRE is generated), type 4 per act (+ 4M CCAM / 4F LPP
 * detail), type 5 totals; lots and files from a `LottedFile` of the ledger flow.
 * Alphanumeric values are transliterated here, once, at build time (`FW_TRANSLITERATED`
 * warning): the serializer then only checks them.
 *
 * Modeled (values the public material does not give; parameters with documented defaults):
 * type 2 nature d'opération and nature de la pièce justificative (default `0`), type 4 code
 * accord préalable (default `9` non soumis: the model carries no accord préalable), 4F type de
 * prestation (default `A` achat), the rang bénéficiaire written on 2 digits.
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements
 */
import { formatAammjj } from '../../core/date/index';
import type { Factor } from '../../core/money/index';
import type { Issue, IssuePath, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { inputErr } from '../../core/guard/index';
import { transliterate } from '../../internal/fixed-width/index';
import { compactNir } from '../../core/ids/index';
import { FSE_CODES } from '../codes';
import type { Dre, Fse, LigneFse } from '../model';
import type { B2Facture, B2Ligne } from './file';
import { invoiceTrailerOf } from './file';
import { guardB2Source } from './guard';
import type { Record2, Record2M, Record4, Record4F, Record4M } from './records/index';

const issue = createIssueFactory(FSE_CODES);

/** Record-level values not carried by the FSE model (modeled, see the module note). */
export interface B2FactureOptions {
  /** Type 2 pos. 39 nature d'opération (default `'0'`). */
  readonly natureOperation?: string;
  /** Type 2 pos. 58 nature de la pièce justificative des droits (default `'0'`). */
  readonly naturePieceJustificative?: string;
  /** Type 4 pos. 50 code accord préalable (default `'9'` non soumis). */
  readonly codeAccordPrealable?: Record4['codeAccordPrealable'];
  /** 4F pos. 56 type de prestation LPP (default `'A'` achat). */
  readonly typePrestationLpp?: Record4F['typePrestation'];
}

/** Scaled integer of a factor (`1.5` at 2 decimals → 150), or undefined when it does not fit. */
function scaled(f: Factor, decimals: number): number | undefined {
  if (f.scale > decimals) return undefined;
  return f.units * 10 ** (decimals - f.scale);
}

const ASCII_UPPER = /^[\x20-\x60\x7b-\x7e]*$/;
const DIGITS = /^\d*$/;

/** Collects issues and warnings while one invoice is built. */
interface Ctx { readonly issues: Issue[]; readonly warnings: Issue[] }

/** B2 alphanumeric form of a caller's text (upper case, unaccented), transliterated once here. */
function alpha(text: string, path: IssuePath, c: Ctx): string {
  if (ASCII_UPPER.test(text)) return text;
  const t = transliterate(text, path);
  if (t.ok) {
    c.warnings.push(...t.issues);
    return t.value;
  }
  c.issues.push(...t.issues);
  return '';
}

/** A numeric zone from a caller's digit string, zero-padded to its width (the form parse returns). */
/** Width of the type 2 n° d'adhérent zone (105-112). */
const TYPE2_ADHERENT_MAX = 8;

function digits(text: string, width: number, path: IssuePath, c: Ctx): string {
  if (!DIGITS.test(text) || text.length > width) {
    c.issues.push(issue('FSE_RECORD_FIELD', { path, expected: `${width} chiffres au plus`, received: text }));
    return '0'.repeat(width);
  }
  return text.padStart(width, '0');
}

type Prefix = { numeroPs: string; nirAssure: string; cleNir: string; numeroFacture: number };

/**
 * A record written with every zone the builder may fill present, `undefined` when empty (an
 * absent optional zone, as the writers and `toEqual` read it).
 *
 * Hint: one object literal per record type, its keys always the same and in the same order,
 * gives every record of a type one hidden class with all its fields in-object: the serializer's
 * ~24 field reads per record stay monomorphic on a mixed day (conditional spreads gave the type 2
 * five hidden classes, and a spread prefix put the fields in a separate property array).
 */
type Loose<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] };

function prefixOf(fse: Fse): Prefix {
  const nir = compactNir(fse.beneficiaire.nirAssure);
  return { numeroPs: fse.ps.numeroFacturation, nirAssure: nir.slice(0, 13), cleNir: nir.slice(13, 15), numeroFacture: fse.identification.numeroFacture ?? 0 };
}

function ligneOf(p: Prefix, l: LigneFse, k: number, amc: boolean, o: B2FactureOptions, c: Ctx): B2Ligne {
  const coefficient = scaled(l.coefficient, 2);
  const taux = scaled(l.taux, 2);
  const path = ['lignes', k];
  if (coefficient === undefined || coefficient > 999_999) c.issues.push(issue('FSE_RECORD_FIELD', { path: [...path, 'coefficient'], received: 'coefficient à plus de 2 décimales' }));
  if (taux === undefined) c.issues.push(issue('FSE_RECORD_FIELD', { path: [...path, 'taux'], received: 'taux non entier' }));
  const d = l.detail;
  const sequence = k + 1;
  const justification = alpha(l.justificationExoneration, [...path, 'justificationExoneration'], c);
  const montantAmc = amc ? l.montantAmc.centimes : 0;
  const prestation: Loose<Record4> = {
    type: '4', numeroPs: p.numeroPs, nirAssure: p.nirAssure, cleNir: p.cleNir, numeroFacture: p.numeroFacture, complementType: ' ',
    sequence,
    codeAccordPrealable: o.codeAccordPrealable ?? '9',
    justificationExoneration: justification !== '' ? justification : undefined,
    numeroExecutant: l.executant,
    dateActe: l.date,
    codeActe: d.kind === 'ngap' ? alpha(l.code, [...path, 'code'], c) : '',
    quantite: l.quantite,
    coefficient: String(coefficient ?? 0).padStart(6, '0'),
    denombrement: 0,
    prixUnitaire: l.prixUnitaire,
    baseRemboursement: l.baseRemboursement,
    taux: taux ?? 0,
    montantRemboursableAmo: l.montantAmo,
    montantHonoraires: l.montantFacture,
    codeLieu: l.lieu === 'domicile' ? '1' : '0',
    montantRemboursableAmc: montantAmc !== 0 ? { centimes: montantAmc } : undefined,
  };
  if (d.kind === 'ccam') {
    const m = d.modificateurs.map((x, i) => alpha(x, [...path, 'modificateurs', i], c));
    const phase = digits(d.phase, 1, [...path, 'phase'], c);
    const ccam: Loose<Record4M> = {
      type: '4', numeroPs: p.numeroPs, nirAssure: p.nirAssure, cleNir: p.cleNir, numeroFacture: p.numeroFacture, complementType: 'M', sequence,
      codeActe: alpha(d.code, [...path, 'code'], c), activite: alpha(d.activite, [...path, 'activite'], c),
      phase: phase !== '0' ? phase : undefined,
      modificateur1: m[0] || undefined, modificateur2: m[1] || undefined, modificateur3: m[2] || undefined, modificateur4: m[3] || undefined,
    };
    return { prestation: prestation as Record4, ccam: ccam as Record4M };
  }
  if (d.kind === 'lpp') {
    const code = alpha(d.code, [...path, 'code'], c);
    const lpp: Loose<Record4F> = {
      type: '4', numeroPs: p.numeroPs, nirAssure: p.nirAssure, cleNir: p.cleNir, numeroFacture: p.numeroFacture, complementType: 'F', sequence,
      codeLpp: code !== '' ? code : undefined, typePrestation: o.typePrestationLpp ?? 'A',
      dateDebut: l.date, tarifLpp: l.prixUnitaire, nombreUnites: l.quantite, prixUnitaireVente: l.prixUnitaire,
      baseRemboursement: l.baseRemboursement, montantTotal: l.montantFacture,
    };
    return { prestation: prestation as Record4, lpp: lpp as Record4F };
  }
  return { prestation: prestation as Record4 };
}

/**
 * The records of one invoice: an FSE, or the DRE of an FSE (same invoice with its 2M routing).
 *
 * @param doc - The FSE or the DRE (numbered).
 * @param options - Record values the model does not carry (modeled defaults).
 * @returns The records (an accented or lower-case value is transliterated with an
 *   `FW_TRANSLITERATED` warning), or `FSE_NOT_NUMBERED` / `FSE_RECORD_FIELD` / `FW_CHARSET`.
 */
export function b2FactureOf(doc: Fse | Dre, options?: B2FactureOptions): Result<B2Facture> {
  const guarded: Issue[] = [];
  if (!guardB2Source(doc, options, guarded)) return inputErr(guarded);
  return facture(doc, options ?? {});
}

/** {@link b2FactureOf} on a checked shape. */
function facture(doc: Fse | Dre, options: B2FactureOptions): Result<B2Facture> {
  const fse = doc.kind === 'fse' ? doc : doc.fse;
  const dre = doc.kind === 'dre' ? doc : undefined;
  const c: Ctx = { issues: [], warnings: [] };
  if (fse.identification.numeroFacture === undefined) c.issues.push(issue('FSE_NOT_NUMBERED', { path: ['identification', 'numeroFacture'] }));
  const p = prefixOf(fse);
  const s = fse.situation;
  const amc = dre?.amc ?? fse.amc;
  // N° d'adhérent: up to 8 characters in type 2 zones 105-112; a longer one (9 … 15 digits, as an
  // attestation de tiers payant may print it) goes to the 2M « identifiant AMC de l'adhérent » (72-86).
  const longAdherent = amc !== undefined && amc.numeroAdherent.length > TYPE2_ADHERENT_MAX;
  const numeroAdherent = amc !== undefined && !longAdherent ? alpha(amc.numeroAdherent, ['amc', 'numeroAdherent'], c) : '';
  const identifiantAdherent = amc?.identifiantAdherentAmc !== undefined ? { value: amc.identifiantAdherentAmc, key: 'identifiantAdherentAmc' } : longAdherent && amc !== undefined ? { value: amc.numeroAdherent, key: 'numeroAdherent' } : undefined;
  const numeroAmc = amc !== undefined ? alpha(amc.numero, ['amc', 'numero'], c) : '';
  const entete: Loose<Record2> = {
    type: '2', numeroPs: p.numeroPs, nirAssure: p.nirAssure, cleNir: p.cleNir, numeroFacture: p.numeroFacture, complementType: ' ',
    natureOperation: options.natureOperation ?? '0',
    dateFacturation: fse.identification.dateFacturation,
    topEclatement: fse.reglement.tiersPayantAmc ? 'E' : undefined,
    typeFacture: 'F',
    grandRegime: fse.amo.grandRegime,
    caisseGestionnaire: fse.amo.caisse,
    centreGestionnaire: fse.amo.centre,
    naturePieceJustificative: options.naturePieceJustificative ?? '0',
    numeroPrescripteur: s.prescription?.numeroPrescripteur,
    datePrescription: s.prescription?.date,
    natureAssurance: s.natureAssurance,
    justificationExoneration: alpha(s.justificationExoneration, ['situation', 'justificationExoneration'], c),
    dateMaternite: s.dateMaternite,
    numeroAtOuDateAccident: s.accidentTravail !== undefined && s.accidentTravail.numero !== '' ? digits(s.accidentTravail.numero, 9, ['situation', 'accidentTravail', 'numero'], c) : undefined,
    cpsRemplacant: fse.remplacant !== undefined ? '1' : '0',
    dateNaissance: formatAammjj(fse.beneficiaire.dateNaissance),
    rangNaissance: String(fse.beneficiaire.rangNaissance),
    rangBeneficiaire: String(fse.beneficiaire.rangBeneficiaire).padStart(2, '0'),
    numeroAdherent: numeroAdherent !== '' ? numeroAdherent : undefined,
    specialitePrescripteur: s.prescription?.specialite,
    destinataireReglement: fse.reglement.destinataire,
    typeContratAmc: amc?.typeContrat as Record2['typeContratAmc'],
    numeroOrganismeComplementaire: numeroAmc !== '' ? numeroAmc : undefined,
  };
  const nirInd = fse.beneficiaire.nirIndividuel !== undefined ? compactNir(fse.beneficiaire.nirIndividuel) : undefined;
  const individu = nirInd !== undefined ? { type: '2' as const, ...p, complementType: 'S' as const, nirIndividuel: nirInd.slice(0, 13), cleNirIndividuel: nirInd.slice(13, 15) } : undefined;
  const r = amc?.routage;
  let routing: Record2M | undefined;
  if (fse.reglement.tiersPayantAmc && amc !== undefined) {
    const x = (v: string | undefined, name: string): string => (v === undefined ? '' : alpha(v, ['amc', name], c));
    const fields = {
      codeRoutageDestinataireAmc: x(r?.codeRoutage, 'codeRoutage'),
      identifiantHoteDestinataireAmc: x(r?.identifiantHote, 'identifiantHote'),
      versionModuleSts: x(r?.versionModuleSts, 'versionModuleSts'),
      indicateurTraitement: x(amc.indicateurTraitement, 'indicateurTraitement'),
      codeApplicationAmc: x(amc.codeApplication, 'codeApplication'),
    };
    routing = {
      type: '2', ...p, complementType: 'M',
      numeroOrganismeComplementaire: digits(amc.numero, 10, ['amc', 'numero'], c),
      ...(identifiantAdherent !== undefined ? { identifiantAmcAdherent: digits(identifiantAdherent.value, 15, ['amc', identifiantAdherent.key], c) } : {}),
      ...(r?.aiguillageSts !== undefined ? { typeModuleSts: r.aiguillageSts } : {}),
      ...(r?.nomDomaine !== undefined && r.nomDomaine !== '' ? { nomDomaine: r.nomDomaine } : {}),
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')),
    };
  }
  // A DRE asks the AMC for its own line amounts (capped at a CLC guarantee: they may be below the FSE's).
  const dreAmc = dre === undefined ? undefined : new Map(dre.lignes.map((l) => [l.index, l.montantAmc] as const));
  const lignes = fse.lignes.map((l, k) => ligneOf(p, dreAmc === undefined ? l : { ...l, montantAmc: dreAmc.get(l.index) ?? l.montantAmc }, k, dre !== undefined || fse.reglement.tiersPayantAmc, options, c));
  const [first, ...rest] = c.issues;
  if (first !== undefined) return err(first, ...rest);
  return ok(
    { entete: entete as Record2, ...(individu !== undefined ? { individu } : {}), ...(routing !== undefined ? { amc: routing } : {}), lignes, total: invoiceTrailerOf(p, lignes) },
    c.warnings,
  );
}
