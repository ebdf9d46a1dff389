/**
 * The XML the INSi module writes and reads. Writing: text escaped by {@link escapeXml}, and only
 * characters XML 1.0 allows. Reading: fast-xml-parser with entity processing OFF, DOCTYPE and
 * ENTITY declarations refused before parsing (no "billion laughs", no external entity), a size
 * cap and the parser's depth cap; the five predefined entities and numeric character
 * references are decoded here, once, without expansion.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import { INSI_CODES } from './codes';

const issue = createIssueFactory(INSI_CODES);

/** Characters XML 1.0 forbids in a document (controls, lone surrogates, U+FFFE/U+FFFF). */
export const XML_FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Escapes text for an element or attribute value (`&`, `<`, `>`, `"`, `'`).
 *
 * @param text - Text already checked for {@link XML_FORBIDDEN_CHARS}.
 * @returns The escaped text.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Decodes the predefined entities and numeric character references of a parsed text (the
 * parser runs with entity processing off). Unknown or invalid references are left as written.
 *
 * @param text - Raw text of an element or attribute.
 * @returns The decoded text.
 */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref.charAt(0) !== '#') return NAMED[ref] ?? whole;
    const code = ref.charAt(1) === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
    if (!(code > 0 && code <= 0x10ffff)) return whole;
    const ch = String.fromCodePoint(code);
    return XML_FORBIDDEN_CHARS.test(ch) ? whole : ch;
  });
}

/** Default size cap of an INSi answer (characters); an answer is a few kB. */
export const INSI_MAX_RESPONSE_CHARS = 256 * 1024;

const parser = /* @__PURE__ */ new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 64,
  isArray: (name) => name === 'INSHISTO' || name === 'Prenom',
});

/** A parsed element: text, or children keyed by local name (`@_x` attributes, `#text`). */
export type XmlNode = string | { readonly [key: string]: XmlNode | readonly XmlNode[] | undefined };

/**
 * Parses untrusted XML safely; never throws.
 *
 * @param xml - The text (anything).
 * @param maxChars - Size cap.
 * @returns The tree, or an `INSI_XML_*` issue.
 */
export function parseXmlSafe(xml: string, maxChars: number): Result<XmlNode> {
  if (xml.length > maxChars) return err(issue('INSI_XML_TOO_LARGE', { expected: `${maxChars} caractères`, received: `${xml.length} caractères` }));
  const forbidden = /<!(DOCTYPE|ENTITY|ELEMENT|ATTLIST)/i.exec(xml);
  if (forbidden) return err(issue('INSI_XML_FORBIDDEN', { received: `<!${forbidden[1]!.toUpperCase()}` }));
  let failure: Issue | undefined;
  try {
    const valid = XMLValidator.validate(xml);
    if (valid !== true) {
      failure = issue('INSI_XML_INVALID', { received: `ligne ${valid.err.line} : ${valid.err.code}` });
    } else {
      const tree: unknown = parser.parse(xml);
      if (tree !== null && typeof tree === 'object') return ok(tree as XmlNode);
      failure = issue('INSI_XML_INVALID', { received: 'document vide' });
    }
  } catch (e) {
    failure = issue('INSI_XML_INVALID', { received: e instanceof Error ? e.message : 'erreur du lecteur XML' });
  }
  return err(failure);
}

/**
 * A child element (first one when repeated).
 *
 * @param node - A parsed element.
 * @param name - Local name of the child.
 * @returns The child, or `undefined`.
 */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  if (!Object.prototype.hasOwnProperty.call(node, name)) return undefined;
  const v = node[name];
  return Array.isArray(v) ? (v[0] as XmlNode | undefined) : (v as XmlNode | undefined);
}

/**
 * All children of one name.
 *
 * @param node - A parsed element.
 * @param name - Local name.
 * @returns The children (maybe none).
 */
export function children(node: XmlNode | undefined, name: string): readonly XmlNode[] {
  if (node === undefined || typeof node === 'string' || !Object.prototype.hasOwnProperty.call(node, name)) return [];
  const v = node[name];
  return v === undefined ? [] : Array.isArray(v) ? (v as readonly XmlNode[]) : [v as XmlNode];
}

/**
 * The decoded text of an element or attribute (`''` for an empty element).
 *
 * @param node - A parsed element or attribute value.
 * @returns The text, or `undefined` when there is none (element with children only).
 */
export function text(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  if (typeof node === 'string') return decodeXmlText(node);
  const t = Object.prototype.hasOwnProperty.call(node, '#text') ? node['#text'] : undefined;
  if (typeof t === 'string') return decodeXmlText(t);
  return Object.keys(node).every((k) => k.startsWith('@_')) ? '' : undefined;
}
