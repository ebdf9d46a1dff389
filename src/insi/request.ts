/**
 * The SOAP 1.2 request of the INSi téléservice: headers ContexteBAM (V01_02), ContexteLPS
 * (V01_00), WS-Addressing Action and MessageID, and the body RECSANSVITALE (traits) or
 * RECVITALE (carte Vitale), as the CNAM WSDL DESIR_ICIR_EXP_1.5.0 and its XSDs define them.
 * Each header and the body element declare their own namespace, so each validates alone
 * against its XSD (tests run `xmllint --schema`). Deterministic: the instant and the message id
 * are options.
 */
import type { Issue, Result } from '../core/issues/index';
import { ok } from '../core/issues/index';
import type { Rec } from '../core/guard/index';
import { field, guardArray, guardEnum, guardInteger, guardObject, guardString, inputErr, inputIssue } from '../core/guard/index';
import { computeNirKey } from '../core/ids/index';
import type { BuildInsiRequestOptions, InsiContexte, InsiRecherche } from './model';
import { escapeXml, XML_FORBIDDEN_CHARS } from './xml';

/** SOAP 1.2 envelope namespace. */
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';
/** WS-Addressing 1.0 namespace. */
export const WSA_NS = 'http://www.w3.org/2005/08/addressing';
/** WS-Addressing actions of the two operations (WSDL `wsaw:Action`). */
export const INSI_ACTIONS = {
  traits: 'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite',
  carte: 'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale',
} as const;

const ISO_INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const LUNAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NIR15 = /^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}$/;
const COG = /^[0-9AB][0-9A-Z][0-9]{3}$/;
const NO_FORBIDDEN = /^(?![\s\S]*(?:[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]))[\s\S]*$/;

function textField(obj: Rec, key: string, path: readonly (string | number)[], issues: Issue[], max: number, required = true): string | undefined {
  const v = guardString(field(obj, key), [...path, key], issues, { required, min: required ? 1 : 0, max, pattern: NO_FORBIDDEN, expected: `texte de 1 à ${max} caractères, sans caractère de contrôle` });
  if (v !== undefined && XML_FORBIDDEN_CHARS.test(v)) {
    issues.push(inputIssue('INPUT_TYPE', { path: [...path, key], expected: 'texte sans caractère interdit en XML', received: 'caractère interdit' }));
    return undefined;
  }
  return v;
}

function nirField(obj: Rec, key: string, path: readonly (string | number)[], issues: Issue[], required: boolean): string | undefined {
  const v = guardString(field(obj, key), [...path, key], issues, { required, pattern: NIR15, max: 15, expected: 'NIR de 15 caractères (13 + clé)' });
  if (v === undefined) return undefined;
  if (computeNirKey(v.slice(0, 13)) !== v.slice(13)) {
    issues.push(inputIssue('INPUT_TYPE', { path: [...path, key], expected: `clé ${computeNirKey(v.slice(0, 13))}`, received: `clé ${v.slice(13)}` }));
    return undefined;
  }
  return v;
}

function el(prefix: string, name: string, value: string): string {
  return `<${prefix}:${name}>${escapeXml(value)}</${prefix}:${name}>`;
}

interface Body {
  readonly xml: string;
  /** ContexteBAM COUVERTURE content (card search only). */
  readonly couverture: string;
}

