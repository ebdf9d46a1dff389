/**
 * Connects a virtual card to the vsmartcard `vpcd` reader driver of pcscd (TCP, default port
 * 35963 = reader "Virtual PCD 00 00"; 35964 = "… 00 01"), so the real PC/SC stack talks to it.
 * Protocol (LAB §3): 2-byte big-endian length + payload; 1-byte payloads are control
 * (0 power off, 1 power on, 2 reset, 4 get ATR → the card sends its ATR); longer payloads are
 * C-APDUs answered with the R-APDU. Closing the socket = card removed. Tests and demo only.
 */
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import type { Issue } from '../../core/issues/index';
import { SesamError } from '../../core/issues/index';
import { field, guardBytes, guardFunction, guardInteger, guardObject, guardString } from '../../core/guard/index';
import type { VirtualCard } from '../virtual/engine';

/** A virtual card plugged into vpcd. */
export interface VpcdCard {
  /** Pulls the card (closes the socket). */
  close(): Promise<void>;
}

/** Options of `connectVirtualCardToVpcd`. */
export interface VpcdOptions {
  readonly port?: number;
  readonly host?: string;
  /** Keep retrying the connection this long (pcscd may still be starting). Default 10 000 ms. */
  readonly timeoutMs?: number;
}

/**
 * Guards (shared style) the card and the options before any connection: a card without its ATR
 * or its `process`/`reset`, a port outside 1–65535 or a `timeoutMs` that is not an integer (NaN
 * made the retry loop endless) is a programmer error, said before touching the network.
 */
function checkVpcdArguments(card: unknown, options: unknown): void {
  const issues: Issue[] = [];
  const c = guardObject(card, ['card'], issues);
  if (c !== undefined) {
    guardBytes(field(c, 'atr'), ['card', 'atr'], issues, { max: 33 });
    guardFunction(field(c, 'process'), ['card', 'process'], issues);
    guardFunction(field(c, 'reset'), ['card', 'reset'], issues);
  }
  const o = guardObject(options, ['options'], issues, { required: false });
  if (o !== undefined) {
    guardInteger(field(o, 'port'), ['options', 'port'], issues, { min: 1, max: 65_535, required: false });
    guardString(field(o, 'host'), ['options', 'host'], issues, { min: 1, max: 253, pattern: /^[A-Za-z0-9.:[\]-]+$/, required: false, expected: 'nom d’hôte ou adresse IP' });
    guardInteger(field(o, 'timeoutMs'), ['options', 'timeoutMs'], issues, { min: 0, max: 600_000, required: false });
  }
  if (issues.length > 0) throw new SesamError('ASSERTION', `connectVirtualCardToVpcd: ${issues.map((i) => `${i.path.join('.')} ${i.code}`).join(', ')}`, { issues });
}

const frame = (p: Uint8Array): Buffer => {
  const b = Buffer.alloc(2 + p.length);
  b.writeUInt16BE(p.length, 0);
  b.set(p, 2);
  return b;
};

/**
 * Plugs a virtual card into vpcd.
 *
 * @param card - The card.
 * @param options - Port, host, connection timeout.
 * @returns Handle to pull the card.
 */
export async function connectVirtualCardToVpcd(card: VirtualCard, options: VpcdOptions = {}): Promise<VpcdCard> {
  checkVpcdArguments(card, options);
  const port = options.port ?? 35963;
  const host = options.host ?? '127.0.0.1';
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  let sock: Socket | undefined;
  while (sock === undefined) {
    try {
      sock = await new Promise<Socket>((resolve, reject) => {
        const s = connect(port, host);
        s.once('connect', () => resolve(s));
        s.once('error', reject);
      });
    } catch (e) {
      if (Date.now() > deadline) throw new SesamError('TRANSPORT', `vpcd not reachable on ${host}:${port}: ${(e as Error).message}`, { cause: e });
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const s = sock;
  s.setNoDelay(true);
  s.on('error', () => undefined);
  let buf: Buffer = Buffer.alloc(0);
  // Messages are handled one after the other, in arrival order (card.process is async).
  let chain: Promise<void> = Promise.resolve();
  const handle = async (msg: Uint8Array): Promise<void> => {
    if (msg.length === 1) {
      if (msg[0] === 4) s.write(frame(card.atr));
      else if (msg[0] === 0 || msg[0] === 2) card.reset();
    } else if (msg.length > 1) s.write(frame(await card.process(msg)));
  };
  s.on('data', (chunk: Buffer) => {
    buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
    while (buf.length >= 2) {
      const len = buf.readUInt16BE(0);
      if (buf.length < 2 + len) break;
      const msg = new Uint8Array(buf.subarray(2, 2 + len));
      buf = buf.subarray(2 + len);
      chain = chain.then(() => handle(msg)).catch(() => undefined);
    }
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (s.destroyed) return resolve();
        s.once('close', () => resolve());
        s.end();
        setTimeout(() => s.destroy(), 500).unref();
      }),
  };
}
