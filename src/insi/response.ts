/**
 * Reads an INSi answer: the SOAP 1.2 envelope with a `RESULTAT` body (CR 00 one identity,
 * 01 none, 02 several) or a SOAP fault (siram / desir codes). Never throws, whatever the text:
 * DOCTYPE/ENTITY refused, size capped, entity processing off (see ./xml).
 */
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, hasErrors, ok, resultOf } from '../core/issues/index';
import { field } from '../core/guard/index';
import { computeNirKey } from '../core/ids/index';
import { INSI_CODES } from './codes';
import type { InsiFault, InsiResult, InsOidKind, MatriculeIns, TraitsIns } from './model';
import type { XmlNode } from './xml';
import { child, children, INSI_MAX_RESPONSE_CHARS, parseXmlSafe, text } from './xml';

const issue = createIssueFactory(INSI_CODES);

/** OIDs of the assigning authorities of the INS (Référentiel INS; test OIDs of the CI-SIS). */
export const INS_OIDS: Readonly<Record<string, InsOidKind>> = {
  '1.2.250.1.213.1.4.8': 'NIR',
  '1.2.250.1.213.1.4.9': 'NIA',
  '1.2.250.1.213.1.4.10': 'NIR_TEST',
  '1.2.250.1.213.1.4.11': 'NIA_TEST',
};

const NUM = /^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{6}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Options of {@link parseInsiResponse}. */
export interface ParseInsiResponseOptions {
  /** Size cap in characters (default 256 KiB). */
  readonly maxChars?: number;
}

function matricule(node: XmlNode | undefined, path: readonly (string | number)[], issues: Issue[]): MatriculeIns | undefined {
  const id = child(node, 'IdIndividu');
  const num = text(child(id, 'NumIdentifiant'));
  const cle = text(child(id, 'Cle'));
  const oid = text(child(node, 'OID'));
  if (num === undefined || oid === undefined) {
    issues.push(issue('INSI_MISSING', { path, expected: num === undefined ? 'IdIndividu/NumIdentifiant' : 'OID' }));
    return undefined;
  }
  if (!NUM.test(num)) {
    issues.push(issue('INSI_FIELD_FORMAT', { path: [...path, 'NumIdentifiant'], expected: '13 caractères (NIR/NIA sans clé)', received: num }));
    return undefined;
  }
  const key = computeNirKey(num);
  if (cle === undefined || cle !== key) {
    issues.push(issue('INSI_INS_KEY', { path: [...path, 'Cle'], expected: key, received: cle ?? 'absente' }));
    return undefined;
  }
  const type = Object.prototype.hasOwnProperty.call(INS_OIDS, oid) ? INS_OIDS[oid] : undefined;
  if (type === undefined) {
    issues.push(issue('INSI_OID_UNKNOWN', { path: [...path, 'OID'], received: oid }));
    return undefined;
  }
  if (type === 'NIR_TEST' || type === 'NIA_TEST') issues.push(issue('INSI_OID_TEST', { path: [...path, 'OID'], received: oid }));
  const dateDebut = text(child(node, 'DateDeb'));
  const dateFin = text(child(node, 'DateFin'));
  for (const [k, d] of [['DateDeb', dateDebut], ['DateFin', dateFin]] as const) {
    if (d !== undefined && !DATE.test(d)) issues.push(issue('INSI_FIELD_FORMAT', { path: [...path, k], expected: 'date AAAA-MM-JJ', received: d }));
  }
  return { matricule: num + cle, oid, type, ...(dateDebut === undefined ? {} : { dateDebut }), ...(dateFin === undefined ? {} : { dateFin }) };
}

function traits(node: XmlNode | undefined, issues: Issue[]): TraitsIns | undefined {
  const path = ['INDIVIDU', 'TIQ'];
  if (node === undefined) {
    issues.push(issue('INSI_MISSING', { path, expected: 'TIQ (traits INS)' }));
    return undefined;
  }
  const get = (k: string): string | undefined => text(child(node, k));
  const nomNaissance = get('NomNaissance');
  const listePrenoms = get('ListePrenom') ?? get('Prenom');
  const sexe = get('Sexe');
  const dateNaissance = get('DateNaissance');
  const lieuNaissance = get('LieuNaissance');
  const missing = ([['NomNaissance', nomNaissance], ['ListePrenom', listePrenoms], ['Sexe', sexe], ['DateNaissance', dateNaissance]] as const).filter(([, v]) => v === undefined || v === '');
  for (const [k] of missing) issues.push(issue('INSI_MISSING', { path: [...path, k], expected: k }));
  if (sexe !== undefined && sexe !== '' && !/^[A-Z]$/.test(sexe)) issues.push(issue('INSI_FIELD_FORMAT', { path: [...path, 'Sexe'], expected: 'une lettre majuscule', received: sexe }));
  if (dateNaissance && !DATE.test(dateNaissance)) issues.push(issue('INSI_FIELD_FORMAT', { path: [...path, 'DateNaissance'], expected: 'date AAAA-MM-JJ', received: dateNaissance }));
  if (missing.length > 0 || !nomNaissance || !listePrenoms || !sexe || !dateNaissance) return undefined;
  const premierPrenom = get('Prenom') || listePrenoms.split(' ')[0]!;
  return { nomNaissance, listePrenoms, premierPrenom, sexe, dateNaissance, ...(lieuNaissance ? { lieuNaissance } : {}) };
}

