/**
 * buildB2File: a lotted file of the ledger flow → the B2 file model (000, lots with their
 * 1/…/6, 999), every control total computed from the records.
 *
 * Modeled (values the public material does not give; parameters with documented defaults):
 * 000 application, type 1 version de norme / code norme (default blank) and n° de version de
 * norme (default zeros).
 *
 * @see Norme B2 inter-régimes, cahier des charges CNAM (juin 2007), enregistrements
 */
import type { PlainDate } from '../../core/date/index';
import { field, guardArray, guardEnum, guardObject, guardPlainDate, guardString, inputErr } from '../../core/guard/index';
import type { Issue, Result } from '../../core/issues/index';
import { err, ok } from '../../core/issues/index';
import { transliterate } from '../../internal/fixed-width/index';
import type { LottedFile } from '../ledgerFlow';
import type { Dre, Fse } from '../model';
import type { B2Facture, B2File, B2Lot, LotTrailerExtra } from './file';
import { addInvoice, emptyLotTotals, fileTrailerOf, lotTrailerOf } from './file';
import type { B2FactureOptions } from './fromFse';
import { b2FactureOf } from './fromFse';
import type { Record000, Record1, Record6 } from './records/index';

/** Who emits the file and how it is marked (type 000, type 1 and type 6 data). */
export interface B2Emitter extends B2FactureOptions {
  /** Date of creation of the file and its lots. */
  readonly dateCreation: PlainDate;
  /** Type émetteur (default `'TP'` partenaire de santé hors établissement). */
  readonly typeEmetteur?: Record000['typeEmetteur'];
  /** Marquage (R réelles, T tests, D démonstrations). */
  readonly marquage: NonNullable<Record6['marquage']>;
  /** N° d'agrément du progiciel (CNDA), type 6 pos. 61-72. */
  readonly numeroAgrement?: string;
  /** Norme (000 pos. 62-65, default blank = PS norms) and version (000 pos. 66-67, default `'B2'`). */
  readonly norme?: string;
  /** 000 / 999 pos. 48-49 application (default blank). */
  readonly application?: string;
  /** Type 1 pos. 70-71 version de la norme utilisée (default blank). */
  readonly versionNormeLot?: string;
  /** Type 1 pos. 79-80 code norme (default blank). */
  readonly codeNorme?: string;
  /** Type 1 pos. 82-87 n° de version de norme (default `'000000'`). */
  readonly numeroVersionNorme?: string;
}

/** The type 6 file-level data of an emitter. */
export function lotExtraOf(e: Pick<B2Emitter, 'marquage' | 'numeroAgrement'>): LotTrailerExtra {
  return { marquage: e.marquage, ...(e.numeroAgrement !== undefined ? { numeroAgrementProgiciel: e.numeroAgrement } : {}) };
}

/**
 * Builds the B2 file of a lotted file (ledger flow): 000, lots with their 1/…/6, 999, with
 * every control total computed from the records.
 *
 * @param file - A file returned by `numberAndLot`.
 * @param emitter - File-level data.
 * @returns The file (an accented PS name is transliterated with an `FW_TRANSLITERATED` warning),
 *   or the issues of its invoices (path `['lots', i, 'factures', j, …]`).
 * @example
 * const b2 = unwrap(buildB2File(lotted.files[0], { dateCreation, marquage: 'T' }));
 */
