/**
 * Reading a command's input file (issue #10 §2: a JSON file with a BOM was refused; `sesam price`
 * on a FIFO waited forever). Only regular files are read: a FIFO, a device, a socket or a folder
 * is refused (exit 66) without being opened for a blocking read, and the size is capped.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { CliOutcome } from './outcome';
import { EXIT, refuse } from './outcome';

/** Default cap on an input file: an invoice in JSON is a few kB; 1 MiB leaves room and bounds memory. */
export const MAX_INPUT_BYTES = 1024 * 1024;

const errno = (e: unknown): string => (e instanceof Error && 'code' in e ? String((e as { code: unknown }).code) : 'error');

/**
 * Reads a regular file, at most `maxBytes`.
 *
 * @param path - The file the user named.
 * @param maxBytes - The cap (default {@link MAX_INPUT_BYTES}).
 * @returns The bytes; 66 when missing, unreadable or not a regular file; 65 when too large.
 */
export async function readInputFile(path: string, maxBytes: number = MAX_INPUT_BYTES): Promise<CliOutcome<Uint8Array>> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    return refuse(EXIT.NO_INPUT, `cannot read ${path}: ${errno(e) === 'ENOENT' ? 'no such file' : errno(e)}`);
  }
  if (!st.isFile()) return refuse(EXIT.NO_INPUT, `cannot read ${path}: not a regular file (${st.isDirectory() ? 'folder' : st.isFIFO() ? 'FIFO' : 'device or socket'})`);
  // O_NONBLOCK: if the path was swapped for a FIFO after the stat, open() does not wait for a
  // writer; the fstat below then refuses it.
  let fh;
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return refuse(EXIT.NO_INPUT, `cannot read ${path}: ${errno(e)}`);
  }
  try {
    const st2 = await fh.stat();
    if (!st2.isFile()) return refuse(EXIT.NO_INPUT, `cannot read ${path}: not a regular file`);
    if (st2.size > maxBytes) return refuse(EXIT.DATA, `refusing ${path}: ${st2.size} bytes, more than the ${maxBytes}-byte limit`);
    const buf = new Uint8Array(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, length, buf.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return refuse(EXIT.DATA, `refusing ${path}: more than the ${maxBytes}-byte limit`);
    }
    return { ok: true, value: buf.subarray(0, length) };
  } catch (e) {
    return refuse(EXIT.IO, `cannot read ${path}: ${errno(e)}`);
  } finally {
    await fh.close();
  }
}

/**
 * Decodes UTF-8 JSON (a leading BOM is skipped, as RFC 8259 §8.1 allows parsers to do) and
 * parses it. The error names the line and column, never the file's content (it may hold a NIR).
 *
 * @param bytes - The file's bytes.
 * @param name - The file name for the message.
 * @param reviver - Optional JSON reviver.
 * @returns The value, or 65 with one line.
 */
export function parseJsonBytes(bytes: Uint8Array, name: string, reviver?: (key: string, value: unknown) => unknown): CliOutcome<unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse(EXIT.DATA, `invalid JSON in ${name}: not UTF-8 text`);
  }
  try {
    return { ok: true, value: JSON.parse(text, reviver) as unknown };
  } catch (e) {
    // V8 parses (and revives) recursively: a very deep nesting ends the stack, not the grammar.
    if (e instanceof RangeError) return refuse(EXIT.DATA, `invalid JSON in ${name}: nested too deeply`);
    return refuse(EXIT.DATA, `invalid JSON in ${name}${where(text, e instanceof Error ? e.message : '')}`);
  }
}

/** Line and column of a JSON.parse error, from the engine's position or the scanner below. */
function where(text: string, message: string): string {
  if (/end of JSON input/.test(message)) return ': unexpected end of file';
  const pos = /position (\d+)/.exec(message);
  const at = pos !== null ? Number(pos[1]) : Math.max(0, jsonErrorOffset(text));
  const before = text.slice(0, at);
  return ` at line ${before.split('\n').length}, column ${at - before.lastIndexOf('\n')}`;
}

/**
 * Offset of the first character that makes `text` invalid JSON (RFC 8259 grammar), used when
 * the engine's message gives no position.
 *
 * @param text - JSON text.
 * @returns The offset (an end-of-text error gives `text.length`), or -1 when the text is valid.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          string();
          ws();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (m === null) fail();
    else i += m[0].length;
  };
  const string = (): void => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if ((text.charCodeAt(i) ?? 0) < 0x20) fail();
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i === text.length ? -1 : i;
  } catch (at) {
    return Number.isInteger(at) ? Math.min(at as number, text.length) : 0;
  }
}