function bodyOf(r: Rec, issues: Issue[]): Body | undefined {
  const path = ['recherche'];
  const mode = guardEnum(field(r, 'mode'), ['traits', 'carte'], [...path, 'mode'], issues);
  const dateNaissance = guardString(field(r, 'dateNaissance'), [...path, 'dateNaissance'], issues, { pattern: LUNAR_DATE, max: 10, expected: 'date AAAA-MM-JJ' });
  if (mode === 'traits') {
    const nom = textField(r, 'nomNaissance', path, issues, 100);
    const list = guardArray(field(r, 'prenoms'), [...path, 'prenoms'], issues, { min: 1, max: 20 });
    const prenoms = list?.map((_, i) => textField(list as unknown as Rec, String(i), [...path, 'prenoms'], issues, 100));
    const sexe = guardEnum(field(r, 'sexe'), ['M', 'F', 'I'], [...path, 'sexe'], issues);
    const lieu = guardString(field(r, 'lieuNaissance'), [...path, 'lieuNaissance'], issues, { required: false, pattern: COG, max: 5, expected: 'code COG de 5 caractères' });
    if (nom === undefined || prenoms === undefined || prenoms.some((p) => p === undefined) || sexe === undefined || dateNaissance === undefined) return undefined;
    const p = 'insi_recsans_ins';
    const xml = [
      `<${p}:RECSANSVITALE xmlns:${p}="http://www.cnamts.fr/INSiRecSans">`,
      el(p, 'NomNaissance', nom),
      ...(prenoms as string[]).map((x) => el(p, 'Prenom', x)),
      el(p, 'Sexe', sexe),
      el(p, 'DateNaissance', dateNaissance),
      lieu === undefined ? '' : el(p, 'LieuNaissance', lieu),
      `</${p}:RECSANSVITALE>`,
    ].join('');
    return { xml, couverture: '' };
  }
  if (mode === 'carte') {
    const od = nirField(r, 'nirOuvrantDroit', path, issues, true);
    const nir = nirField(r, 'nirIndividu', path, issues, false);
    const rang = guardInteger(field(r, 'rangNaissance'), [...path, 'rangNaissance'], issues, { min: 1, max: 9 });
    const nom = textField(r, 'nomNaissance', path, issues, 100, false);
    if (od === undefined || rang === undefined || dateNaissance === undefined || issues.length > 0) return undefined;
    const p = 'insi_recvit_ins';
    const matricule = (name: string, n: string): string => `<${p}:${name}>${el(p, 'NumIdentifiant', n.slice(0, 13))}${el(p, 'Cle', n.slice(13))}</${p}:${name}>`;
    const xml = [
      `<${p}:RECVITALE xmlns:${p}="http://www.cnamts.fr/INSiRecVit">`,
      nir === undefined ? '' : matricule('MatriculeIndividu', nir),
      matricule('MatriculeOD', od),
      nom === undefined || nom === '' ? '' : el(p, 'NomNaissance', nom),
      el(p, 'DateNaissance', dateNaissance),
      el(p, 'RangNaissance', String(rang)),
      `</${p}:RECVITALE>`,
    ].join('');
    const b = 'ctxbam';
    const couverture = [
      `<${b}:ASSURE><${b}:Id>${el(b, 'Num', od.slice(0, 13))}${el(b, 'Cle', od.slice(13))}</${b}:Id></${b}:ASSURE>`,
      `<${b}:BENEFICIAIRE>`,
      nir === undefined ? '' : `<${b}:Nir>${el(b, 'Num', nir.slice(0, 13))}${el(b, 'Cle', nir.slice(13))}</${b}:Nir>`,
      el(b, 'DateNai', dateNaissance),
      el(b, 'Rang', String(rang)),
      `</${b}:BENEFICIAIRE>`,
    ].join('');
    return { xml, couverture };
  }
  return undefined;
}

