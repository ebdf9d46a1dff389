/**
 * FSE / DRE → B2 records (PS norm): type 2 (+ 2S individual NIR, + 2M AMC routing when a DRE is
 * generated), type 4 per act (+ 4M CCAM / 4F LPP detail), type 5 totals; lots and files from a
 * `LottedFile` of the ledger flow.
 *
 * @see ../shared/domain/SPECS.md §2.3, §3.5
 */
import type { PlainDate } from '../../core/date/index';
import type { Factor } from '../../core/money/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import { transliterate } from '../../internal/fixed-width/index';
import { compactNir } from '../../core/ids/index';
import { FSE_CODES } from '../codes';
import type { LottedFile } from '../ledgerFlow';
import type { Dre, Fse, LigneFse } from '../model';
import type { B2Facture, B2File, B2Ligne, B2Lot } from './file';
import { addInvoice, emptyLotTotals, fileTrailerOf, invoiceTotalsOf, lotTrailerOf } from './file';
import type { Record000, Record2, Record6 } from './layouts';

const issue = createIssueFactory(FSE_CODES);

/** Scaled integer of a factor (`1.5` at 2 decimals → 150), or undefined when it does not fit. */
function scaled(f: Factor, decimals: number): number | undefined {
  if (f.scale > decimals) return undefined;
  return f.units * 10 ** (decimals - f.scale);
}

function prefixOf<T extends '2' | '4' | '5', S extends ' ' | 'S' | 'M' | 'F'>(fse: Fse, type: T, sub: S): { type: T; numeroPs: string; nirAssure: string; cleNir: string; numeroFacture: number; complementType: S } {
  const nir = compactNir(fse.beneficiaire.nirAssure);
  return { type, numeroPs: fse.ps.numeroFacturation, nirAssure: nir.slice(0, 13), cleNir: nir.slice(13, 15), numeroFacture: fse.identification.numeroFacture ?? 0, complementType: sub };
}

function ligneOf(fse: Fse, l: LigneFse, k: number, dre: boolean, issues: Issue[]): B2Ligne {
  const coefficient = scaled(l.coefficient, 2);
  const taux = scaled(l.taux, 2);
  if (coefficient === undefined) issues.push(issue('FSE_RECORD_FIELD', { path: ['lignes', k, 'coefficient'], received: 'coefficient à plus de 2 décimales' }));
  if (taux === undefined) issues.push(issue('FSE_RECORD_FIELD', { path: ['lignes', k, 'taux'], received: 'taux non entier' }));
  const prestation = {
    ...prefixOf(fse, '4', ' '),
    sequence: k + 1,
    justificationExoneration: l.justificationExoneration,
    numeroExecutant: l.executant,
    dateActe: l.date,
    ...(l.detail.kind === 'ngap' ? { codeActe: l.code } : {}),
    quantite: l.quantite,
    coefficient: coefficient ?? 0,
    prixUnitaire: l.prixUnitaire,
    baseRemboursement: l.baseRemboursement,
    taux: taux ?? 0,
    montantAmo: l.montantAmo,
    montantHonoraires: l.montantFacture,
    codeLieu: l.lieu === 'domicile' ? ('1' as const) : ('0' as const),
    montantAmc: dre || fse.reglement.tiersPayantAmc ? l.montantAmc : { centimes: 0 },
  };
  const d = l.detail;
  if (d.kind === 'ccam') {
    const mods = d.modificateurs.join('');
    return { prestation, ccam: { ...prefixOf(fse, '4', 'M'), codeCcam: d.code, activite: d.activite, phase: d.phase, ...(mods !== '' ? { modificateurs: mods } : {}) } };
  }
  if (d.kind === 'lpp') return { prestation, lpp: { ...prefixOf(fse, '4', 'F'), codeLpp: d.code } };
  return { prestation };
}

