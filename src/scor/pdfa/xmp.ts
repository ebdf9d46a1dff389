/**
 * The XMP packet of a PDF/A-1b document (ISO 19005-1 §6.7) and the PDF date of the Info
 * dictionary that must say the same instant (§6.7.3).
 */

/** The PDF date (`D:YYYYMMDDHHmmSS+HH'mm'`) and XMP date of an ISO 8601 instant with offset. */
export interface PdfDates {
  readonly pdf: string;
  readonly xmp: string;
}

/**
 * Converts a checked ISO 8601 instant (`2026-03-10T18:00:00+01:00`, `…Z`) to the two writings.
 * The fraction of a second is dropped (PDF dates have none); `Z` is written `+00'00'` / `+00:00`
 * so that both writings read alike.
 *
 * @param at - An instant already checked by the options guard.
 * @returns The PDF and XMP writings.
 */
export function pdfDates(at: string): PdfDates {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(at);
  if (m === null) return { pdf: '', xmp: '' };
  const [, y, mo, d, h, mi, s, z, sign, oh, om] = m;
  const [sg, hh, mm] = z === 'Z' ? ['+', '00', '00'] : [sign!, oh!, om!];
  return { pdf: `D:${y}${mo}${d}${h}${mi}${s}${sg}${hh}'${mm}'`, xmp: `${y}-${mo}-${d}T${h}:${mi}:${s}${sg}${hh}:${mm}` };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * The XMP packet (UTF-8 text; the caller encodes it to bytes: a JS string with its U+FEFF marker
 * handed to the PDF writer as text fails to parse in validators).
 *
 * @param fields - Title, producer and the XMP date (absent: no date properties).
 * @returns The packet.
 */
export function xmpPacket(fields: { readonly title: string; readonly producer: string; readonly date?: string }): string {
  const dates = fields.date === undefined ? '' : `
   <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
    <xmp:CreateDate>${fields.date}</xmp:CreateDate>
    <xmp:ModifyDate>${fields.date}</xmp:ModifyDate>
   </rdf:Description>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
   <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
    <pdfaid:part>1</pdfaid:part>
    <pdfaid:conformance>B</pdfaid:conformance>
   </rdf:Description>
   <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:format>application/pdf</dc:format>
    <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(fields.title)}</rdf:li></rdf:Alt></dc:title>
   </rdf:Description>
   <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
    <pdf:Producer>${escapeXml(fields.producer)}</pdf:Producer>
   </rdf:Description>${dates}
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="r"?>`;
}
