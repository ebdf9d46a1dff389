/**
 * Issue codes of the transport module (teletransmission of lots, retrieval of returns). Public API.
 */
import { defineIssueCodes } from '../core/issues/index';

const ETS = 'GIE SESAM-Vitale, ETS-DT-001 « Transport des flux de facturation par messagerie SMTP et chiffrement de transport », v1.31 du 06/12/2013 (information libre)';

/** Transport issue codes. */
export const TRANSPORT_CODES = defineIssueCodes({
  TRANSPORT_SEND_FAILED: {
    family: 'RULE',
    message: 'Envoi du fichier impossible pour l’instant ({received}).',
    fix: 'Le fichier reste dans la file d’envoi et sera réémis automatiquement ; vérifier la connexion Internet et le serveur SMTP si l’erreur persiste.',
    ref: `RFC 5321 §4.2.1 (réponses SMTP 4xx : échec temporaire) ; ${ETS}`,
  },
  TRANSPORT_SEND_REJECTED: {
    family: 'RULE',
    message: 'Le serveur SMTP a refusé définitivement le fichier ({received}).',
    fix: 'Vérifier l’adresse du destinataire (caisse ou OCT), l’identifiant et le mot de passe de la messagerie, puis renvoyer le fichier.',
    ref: `RFC 5321 §4.2.1 (réponses SMTP 5xx : échec permanent) ; ${ETS}`,
  },
  TRANSPORT_MAILBOX_UNREACHABLE: {
    family: 'RULE',
    message: 'Boîte aux lettres des retours inaccessible ({received}).',
    fix: 'Vérifier le serveur IMAP, l’identifiant et le mot de passe ; les retours restent sur le serveur et seront relevés au prochain essai.',
    ref: 'RFC 9051 (IMAP4rev2) ; RFC 1939 (POP3)',
  },
  TRANSPORT_FILE_CONFLICT: {
    family: 'RULE',
    message: 'Le fichier {expected} est déjà dans la file d’envoi avec un contenu différent.',
    fix: 'Un identifiant de fichier ne désigne qu’un seul contenu : renuméroter le nouveau fichier au lieu de le remettre dans la file.',
    ref: 'Norme B2 inter-régimes, cahier des charges (enregistrement 000 : numéro de fichier)',
  },
  TRANSPORT_CIRCUIT_OPEN: {
    family: 'RULE',
    severity: 'warning',
    message: 'Envois suspendus vers {received} après des échecs répétés ; nouvel essai après {expected}.',
    fix: 'Rien à faire : la file reprend seule ; vérifier le serveur SMTP si la suspension dure.',
    ref: 'RFC 5321 §4.5.4.1 (stratégie de réémission)',
  },
  TRANSPORT_GAVE_UP: {
    family: 'RULE',
    message: 'Fichier {expected} non transmis après {received} essais.',
    fix: 'Vérifier la configuration de la messagerie puis remettre le fichier en file (requeue) ; en dernier recours, transmettre en mode dégradé.',
    ref: 'RFC 5321 §4.5.4.1 (stratégie de réémission)',
  },
  TRANSPORT_RETURN_EMPTY: {
    family: 'MISSING',
    severity: 'warning',
    message: 'Message de retour sans pièce jointe ({received}).',
    fix: 'Le message est laissé dans la boîte ; le consulter à la main (message d’information de la caisse ou de l’OCT).',
    ref: ETS,
  },
  TRANSPORT_RETURN_TOO_LARGE: {
    family: 'LENGTH',
    severity: 'warning',
    message: 'Message de retour trop volumineux pour être relevé ({received} octets, limite {expected}).',
    fix: 'Le message est laissé sur le serveur ; relever la limite (maxMessageBytes) s’il s’agit bien d’un retour de la caisse, sinon le supprimer à la main.',
    ref: 'RFC 1939 §5 (LIST : taille des messages)',
  },
  TRANSPORT_OCT_RESPONSE: {
    family: 'FORMAT',
    message: 'Réponse du serveur de l’OCT illisible ou inattendue ({received}).',
    fix: 'Vérifier l’adresse du service de l’OCT (base URL) et sa version ; le fichier reste en file et les retours sur le serveur.',
    ref: 'RFC 8259 (JSON) ; RFC 9110 (HTTP) ; contrat HTTP de l’OCT modélisé (chaque OCT publie le sien à ses éditeurs)',
  },
});

/** A transport issue code. */
export type TransportCode = keyof typeof TRANSPORT_CODES;