/**
 * The records of one invoice: an FSE, or the DRE of an FSE (same invoice with its 2M routing).
 *
 * @param doc - The FSE or the DRE (numbered).
 * @returns The records, or `FSE_NOT_NUMBERED` / `FSE_RECORD_FIELD`.
 */
export function b2FactureOf(doc: Fse | Dre): Result<B2Facture> {
  const fse = doc.kind === 'fse' ? doc : doc.fse;
  const dre = doc.kind === 'dre' ? doc : undefined;
  const issues: Issue[] = [];
  if (fse.identification.numeroFacture === undefined) issues.push(issue('FSE_NOT_NUMBERED', { path: ['identification', 'numeroFacture'] }));
  const s = fse.situation;
  const amc = dre?.amc ?? fse.amc;
  const entete: Record2 = {
    ...prefixOf(fse, '2', ' '),
    dateFacturation: fse.identification.dateFacturation,
    ...(fse.reglement.tiersPayantAmc ? { topEclatement: 'E' as const } : {}),
    typeFacture: 'F',
    grandRegime: fse.amo.grandRegime,
    caisse: fse.amo.caisse,
    centre: fse.amo.centre,
    ...(s.prescription !== undefined ? { numeroPrescripteur: s.prescription.numeroPrescripteur } : {}),
    ...(s.prescription?.date !== undefined ? { datePrescription: s.prescription.date } : {}),
    natureAssurance: s.natureAssurance,
    justificationExoneration: s.justificationExoneration,
    ...(s.dateMaternite !== undefined ? { dateMaternite: s.dateMaternite } : {}),
    ...(s.accidentTravail !== undefined && s.accidentTravail.numero !== '' ? { numeroAt: s.accidentTravail.numero } : {}),
    dateNaissance: fse.beneficiaire.dateNaissance,
    rangNaissance: fse.beneficiaire.rangNaissance,
    rangBeneficiaire: fse.beneficiaire.rangBeneficiaire,
    ...(amc !== undefined ? { numeroAdherent: amc.numeroAdherent, numeroAmc: amc.numero } : {}),
    ...(s.prescription?.specialite !== undefined ? { specialitePrescripteur: s.prescription.specialite } : {}),
    destinataireReglement: fse.reglement.destinataire,
    ...(amc?.typeContrat !== undefined ? { typeContratAmc: amc.typeContrat } : {}),
  };
  const nirInd = fse.beneficiaire.nirIndividuel !== undefined ? compactNir(fse.beneficiaire.nirIndividuel) : undefined;
  const individu = nirInd !== undefined ? { ...prefixOf(fse, '2', 'S'), nirIndividuel: nirInd.slice(0, 13), cleIndividuel: nirInd.slice(13, 15) } : undefined;
  const r = amc?.routage;
  const routing = fse.reglement.tiersPayantAmc && amc !== undefined
    ? {
        ...prefixOf(fse, '2', 'M'),
        numeroAmc: amc.numero,
        ...(r !== undefined ? { codeRoutage: r.codeRoutage, identifiantHote: r.identifiantHote, nomDomaine: r.nomDomaine } : {}),
        ...(r?.aiguillageSts !== undefined ? { typeModuleSts: r.aiguillageSts } : {}),
        ...(r?.versionModuleSts !== undefined ? { versionModuleSts: r.versionModuleSts } : {}),
        ...(amc.identifiantAdherentAmc !== undefined ? { identifiantAdherentAmc: amc.identifiantAdherentAmc } : {}),
        indicateurTraitement: amc.indicateurTraitement,
        ...(amc.codeApplication !== undefined ? { codeApplication: amc.codeApplication } : {}),
      }
    : undefined;
  const lignes = fse.lignes.map((l, k) => ligneOf(fse, l, k, dre !== undefined, issues));
  const total = { ...prefixOf(fse, '5', ' '), nombreType4: lignes.reduce((n, l) => n + 1 + (l.ccam ? 1 : 0) + (l.lpp ? 1 : 0), 0), ...invoiceTotalsOf(lignes) };
  const [first, ...rest] = issues;
  if (first !== undefined) return err(first, ...rest);
  return ok({ entete, ...(individu !== undefined ? { individu } : {}), ...(routing !== undefined ? { amc: routing } : {}), lignes, total });
}

