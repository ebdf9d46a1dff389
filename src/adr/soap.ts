/**
 * Reading a SOAP 1.2 answer of a service with the hardened XML wrapper (no DTD, no entity
 * expansion, size and depth limits): the envelope's body, or the fault as a typed issue with its
 * subcode, the siram / desir code of its detail and its reason. Never throws.
 *
 * @see W3C SOAP 1.2 Part 1 §5.4 (SOAP Fault); CNAM schema_faultSOAP_V01_01 (siram:Erreur)
 */
import type { Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import { child, parseXmlSafe, text } from '../insi/xml';
import type { XmlNode } from '../insi/xml';
import { ADR_CODES } from './codes';

const issue = createIssueFactory(ADR_CODES);

/** Default size cap of a SOAP answer (characters). */
export const SOAP_MAX_CHARS = 1024 * 1024;

/**
 * Parses a SOAP 1.2 answer.
 *
 * @param xml - The answer text (anything: a non-text is `ADR_RESPONSE_INVALID`).
 * @param options - `service` (name in issues), `maxChars` (default {@link SOAP_MAX_CHARS}).
 * @returns The `Body` element, or `ADR_SOAP_FAULT` / `ADR_RESPONSE_INVALID`.
 */
export function parseSoapEnvelope(xml: string, options?: { readonly service?: string; readonly maxChars?: number }): Result<XmlNode> {
  const service = typeof options?.service === 'string' ? options.service.slice(0, 32) : 'SOAP';
  const max = typeof options?.maxChars === 'number' && Number.isSafeInteger(options.maxChars) && options.maxChars > 0 ? options.maxChars : SOAP_MAX_CHARS;
  if (typeof xml !== 'string') return err(issue('ADR_RESPONSE_INVALID', { expected: service, received: 'pas un texte' }));
  const tree = parseXmlSafe(xml, max);
  if (!tree.ok) return err(issue('ADR_RESPONSE_INVALID', { expected: service, received: tree.issues[0]?.code ?? 'XML' }));
  const body = child(child(tree.value, 'Envelope'), 'Body');
  if (body === undefined) return err(issue('ADR_RESPONSE_INVALID', { expected: service, received: 'enveloppe SOAP sans Body' }));
  const fault = child(body, 'Fault');
  if (fault === undefined) return ok(body);
  const sub = text(child(child(child(fault, 'Code'), 'Subcode'), 'Value')) ?? text(child(child(fault, 'Code'), 'Value')) ?? '';
  const reason = text(child(child(fault, 'Reason'), 'Text')) ?? '';
  const detail = child(child(fault, 'Detail'), 'Erreur');
  const code = detail !== undefined && typeof detail === 'object' ? text(child(detail, '@_code')) : undefined;
  return err(issue('ADR_SOAP_FAULT', { expected: service, received: [sub, code, reason].filter((s) => s !== undefined && s !== '').join(' ') || 'faute SOAP' }));
}
