/**
 * Issue codes of the local agent (`sesam-billing/agent`): the HTTP guards (token, Origin, size,
 * rate) and the agent's own states. Public API. The HTTP statuses follow RFC 9110 §15 and
 * RFC 6585 §4 (429).
 */
import { defineIssueCodes } from '../core/issues/index';

const HTTP = 'RFC 9110 (HTTP Semantics) §15';

/** Agent issue codes. */
export const AGENT_CODES = defineIssueCodes({
  AGENT_UNAUTHORIZED: {
    family: 'MISSING',
    message: 'Jeton d’accès absent ou invalide.',
    fix: 'Envoyer l’en-tête « Authorization: Bearer <jeton> » avec le jeton de l’agent (fichier agent-token du dossier de données, lisible par son seul propriétaire).',
    ref: `RFC 6750 §2.1 (Bearer) ; ${HTTP}.5.2 (401)`,
  },
  AGENT_ORIGIN_FORBIDDEN: {
    family: 'RULE',
    message: 'Origine {received} non autorisée.',
    fix: 'Ajouter l’origine exacte de l’application web (schéma, hôte, port) à la liste des origines autorisées de l’agent (--allow-origin).',
    ref: `RFC 6454 (The Web Origin Concept) ; Fetch Standard (WHATWG), CORS protocol ; ${HTTP}.5.4 (403)`,
  },
  AGENT_HOST_FORBIDDEN: {
    family: 'RULE',
    message: 'Nom d’hôte {received} refusé (l’agent ne répond qu’à ses adresses locales).',
    fix: 'Appeler l’agent par 127.0.0.1, [::1] ou localhost (protection contre le « DNS rebinding »).',
    ref: `RFC 9110 §7.2 (Host) ; ${HTTP}.5.4 (403)`,
  },
  AGENT_BODY_TOO_LARGE: {
    family: 'LENGTH',
    message: 'Requête trop volumineuse (maximum {expected} octets).',
    fix: 'Découper l’envoi (moins de factures par requête) ou relancer l’agent avec une limite plus grande (--body-limit).',
    ref: `${HTTP}.5.14 (413 Content Too Large)`,
  },
  AGENT_RATE_LIMITED: {
    family: 'RANGE',
    message: 'Trop de requêtes ; nouvel essai possible dans {expected}.',
    fix: 'Attendre le délai indiqué par l’en-tête Retry-After avant de renvoyer la requête.',
    ref: 'RFC 6585 §4 (429 Too Many Requests)',
  },
  AGENT_REQUEST_INVALID: {
    family: 'FORMAT',
    message: 'Requête invalide : {received}.',
    fix: 'Corriger la requête d’après le document OpenAPI servi par l’agent (/openapi.json).',
    ref: 'OpenAPI Specification 3.1.0 ; JSON Schema 2020-12',
  },
  AGENT_JSON_INVALID: {
    family: 'FORMAT',
    message: 'Corps de requête illisible : JSON attendu (application/json, UTF-8).',
    fix: 'Envoyer un corps JSON valide avec l’en-tête Content-Type: application/json.',
    ref: 'RFC 8259 (JSON)',
  },
  AGENT_NOT_FOUND: {
    family: 'UNKNOWN_CODE',
    message: 'Ressource inconnue : {received}.',
    fix: 'Vérifier l’adresse appelée dans le document OpenAPI de l’agent (/openapi.json).',
    ref: `${HTTP}.5.5 (404)`,
  },
  AGENT_NOT_CONFIGURED: {
    family: 'MISSING',
    message: 'Service non configuré dans cet agent : {expected}.',
    fix: 'Configurer le service à l’ouverture de l’agent (par exemple la messagerie d’envoi pour /v1/send).',
    ref: `${HTTP}.6.4 (503)`,
  },
  AGENT_READER_NOT_FOUND: {
    family: 'MISSING',
    message: 'Aucune carte {expected} dans les lecteurs.',
    fix: 'Insérer la carte dans un lecteur, puis renvoyer la requête (les événements /v1/readers/events signalent l’insertion).',
    ref: 'PC/SC Workgroup specifications, part 5 (ICC Resource Manager)',
  },
  AGENT_CPS_NOT_OPEN: {
    family: 'MISSING',
    message: 'Carte CPS non ouverte : le code porteur n’a pas été présenté.',
    fix: 'Présenter le code porteur de la CPS (POST /v1/cps/pin), puis renvoyer la requête.',
    ref: 'ANS, Cartes de la famille CPS : manuel de programmation (vérification du code porteur)',
  },
  AGENT_UNAVAILABLE: {
    family: 'RULE',
    message: 'Service momentanément indisponible : {received}.',
    fix: 'Vérifier le lecteur, la carte ou la messagerie, puis renvoyer la requête ; le détail est dans le journal de l’agent.',
    ref: `${HTTP}.6.4 (503)`,
  },
  AGENT_INTERNAL: {
    family: 'RULE',
    message: 'Erreur interne de l’agent.',
    fix: 'Signaler l’erreur avec le journal de l’agent (aucune donnée de santé n’y figure).',
    ref: `${HTTP}.6.1 (500)`,
  },
});

/** One agent issue code. */
export type AgentCode = keyof typeof AGENT_CODES;