/**
 * Reads a SOAP fault of the téléservice.
 *
 * @internal
 */
export function faultOf(fault: XmlNode): InsiFault {
  const code = child(fault, 'Code');
  const detail = child(child(fault, 'Detail'), 'Erreur');
  const subcode = text(child(child(code, 'Subcode'), 'Value'));
  const at = (name: string): XmlNode | undefined => child(detail, `@_${name}`);
  const f = {
    code: text(child(code, 'Value')) ?? '',
    reason: text(child(child(fault, 'Reason'), 'Text')) ?? '',
    ...(subcode === undefined ? {} : { subcode: subcode.replace(/^[^:]*:/, '') }),
    ...(text(at('code')) === undefined ? {} : { erreurCode: text(at('code')) }),
    ...(text(at('severite')) === undefined ? {} : { severite: text(at('severite')) }),
    ...(text(detail) === undefined ? {} : { detail: text(detail) }),
  };
  return f as InsiFault;
}

/**
 * Parses the answer of an INSi search.
 *
 * @param xml - The HTTP body (text).
 * @param options - `maxChars` (size cap).
 * @returns The result (CR 00 with the identity: INS actif, history, traits; 01; 02), warnings
 *   (`INSI_OID_TEST`), or issues: `INSI_SOAP_FAULT` (received: `siram_xxx desir_yyy : texte`),
 *   `INSI_XML_*`, `INSI_MISSING`, `INSI_INS_KEY`, `INSI_OID_UNKNOWN`, `INSI_CR_UNKNOWN`.
 * @example
 * const r = parseInsiResponse(body);
 * if (r.ok && r.value.codeCr === '00') console.log(r.value.identite.ins.matricule);
 * @see CNAM XSD INSi_RESULTAT_INS, schema_faultSOAP_V01_01
 */
export function parseInsiResponse(xml: string, options?: ParseInsiResponseOptions): Result<InsiResult> {
  if (typeof xml !== 'string') return err(issue('INSI_XML_INVALID', { received: `type ${xml === null ? 'null' : typeof xml}` }));
  const cap = typeof options === 'object' && options !== null ? field(options as unknown as Readonly<Record<string, unknown>>, 'maxChars') : undefined;
  const max = typeof cap === 'number' && cap > 0 ? cap : INSI_MAX_RESPONSE_CHARS;
  const tree = parseXmlSafe(xml, max);
  if (!tree.ok) return tree;
  const body = child(child(tree.value, 'Envelope'), 'Body');
  if (body === undefined) return err(issue('INSI_MISSING', { expected: 'Envelope/Body (SOAP 1.2)' }));
  const fault = child(body, 'Fault');
  if (fault !== undefined) {
    const f = faultOf(fault);
    const codes = [f.subcode, f.erreurCode].filter((c) => c !== undefined && c !== '').join(' ');
    return err(issue('INSI_SOAP_FAULT', { path: ['Fault'], received: `${codes || f.code} : ${f.detail || f.reason}` }));
  }
  const resultat = child(body, 'RESULTAT');
  if (resultat === undefined) return err(issue('INSI_MISSING', { expected: 'RESULTAT ou Fault' }));
  const codeCr = text(child(child(resultat, 'CR'), 'CodeCR'));
  const libelleCr = text(child(child(resultat, 'CR'), 'LibelleCR')) ?? '';
  if (codeCr === undefined) return err(issue('INSI_MISSING', { path: ['CR'], expected: 'CR/CodeCR' }));
  if (codeCr === '01' || codeCr === '02') return ok({ codeCr, libelleCr });
  if (codeCr !== '00') return err(issue('INSI_CR_UNKNOWN', { path: ['CR', 'CodeCR'], received: codeCr }));
  const individu = child(resultat, 'INDIVIDU');
  if (individu === undefined) return err(issue('INSI_MISSING', { path: ['INDIVIDU'], expected: 'INDIVIDU (code retour 00)' }));
  const issues: Issue[] = [];
  const ins = matricule(child(individu, 'INSACTIF'), ['INDIVIDU', 'INSACTIF'], issues);
  const historique = children(individu, 'INSHISTO').slice(0, 100).map((h, i) => matricule(h, ['INDIVIDU', 'INSHISTO', i], issues));
  const tiq = traits(child(individu, 'TIQ'), issues);
  if (ins === undefined || tiq === undefined || historique.some((h) => h === undefined)) {
    const errors = issues.filter((i) => hasErrors([i]));
    return err(errors[0] ?? issue('INSI_MISSING', { path: ['INDIVIDU'], expected: 'INSACTIF, TIQ' }), ...errors.slice(1));
  }
  return resultOf({ codeCr, libelleCr, identite: { ins, historique: historique as MatriculeIns[], traits: tiq } }, issues);
}