/**
 * Builds the SOAP 1.2 envelope of an INSi search.
 *
 * @param recherche - The search: `{ mode: 'traits', nomNaissance, prenoms, sexe, dateNaissance, lieuNaissance? }`
 *   or `{ mode: 'carte', nirOuvrantDroit, nirIndividu?, dateNaissance, rangNaissance, nomNaissance? }`
 *   (card data also written in the ContexteBAM COUVERTURE).
 * @param contexte - The caller and software identity of the ContexteLPS / ContexteBAM headers.
 * @param options - `at` (ISO 8601 instant with offset) and `messageId` (WS-Addressing MessageID).
 * @returns The envelope (UTF-8 text, XML-escaped), or `INPUT_*` issues.
 * @example
 * const xml = buildInsiRequest(
 *   { mode: 'traits', nomNaissance: 'DUPONT', prenoms: ['JEANNE'], sexe: 'F', dateNaissance: '1980-02-01' },
 *   { emetteur: '10B0152872', idam: 'AAAA0001', version: '1.0', nomLogiciel: 'MonLogiciel', instance: '00000000-0000-4000-8000-000000000001' },
 *   { at: '2025-03-10T09:00:00+01:00', messageId: 'uuid:00000000-0000-4000-8000-000000000002' },
 * );
 * @see CNAM WSDL DESIR_ICIR_EXP_1.5.0 (ServiceIdentiteCertifiee v1)
 */
export function buildInsiRequest(recherche: InsiRecherche, contexte: InsiContexte, options: BuildInsiRequestOptions): Result<string> {
  const issues: Issue[] = [];
  const r = guardObject(recherche, ['recherche'], issues);
  const c = guardObject(contexte, ['contexte'], issues);
  const o = guardObject(options, ['options'], issues);
  const body = r && bodyOf(r, issues);
  const emetteur = c && textField(c, 'emetteur', ['contexte'], issues, 64);
  const idam = c && textField(c, 'idam', ['contexte'], issues, 64);
  const version = c && textField(c, 'version', ['contexte'], issues, 64);
  const nom = c && textField(c, 'nomLogiciel', ['contexte'], issues, 128);
  const instance = c && textField(c, 'instance', ['contexte'], issues, 64);
  const at = o && guardString(field(o, 'at'), ['options', 'at'], issues, { pattern: ISO_INSTANT, max: 40, expected: 'instant ISO 8601 avec décalage' });
  const messageId = o && textField(o, 'messageId', ['options'], issues, 128);
  if (issues.length > 0 || body === undefined || !emetteur || !idam || !version || !nom || !instance || !at || !messageId) return inputErr(issues);
  const action = field(r!, 'mode') === 'carte' ? INSI_ACTIONS.carte : INSI_ACTIONS.traits;
  const id = escapeXml(messageId);
  const t = escapeXml(at);
  return ok(
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<soap:Envelope xmlns:soap="${SOAP12_NS}">`,
      '<soap:Header>',
      `<ctxbam:ContexteBAM xmlns:ctxbam="urn:siram:bam:ctxbam" Version="01_02">`,
      `<ctxbam:Id>${id}</ctxbam:Id><ctxbam:Temps>${t}</ctxbam:Temps>${el('ctxbam', 'Emetteur', emetteur)}`,
      body.couverture === '' ? '<ctxbam:COUVERTURE/>' : `<ctxbam:COUVERTURE>${body.couverture}</ctxbam:COUVERTURE>`,
      '</ctxbam:ContexteBAM>',
      `<ctxlps:ContexteLPS xmlns:ctxlps="urn:siram:lps:ctxlps" Nature="CTXLPS" Version="01_00">`,
      `<ctxlps:Id>${id}</ctxlps:Id><ctxlps:Temps>${t}</ctxlps:Temps>${el('ctxlps', 'Emetteur', emetteur)}`,
      `<ctxlps:LPS><ctxlps:IDAM R="4">${escapeXml(idam)}</ctxlps:IDAM>${el('ctxlps', 'Version', version)}${el('ctxlps', 'Instance', instance)}${el('ctxlps', 'Nom', nom)}</ctxlps:LPS>`,
      '</ctxlps:ContexteLPS>',
      `<wsa:Action xmlns:wsa="${WSA_NS}">${action}</wsa:Action>`,
      `<wsa:MessageID xmlns:wsa="${WSA_NS}">${id}</wsa:MessageID>`,
      '</soap:Header>',
      `<soap:Body>${body.xml}</soap:Body>`,
      '</soap:Envelope>',
    ].join(''),
  );
}
