import type { PlainDate } from '../../src/core/date/index';
import { unwrap } from '../../src/core/issues/index';
import { buildNoemieFile } from '../../src/noemie/buildNoemieFile';
import { serializeNoemie } from '../../src/noemie/serializeNoemie';
import type { NoemieEnTete, NoemieEntity, NoemieFile } from '../../src/noemie/types';

/** A fictitious header (CPAM test emitter, test flow). */
export const HEADER: NoemieEnTete = {
  entity: '000',
  typeEmetteur: 'CP',
  numeroEmetteur: '00000000000751',
  programmeEmetteur: 'NOEMIE',
  typeDestinataire: 'TP',
  numeroDestinataire: '00000012345678',
  programmeDestinataire: '',
  applicationTypeEchange: 'RP',
  identificationFichier: '000042',
  dateCreation: '2025-03-14' as PlainDate,
  reference: '0580',
  version: '01',
  compactage: '',
  cryptage: 'N',
  uniteMonetaire: 'U',
  typeFlux: 'T',
  longueurEnregistrement: 128,
  motDePasse: '',
  zoneMessage: '',
};

const m = (centimes: number) => ({ centimes });

/** A small, well-formed 580 return: one lot, a paid invoice, a rejected one, a retenue. */
export function sampleEntities(): NoemieEntity[] {
  return [
    { entity: '040', niveauRupture: '02', numeroDestinataireReglement: '000000123456789' },
    { entity: '071', niveauRupture: '02', dateComptable: '2025-03-13' as PlainDate, libelleVirement1: 'CPAM PARIS VIR 250313', libelleVirement2: 'REF 0000042', organismePayeur: '751' },
    { entity: '081', niveauRupture: '02', codeTypeRetour: '01', numeroLieuExecution: '' },
    { entity: '080', niveauRupture: '03', dateConstitution: '2025-03-10' as PlainDate, numeroLot: '012' },
    { entity: '102', niveauRupture: '04', numeroFacture: '000000123', complementNumeroFacture: '', numeroLot: '012', dateCreationLot: '2025-03-10' as PlainDate, typeFacture: 'F', dateFacturation: '2025-03-10' as PlainDate, traitementPartAmc: '', natureAssurance: 'AS' },
    { entity: '198', niveauRupture: '05', montantDemande: m(1750), etat: 'P', montantPaye: m(1750) },
    { entity: '102', niveauRupture: '04', numeroFacture: '000000124', complementNumeroFacture: '', numeroLot: '012', typeFacture: 'F', traitementPartAmc: '', natureAssurance: 'AS' },
    { entity: '198', niveauRupture: '05', montantDemande: m(2650), etat: 'R', montantPaye: m(0) },
    { entity: '294', niveauRupture: '05', codeRejet: 'X001', libelle: 'DROITS NON OUVERTS (CODE FICTIF)', niveauRejet: 'F', partRejet: 'O', naturePrestation: 'C', dateSoins: '2025-03-07' as PlainDate, informationComplementaire: '' },
    { entity: '990', niveauRupture: '99', identificationNiveau: '080012', compteur: 0, cumulMontants: m(0) },
    { entity: '250', niveauRupture: '03', numeroLigne: 1, referenceDette: 'D000000001', dateEnregistrement: '2025-02-01' as PlainDate, natureDette: 'IND', natureOperation: 'RPR', montant: m(-500), soldeDette: m(0) },
    { entity: '990', niveauRupture: '99', identificationNiveau: '081', compteur: 0, cumulMontants: m(0) },
  ];
}

/** The sample file with consistent controls. */
export function sampleFile(entities: NoemieEntity[] = sampleEntities()): NoemieFile {
  return unwrap(buildNoemieFile({ header: HEADER, entities }));
}

/** Serialized bytes of a file. */
export function bytesOf(file: NoemieFile, lineEnd: 'none' | 'crlf' | 'lf' = 'none'): Uint8Array {
  return unwrap(serializeNoemie(file, { lineEnd }));
}

/** latin1 text ↔ bytes. */
export const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
export const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

/** Splits bytes into chunks of the given sizes (cycled). */
export function* chunked(b: Uint8Array, sizes: readonly number[]): Generator<Uint8Array> {
  let i = 0;
  let k = 0;
  while (i < b.length) {
    const n = Math.max(1, sizes[k++ % sizes.length] ?? 1);
    yield b.subarray(i, i + n);
    i += n;
  }
}
