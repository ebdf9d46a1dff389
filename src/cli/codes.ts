/**
 * Issue codes of the `sesam` command (`CLI_*`): one per sysexits(3) exit code, so a `--json`
 * document always carries an issue saying why the command refused, even when the refusal is not
 * an issue of the library (a missing file, a bad option, an output that exists).
 */
import { defineIssueCodes } from '../core/issues/index';

const SYSEXITS = 'FreeBSD manual page sysexits(3)';

/** Issue codes of the `sesam` command (docs/cli.md, "--json"). */
export const CLI_CODES = defineIssueCodes({
  CLI_USAGE: { family: 'FORMAT', message: 'Ligne de commande invalide', fix: 'Voir « sesam <commande> --help ».', ref: `${SYSEXITS}, EX_USAGE (64)` },
  CLI_DATA: { family: 'FORMAT', message: 'Données d’entrée invalides', fix: 'Corriger le fichier indiqué (JSON UTF-8, taille, contenu).', ref: `${SYSEXITS}, EX_DATAERR (65)` },
  CLI_NO_INPUT: { family: 'MISSING', message: 'Fichier d’entrée absent ou illisible', fix: 'Donner le chemin d’un fichier ordinaire lisible.', ref: `${SYSEXITS}, EX_NOINPUT (66)` },
  CLI_UNAVAILABLE: { family: 'MISSING', message: 'Service indisponible', fix: 'Démarrer le service nommé (pcscd, serveur SMTP/IMAP) ou installer le module optionnel.', ref: `${SYSEXITS}, EX_UNAVAILABLE (69)` },
  CLI_SOFTWARE: { family: 'RULE', message: 'Erreur interne', fix: 'Signaler le problème avec la sortie de SESAM_DEBUG=1.', ref: `${SYSEXITS}, EX_SOFTWARE (70)` },
  CLI_CANT_CREATE: { family: 'RULE', message: 'Sortie impossible à créer', fix: 'Choisir un autre chemin, ou --force pour remplacer un fichier ordinaire.', ref: `${SYSEXITS}, EX_CANTCREAT (73)` },
  CLI_IO: { family: 'RULE', message: 'Erreur de lecture ou d’écriture', fix: 'Vérifier l’espace disque et les droits, puis relancer.', ref: `${SYSEXITS}, EX_IOERR (74)` },
});

/** A code of {@link CLI_CODES}. */
export type CliCode = keyof typeof CLI_CODES;