export function buildB2File(file: LottedFile, emitter: B2Emitter): Result<B2File> {
  const guarded: Issue[] = [];
  if (!guardLottedFile(file, emitter, guarded)) return inputErr(guarded);
  const first = file.lots[0]?.documents[0];
  const ps = first === undefined ? undefined : (first.kind === 'fse' ? first : first.fse).ps;
  const debut: Record000 = {
    type: '000', typeEmetteur: emitter.typeEmetteur ?? 'TP', numeroEmetteur: file.ps.padStart(14, '0'), typeDestinataire: file.kind === 'fse' ? 'AM' : 'OC',
    numeroDestinataire: file.destinataire, application: emitter.application ?? '', identificationFichier: file.fileId, dateCreationFichier: emitter.dateCreation,
    norme: emitter.norme ?? '', versionNorme: 'B2', longueurEnregistrement: 128,
  };
  const issues: Issue[] = [];
  const warnings: Issue[] = [];
  const nom = transliterate(ps?.nom ?? '', ['ps', 'nom']);
  if (nom.ok) warnings.push(...nom.issues);
  else issues.push(...nom.issues);
  const lots: B2Lot[] = [];
  let volume = 2;
  file.lots.forEach((lot, i) => {
    const lotDebut: Record1 = {
      type: '1', numeroPs: file.ps, numeroOrganismeDestinataire: file.kind === 'fse' ? file.destinataire : '000', numeroLot: lot.lot.numero,
      ...(ps?.categorie !== undefined ? { categorie: ps.categorie } : {}),
      ...(ps?.statutJuridique !== undefined ? { statutJuridique: ps.statutJuridique } : {}),
      ...(ps?.modeFixationTarifs !== undefined ? { modeFixationTarifs: ps.modeFixationTarifs } : {}),
      nomRaisonSociale: nom.ok ? nom.value : '', versionNorme: emitter.versionNormeLot ?? '', dateCreationLot: emitter.dateCreation,
      codeNorme: emitter.codeNorme ?? '', numeroVersionNorme: emitter.numeroVersionNorme ?? '000000', uniteMonetaire: 'E',
      ...('mode' in lot ? { topCertification: lot.mode } : {}),
    };
    const t = emptyLotTotals();
    const factures: B2Facture[] = [];
    (lot.documents as readonly (Fse | Dre)[]).forEach((doc, j) => {
      const r = b2FactureOf(doc, emitter);
      if (!r.ok) issues.push(...r.issues.map((x) => ({ ...x, path: ['lots', i, 'factures', j, ...x.path] })));
      else {
        warnings.push(...r.issues.map((x) => ({ ...x, path: ['lots', i, 'factures', j, ...x.path] })));
        addInvoice(t, r.value);
        factures.push(r.value);
      }
    });
    volume += t.records + 2;
    lots.push({ debut: lotDebut, factures, fin: lotTrailerOf(lotDebut, t, lotExtraOf(emitter)) });
  });
  const [e, ...rest] = issues;
  if (e !== undefined) return err(e, ...rest);
  return ok({ debut, lots, fin: fileTrailerOf(debut, lots.length, volume) }, warnings);
}

/** Checks the shape {@link buildB2File} reads of a lotted file and of the emitter (documents are checked by `b2FactureOf`). */
function guardLottedFile(file: unknown, emitter: unknown, issues: Issue[]): boolean {
  const before = issues.length;
  const e = guardObject(emitter, ['emitter'], issues);
  if (e !== undefined) {
    guardPlainDate(field(e, 'dateCreation'), ['emitter', 'dateCreation'], issues);
    guardString(field(e, 'marquage'), ['emitter', 'marquage'], issues, { max: 1 });
  }
  const f = guardObject(file, ['file'], issues);
  if (f === undefined) return false;
  guardString(field(f, 'ps'), ['file', 'ps'], issues, { max: 14 });
  guardEnum(field(f, 'kind'), ['fse', 'dre'], ['file', 'kind'], issues);
  guardString(field(f, 'destinataire'), ['file', 'destinataire'], issues, { max: 14 });
  guardString(field(f, 'fileId'), ['file', 'fileId'], issues, { max: 6 });
  const lots = guardArray(field(f, 'lots'), ['file', 'lots'], issues, { max: 999 });
  lots?.forEach((raw, i) => {
    const lot = guardObject(raw, ['file', 'lots', i], issues);
    if (lot === undefined) return;
    guardObject(field(lot, 'lot'), ['file', 'lots', i, 'lot'], issues);
    const docs = guardArray(field(lot, 'documents'), ['file', 'lots', i, 'documents'], issues, { max: 1_000_000 });
    docs?.forEach((d, j) => {
      const doc = guardObject(d, ['file', 'lots', i, 'documents', j], issues);
      if (doc !== undefined && field(doc, 'kind') === 'dre') guardObject(field(doc, 'fse'), ['file', 'lots', i, 'documents', j, 'fse'], issues);
      if (doc !== undefined && field(doc, 'kind') !== 'dre') guardObject(field(doc, 'ps'), ['file', 'lots', i, 'documents', j, 'ps'], issues);
    });
  });
  return issues.length === before;
}
