/**
 * Issue codes of the B2 file reader that are not in `FSE_CODES` (kept apart so that the B2
 * framing tolerances evolve without touching the FSE table). Codes are public API.
 */
import { defineIssueCodes } from '../../core/issues/index';

/** The public B2 specification. */
const B2 = 'Norme B2 inter-régimes, cahier des charges CNAM, juin 2007 avec errata';

/** Issue codes raised by `parseB2File` besides `FSE_CODES`. */
export const B2_CODES = defineIssueCodes({
  B2_LINE_BREAK: {
    family: 'FORMAT',
    message: 'Fin de ligne (CR/LF) après un enregistrement de 128 caractères : reçu {received}',
    fix: 'Le format de référence enchaîne les enregistrements sans fin de ligne ; si le fichier a été converti par un transfert texte, activer l’option lineBreaks.',
    ref: `${B2}, règles de présentation (enregistrements de 128 caractères)`,
  },
});

/** A code of {@link B2_CODES}. */
export type B2Code = keyof typeof B2_CODES;