/** Who emits the file and how it is marked (type 000, type 1 and type 6 data). */
export interface B2Emitter {
  /** Date of creation of the file and its lots. */
  readonly dateCreation: PlainDate;
  /** Type émetteur (default `'TP'` partenaire de santé hors établissement). */
  readonly typeEmetteur?: string;
  /** Marquage (R réelles, T tests, D démonstrations). */
  readonly marquage: Record6['marquage'];
  /** N° d'agrément du progiciel (CNDA), type 6 pos. 61-72. */
  readonly numeroAgrement?: string;
  /** Norme (000 pos. 62-65, default `'    '` PS norms) and version (default `'B2'`). */
  readonly norme?: string;
}

/**
 * Builds the B2 file of a lotted file (ledger flow): 000, lots with their 1/…/6, 999, with
 * every control total computed from the records.
 *
 * @param file - A file returned by `numberAndLot`.
 * @param emitter - File-level data.
 * @returns The file (an accented PS name is transliterated with an `FW_TRANSLITERATED` warning),
 *   or the issues of its invoices (path `['lots', i, 'factures', j, …]`).
 */
export function buildB2File(file: LottedFile, emitter: B2Emitter): Result<B2File> {
  const first = file.lots[0]?.documents[0];
  const ps = first === undefined ? undefined : (first.kind === 'fse' ? first : first.fse).ps;
  const debut: Record000 = {
    type: '000', typeEmetteur: emitter.typeEmetteur ?? 'TP', numeroEmetteur: file.ps, typeDestinataire: file.kind === 'fse' ? 'AM' : 'OC',
    numeroDestinataire: file.destinataire, identificationFichier: file.fileId, dateCreation: emitter.dateCreation, norme: emitter.norme ?? '', version: 'B2', longueurEnregistrement: 128,
  };
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const nom = transliterate(ps?.nom ?? '', ['ps', 'nom']);
  if (nom.ok) warnings.push(...nom.issues);
  else issues.push(...nom.issues);
  const lots: B2Lot[] = [];
  let volume = 2;
  file.lots.forEach((lot, i) => {
    const lotDebut = {
      type: '1' as const, numeroPs: file.ps, organismeDestinataire: file.kind === 'fse' ? file.destinataire : '000', numeroLot: lot.lot.numero,
      categorie: ps?.categorie ?? '000', statutJuridique: ps?.statutJuridique ?? '00', modeFixationTarifs: ps?.modeFixationTarifs ?? '00',
      nom: nom.ok ? nom.value : '', dateCreationLot: emitter.dateCreation, uniteMonetaire: 'E' as const,
      ...('mode' in lot ? { topCertification: lot.mode } : {}),
    };
    const t = emptyLotTotals();
    const factures: B2Facture[] = [];
    (lot.documents as readonly (Fse | Dre)[]).forEach((doc, j) => {
      const r = b2FactureOf(doc);
      if (!r.ok) issues.push(...r.issues.map((x) => ({ ...x, path: ['lots', i, 'factures', j, ...x.path] })));
      else {
        addInvoice(t, r.value);
        factures.push(r.value);
      }
    });
    volume += t.records + 2;
    lots.push({ debut: lotDebut, factures, fin: lotTrailerOf(lotDebut, t, { marquage: emitter.marquage, ...(emitter.numeroAgrement !== undefined ? { numeroAgrement: emitter.numeroAgrement } : {}) }) });
  });
  const [e, ...rest] = issues;
  if (e !== undefined) return err(e, ...rest);
  return ok({ debut, lots, fin: fileTrailerOf(debut, lots.length, volume) }, warnings);
}
