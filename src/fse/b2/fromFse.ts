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
import type { Record2, Record2M, Record4, Record4F } from './records/index';

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
function digits(text: string, width: number, path: IssuePath, c: Ctx): string {
  if (!DIGITS.test(text) || text.length > width) {
    c.issues.push(issue('FSE_RECORD_FIELD', { path, expected: `${width} chiffres au plus`, received: text }));
    return '0'.repeat(width);
  }
  return text.padStart(width, '0');
}

type Prefix = { numeroPs: string; nirAssure: string; cleNir: string; numeroFacture: number };

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
  const prestation: Record4 = {
    type: '4', ...p, complementType: ' ',
    sequence,
    codeAccordPrealable: o.codeAccordPrealable ?? '9',
    ...(justification !== '' ? { justificationExoneration: justification } : {}),
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
    ...(montantAmc !== 0 ? { montantRemboursableAmc: { centimes: montantAmc } } : {}),
  };
  if (d.kind === 'ccam') {
    const m = d.modificateurs.map((x, i) => alpha(x, [...path, 'modificateurs', i], c));
    const phase = digits(d.phase, 1, [...path, 'phase'], c);
    return {
      prestation,
      ccam: {
        type: '4', ...p, complementType: 'M', sequence, codeActe: alpha(d.code, [...path, 'code'], c), activite: alpha(d.activite, [...path, 'activite'], c),
        ...(phase !== '0' ? { phase } : {}),
        ...(m[0] ? { modificateur1: m[0] } : {}), ...(m[1] ? { modificateur2: m[1] } : {}), ...(m[2] ? { modificateur3: m[2] } : {}), ...(m[3] ? { modificateur4: m[3] } : {}),
      },
    };
  }
  if (d.kind === 'lpp') {
    const code = alpha(d.code, [...path, 'code'], c);
    const lpp: Record4F = {
      type: '4', ...p, complementType: 'F', sequence, ...(code !== '' ? { codeLpp: code } : {}), typePrestation: o.typePrestationLpp ?? 'A',
      dateDebut: l.date, tarifLpp: l.prixUnitaire, nombreUnites: l.quantite, prixUnitaireVente: l.prixUnitaire,
      baseRemboursement: l.baseRemboursement, montantTotal: l.montantFacture,
    };
    return { prestation, lpp };
  }
  return { prestation };
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
  const numeroAdherent = amc !== undefined ? alpha(amc.numeroAdherent, ['amc', 'numeroAdherent'], c) : '';
  const numeroAmc = amc !== undefined ? alpha(amc.numero, ['amc', 'numero'], c) : '';
  const entete: Record2 = {
    type: '2', ...p, complementType: ' ',
    natureOperation: options.natureOperation ?? '0',
    dateFacturation: fse.identification.dateFacturation,
    ...(fse.reglement.tiersPayantAmc ? { topEclatement: 'E' as const } : {}),
    typeFacture: 'F',
    grandRegime: fse.amo.grandRegime,
    caisseGestionnaire: fse.amo.caisse,
    centreGestionnaire: fse.amo.centre,
    naturePieceJustificative: options.naturePieceJustificative ?? '0',
    ...(s.prescription !== undefined ? { numeroPrescripteur: s.prescription.numeroPrescripteur } : {}),
    ...(s.prescription?.date !== undefined ? { datePrescription: s.prescription.date } : {}),
    natureAssurance: s.natureAssurance,
    justificationExoneration: alpha(s.justificationExoneration, ['situation', 'justificationExoneration'], c),
    ...(s.dateMaternite !== undefined ? { dateMaternite: s.dateMaternite } : {}),
    ...(s.accidentTravail !== undefined && s.accidentTravail.numero !== '' ? { numeroAtOuDateAccident: digits(s.accidentTravail.numero, 9, ['situation', 'accidentTravail', 'numero'], c) } : {}),
    cpsRemplacant: fse.remplacant !== undefined ? '1' : '0',
    dateNaissance: formatAammjj(fse.beneficiaire.dateNaissance),
    rangNaissance: String(fse.beneficiaire.rangNaissance),
    rangBeneficiaire: String(fse.beneficiaire.rangBeneficiaire).padStart(2, '0'),
    ...(numeroAdherent !== '' ? { numeroAdherent } : {}),
    ...(s.prescription?.specialite !== undefined ? { specialitePrescripteur: s.prescription.specialite } : {}),
    destinataireReglement: fse.reglement.destinataire,
    ...(amc?.typeContrat !== undefined ? { typeContratAmc: amc.typeContrat as NonNullable<Record2['typeContratAmc']> } : {}),
    ...(numeroAmc !== '' ? { numeroOrganismeComplementaire: numeroAmc } : {}),
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
      ...(amc.identifiantAdherentAmc !== undefined ? { identifiantAmcAdherent: digits(amc.identifiantAdherentAmc, 15, ['amc', 'identifiantAdherentAmc'], c) } : {}),
      ...(r?.aiguillageSts !== undefined ? { typeModuleSts: r.aiguillageSts } : {}),
      ...(r?.nomDomaine !== undefined && r.nomDomaine !== '' ? { nomDomaine: r.nomDomaine } : {}),
      ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')),
    };
  }
  const lignes = fse.lignes.map((l, k) => ligneOf(p, l, k, dre !== undefined || fse.reglement.tiersPayantAmc, options, c));
  const [first, ...rest] = c.issues;
  if (first !== undefined) return err(first, ...rest);
  return ok(
    { entete, ...(individu !== undefined ? { individu } : {}), ...(routing !== undefined ? { amc: routing } : {}), lignes, total: invoiceTrailerOf(p, lignes) },
    c.warnings,
  );
}
