/** Runs `xmllint --noout --schema` on a document (Debian libxml2-utils); `undefined` when xmllint is missing. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const XSD_DIR = join(__dirname, '..', 'fixtures', 'insi', 'xsd');

export const hasXmllint: boolean = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const dir = mkdtempSync(join(tmpdir(), 'insi-xmllint-'));
let n = 0;

/** Validates `xml` against `xsd` (path under test/fixtures/insi/xsd); returns xmllint's output when invalid, '' when valid. */
export function xmllint(xml: string, xsd: string): string {
  const file = join(dir, `doc${n++}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(XSD_DIR, xsd), file], { encoding: 'utf8' });
  return r.status === 0 ? '' : `${r.stdout}${r.stderr}`;
}

/** The element `<prefix:name …>…</prefix:name>` cut out of a document, as a standalone document. */
export function part(xml: string, qname: string): string {
  const start = xml.indexOf(`<${qname}`);
  const endTag = `</${qname}>`;
  const end = xml.indexOf(endTag, start);
  if (start < 0 || end < 0) throw new Error(`${qname} not found`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml.slice(start, end + endTag.length)}`;
}
