/**
 * 000 En-tête and 999 Fin de fichier: the two full 128-byte records around the entity stream.
 *
 * The n° émetteur (6-19) is numeric in both (sesamviewer `noemie-ps.xml` types it N, the
 * n° destinataire 28-41 A): a value the serializer is given is zero-padded on the left and a
 * non-digit is refused (`FW_NOT_NUMERIC`), as the parser refuses it.
 *
 * @see Cahier des charges NOEMIE PS, CNAM (2004, 2011), « caractéristiques générales » (entités 000 et 999); sesamviewer `noemie-ps.xml`
 */
import { defineLayout } from '../../internal/fixed-width/layout';

const REF = 'NOEMIE PS CdC (Cahier des charges NOEMIE PS (CNAM), catalogue des entités)';

/** Layout of the 000 En-tête (128 bytes). */
export const LAYOUT_000 = defineLayout({
  name: 'NOEMIE 000 En-tête',
  length: 128,
  ref: `${REF} entité 000`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '000' },
    { name: 'typeEmetteur', start: 4, length: 2, type: 'X' },
    { name: 'numeroEmetteur', start: 6, length: 14, type: 'N', label: 'N° émetteur (numérique, cadré à droite, zéros à gauche)' },
    { name: 'programmeEmetteur', start: 20, length: 6, type: 'X' },
    { name: 'typeDestinataire', start: 26, length: 2, type: 'X' },
    { name: 'numeroDestinataire', start: 28, length: 14, type: 'X' },
    { name: 'programmeDestinataire', start: 42, length: 6, type: 'X' },
    { name: 'applicationTypeEchange', start: 48, length: 2, type: 'X' },
    { name: 'identificationFichier', start: 50, length: 6, type: 'X' },
    { name: 'dateCreation', start: 56, length: 6, type: 'date6' },
    { name: 'reference', start: 62, length: 4, type: 'X' },
    { name: 'version', start: 66, length: 2, type: 'X' },
    { name: 'compactage', start: 68, length: 1, type: 'X' },
    { name: 'cryptage', start: 69, length: 1, type: 'X' },
    { name: 'uniteMonetaire', start: 70, length: 1, type: 'X' },
    { name: 'typeFlux', start: 71, length: 1, type: 'X' },
    { name: 'blanc', start: 72, length: 11, type: 'filler' },
    { name: 'longueurEnregistrement', start: 83, length: 3, type: 'N', as: 'number' },
    { name: 'motDePasse', start: 86, length: 6, type: 'X' },
    { name: 'zoneMessage', start: 92, length: 37, type: 'X' },
  ],
});

/** Layout of the 999 Fin de fichier (128 bytes). */
export const LAYOUT_999 = defineLayout({
  name: 'NOEMIE 999 Fin de fichier',
  length: 128,
  ref: `${REF} entité 999`,
  fields: [
    { name: 'entity', start: 1, length: 3, type: 'const', value: '999' },
    { name: 'typeEmetteur', start: 4, length: 2, type: 'X' },
    { name: 'numeroEmetteur', start: 6, length: 14, type: 'N', label: 'N° émetteur (numérique, cadré à droite, zéros à gauche)' },
    { name: 'programmeEmetteur', start: 20, length: 6, type: 'X' },
    { name: 'typeDestinataire', start: 26, length: 2, type: 'X' },
    { name: 'numeroDestinataire', start: 28, length: 14, type: 'X' },
    { name: 'programmeDestinataire', start: 42, length: 6, type: 'X' },
    { name: 'applicationTypeEchange', start: 48, length: 2, type: 'X' },
    { name: 'identificationFichier', start: 50, length: 6, type: 'X' },
    { name: 'nombreEnregistrements', start: 56, length: 8, type: 'N', as: 'number' },
    { name: 'typeFlux', start: 64, length: 1, type: 'X' },
    { name: 'blanc1', start: 65, length: 18, type: 'filler' },
    { name: 'nombreLots', start: 83, length: 3, type: 'N', as: 'number' },
    { name: 'cumulMontants', start: 86, length: 11, type: 'amount', sign: { field: 'signeCumul' } },
    { name: 'signeCumul', start: 97, length: 1, type: 'sign' },
    { name: 'cumulAutreMonnaie', start: 98, length: 11, type: 'amount', optional: true },
    { name: 'blanc2', start: 109, length: 20, type: 'filler' },
  ],
});
