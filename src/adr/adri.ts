/**
 * ADRi (acquisition des droits intégrée): the AMO rights of a bénéficiaire at the date of care.
 * The GIE SESAM-Vitale web-service contract is not public: this is a modeled JSON contract whose
 * field names follow the public functional descriptions (régime, caisse, centre, qualité, AMO
 * periods, couverture periods with ALD and situation codes, médecin traitant flag, AMC data).
 * A real connector implements {@link AdriPort} and maps its wire answer to {@link DroitsAdri}
 * (or feeds {@link parseAdriResponse} with this JSON shape).
 *
 * @see ameli.fr « ADRi : acquisition des droits intégrée » (description fonctionnelle)
 */
import type { PlainDate } from '../core/date/index';
import { formatAaaammjj } from '../core/date/index';
import { field, guardInteger, guardObject, guardPlainDate, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { err, ok } from '../core/issues/index';
import { wireReader } from './wire';

/** A period of rights; `fin` absent = open-ended. */
export interface PeriodeDroits {
  readonly debut: PlainDate;
  readonly fin?: PlainDate;
}

/** A couverture period (code couverture: ALD, situation such as C2S, maternité, invalidité…). */
export interface PeriodeCouverture extends PeriodeDroits {
  /** Groupe de la couverture, when given. */
  readonly groupe?: string;
  /** Code ALD (exonération au titre d'une affection de longue durée), when any. */
  readonly codeAld?: string;
  /** Code situation (e.g. exonération, C2S), when any. */
  readonly codeSituation?: string;
}

/** AMC data the AMO holds for the bénéficiaire (mutuelle / C2S). */
export interface MutuelleAdri {
  /** N° d'identification of the AMC (n° AMC). */
  readonly numeroAmc: string;
  readonly indicateurTraitement?: string;
  readonly codeAiguillageSts?: string;
  readonly typeServicesAssocies?: string;
  readonly servicesAssocies?: string;
  readonly codeGarantiesComplementaires?: string;
  readonly periode?: PeriodeDroits;
}

/** AMO rights returned by ADRi. */
export interface DroitsAdri {
  /** Transaction reference of the consultation (carried into the FSE as `referenceDroits`). */
  readonly reference?: string;
  /** Grand régime (2 digits). */
  readonly codeRegime: string;
  /** Caisse gestionnaire (3 digits). */
  readonly codeCaisse: string;
  /** Centre de prestation (4 digits). */
  readonly centrePrestation: string;
  /** NIR certifié of the bénéficiaire, when returned. */
  readonly nirCertifie?: string;
  /** Qualité du bénéficiaire (0 assuré … 9). */
  readonly qualite: string;
  /** A médecin traitant is declared. */
  readonly medecinTraitant: boolean;
  readonly periodesAmo: readonly PeriodeDroits[];
  readonly couvertures: readonly PeriodeCouverture[];
  readonly mutuelle?: MutuelleAdri;
}

/** What a PMS asks ADRi. */
export interface AdriDemande {
  /** NIR of the assuré with its key (15 characters; 2A/2B accepted). */
  readonly nir: string;
  readonly dateNaissance: PlainDate;
  /** Rang gémellaire (1 … 9, default 1). */
  readonly rangGemellaire?: number;
  readonly codeRegime?: string;
  readonly codeCaisse?: string;
  readonly codeCentre?: string;
  /** Date of care the rights are asked for. */
  readonly dateSoins: PlainDate;
}

/** The port a connector to the real téléservice implements. */
export interface AdriPort {
  /**
   * Consults the rights.
   *
   * @param demande - The bénéficiaire and the date of care.
   * @returns The rights or typed issues (never a rejection).
   */
  consulter(demande: AdriDemande): Promise<Result<DroitsAdri>>;
}

/**
 * Builds the modeled ADRi request body (JSON-ready; dates AAAAMMJJ).
 *
 * @param demande - NIR with key, birth date, rang gémellaire, optional régime/caisse/centre, date of care.
 * @returns The body, or `INPUT_*` issues.
 * @example
 * buildAdriRequest({ nir: '180059912301217', dateNaissance: '1980-05-01', dateSoins: '2025-03-10' });
 */
export function buildAdriRequest(demande: AdriDemande): Result<Readonly<Record<string, string | number>>> {
  const issues: Issue[] = [];
  const d = guardObject(demande, ['demande'], issues);
  const nir = d && guardString(field(d, 'nir'), ['demande', 'nir'], issues, { pattern: /^[12378][0-9]{2}[0-9]{2}(?:[0-9]{2}|2A|2B)[0-9]{8}$/, expected: 'NIR de 15 caractères (clé comprise)' });
  const naissance = d && guardPlainDate(field(d, 'dateNaissance'), ['demande', 'dateNaissance'], issues);
  const soins = d && guardPlainDate(field(d, 'dateSoins'), ['demande', 'dateSoins'], issues);
  const rang = d && (guardInteger(field(d, 'rangGemellaire'), ['demande', 'rangGemellaire'], issues, { required: false, min: 1, max: 9 }) ?? 1);
  const regime = d && guardString(field(d, 'codeRegime'), ['demande', 'codeRegime'], issues, { required: false, pattern: /^\d{2}$/, expected: '2 chiffres' });
  const caisse = d && guardString(field(d, 'codeCaisse'), ['demande', 'codeCaisse'], issues, { required: false, pattern: /^\d{3}$/, expected: '3 chiffres' });
  const centre = d && guardString(field(d, 'codeCentre'), ['demande', 'codeCentre'], issues, { required: false, pattern: /^\d{4}$/, expected: '4 chiffres' });
  if (issues.length > 0 || !nir || !naissance || !soins || rang === undefined) return inputErr(issues);
  return ok({
    immatriculation: nir,
    dateNaissance: formatAaaammjj(naissance as PlainDate),
    rangGemellaire: rang,
    dateReferenceDroits: formatAaaammjj(soins as PlainDate),
    ...(regime === undefined ? {} : { codeRegime: regime }),
    ...(caisse === undefined ? {} : { codeCaisse: caisse }),
    ...(centre === undefined ? {} : { codeCentre: centre }),
  });
}

/**
 * Parses a modeled ADRi answer (JSON value): `infosGlobales`, `beneficiaireDeSoins`
 * (`lstPeriodeAMO`, `lstPeriodeCodeCouverture`, `topMedecinTraitant`), `mutuelle`.
 *
 * @param json - The parsed JSON body (anything).
 * @returns The rights, or `ADR_RESPONSE_FIELD` issues with paths.
 */
export function parseAdriResponse(json: unknown): Result<DroitsAdri> {
  const w = wireReader();
  const root = w.obj(json, []);
  const g = root && w.obj(field(root, 'infosGlobales'), ['infosGlobales']);
  const b = root && w.obj(field(root, 'beneficiaireDeSoins'), ['beneficiaireDeSoins']);
  const bp = ['beneficiaireDeSoins'];
  const periodesAmo = w.list(b && field(b, 'lstPeriodeAMO'), [...bp, 'lstPeriodeAMO']).map((p, i) => {
    const o = w.obj(p, [...bp, 'lstPeriodeAMO', i]);
    const debut = w.date(o, 'dateDebut', [...bp, 'lstPeriodeAMO', i]);
    const fin = w.date(o, 'dateFin', [...bp, 'lstPeriodeAMO', i], false);
    return { debut: debut!, ...(fin === undefined ? {} : { fin }) };
  });
  const couvertures = w.list(b && field(b, 'lstPeriodeCodeCouverture'), [...bp, 'lstPeriodeCodeCouverture']).map((p, i) => {
    const path = [...bp, 'lstPeriodeCodeCouverture', i];
    const o = w.obj(p, path);
    const fin = w.date(o, 'dateFin', path, false);
    const opt = (k: string, name: string) => {
      const v = w.text(o, k, path, /^[0-9A-Z]{1,10}$/, false);
      return v === undefined ? {} : { [name]: v };
    };
    return { debut: w.date(o, 'dateDebut', path)!, ...(fin === undefined ? {} : { fin }), ...opt('groupe', 'groupe'), ...opt('codeALD', 'codeAld'), ...opt('codeSituation', 'codeSituation') } as PeriodeCouverture;
  });
  const m = root && w.obj(field(root, 'mutuelle'), ['mutuelle'], false);
  let mutuelle: MutuelleAdri | undefined;
  if (m) {
    const mp = ['mutuelle'];
    const opt = (k: string, name: string) => {
      const v = w.text(m, k, mp, /^[0-9A-Za-z ]{1,20}$/, false);
      return v === undefined ? {} : { [name]: v };
    };
    const per = w.obj(field(m, 'periodeMutuelle'), [...mp, 'periodeMutuelle'], false);
    const pfin = per && w.date(per, 'dateFin', [...mp, 'periodeMutuelle'], false);
    mutuelle = {
      numeroAmc: w.text(m, 'noIdentification', mp, /^[0-9A-Z]{1,10}$/)!,
      ...opt('indicateurTraitement', 'indicateurTraitement'),
      ...opt('codeAiguillageSTS', 'codeAiguillageSts'),
      ...opt('typeServicesAssocies', 'typeServicesAssocies'),
      ...opt('servicesAssociesAuContrat', 'servicesAssocies'),
      ...opt('codeGarantiesComplementaires', 'codeGarantiesComplementaires'),
      ...(per ? { periode: { debut: w.date(per, 'dateDebut', [...mp, 'periodeMutuelle'])!, ...(pfin === undefined ? {} : { fin: pfin }) } } : {}),
    };
  }
  const reference = root && w.text(root, 'reference', [], /^[0-9A-Za-z._:-]{1,64}$/, false);
  const nirCertifie = b && w.text(b, 'noNIRCertifie', bp, /^[12378][0-9]{4}(?:[0-9]{2}|2A|2B)[0-9]{8}$/, false);
  const value: DroitsAdri = {
    ...(reference === undefined ? {} : { reference }),
    codeRegime: w.text(g, 'codeRegime', ['infosGlobales'], /^\d{2}$/)!,
    codeCaisse: w.text(g, 'codeCaisse', ['infosGlobales'], /^\d{3}$/)!,
    centrePrestation: w.text(g, 'centrePrestation', ['infosGlobales'], /^\d{4}$/)!,
    ...(nirCertifie === undefined ? {} : { nirCertifie }),
    qualite: w.text(b, 'qualite', bp, /^[0-9]$/)!,
    medecinTraitant: w.flag(b, 'topMedecinTraitant', bp),
    periodesAmo,
    couvertures,
    ...(mutuelle === undefined ? {} : { mutuelle }),
  };
  return w.issues.length > 0 ? err(...(w.issues as [Issue, ...Issue[]])) : ok(value);
}
