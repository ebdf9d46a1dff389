/** Fictitious B2-like files: 128-character records with CR LF, plus bytes that a text transfer would damage. */
import type { TransportFile } from '../../../src/transport/index';

export function fakeB2(fileId: string, records = 3): Uint8Array {
  const lines: string[] = [];
  for (let i = 0; i < records; i++) lines.push(`${String(i).padStart(3, '0')}${fileId}`.padEnd(128, ' '));
  const text = `${lines.join('\r\n')}\r\n`;
  const bytes = new TextEncoder().encode(text);
  const out = new Uint8Array(bytes.length + 4);
  out.set(bytes);
  out.set([0x00, 0xe9, 0x0d, 0x2e], bytes.length); // NUL, latin-1 é, lone CR, "." (dot-stuffing trap)
  return out;
}

export function fileOf(fileId: string, destination = 'caisse@cpam.test'): TransportFile {
  return { fileId, destination, bytes: fakeB2(fileId) };
}
