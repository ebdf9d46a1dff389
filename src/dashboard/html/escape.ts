/**
 * Text → HTML escaping of every value the dashboard prints (patient and PS names come from the
 * PMS and may hold markup). Covers text content and double- or single-quoted attributes.
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/**
 * Escapes a text for HTML text content and quoted attribute values.
 *
 * @param text - Any text.
 * @returns The text with `& < > " ' \`` replaced by entities; lone surrogates and control
 *   characters (other than tab, line feed) replaced by U+FFFD.
 */
export function escapeHtml(text: string): string {
  return String(text)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
    .replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

/**
 * Formats a day the French way (JJ/MM/AAAA).
 *
 * @param day - A `YYYY-MM-DD` day.
 * @returns `JJ/MM/AAAA`.
 */
export function formatJour(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}
