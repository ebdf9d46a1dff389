/**
 * A real SMTP server (the `smtp-server` package) started in-process on a loopback port, recording
 * every message it accepts. Faults are scripted per test: refuse (4xx/5xx) or cut the connection
 * in the middle of DATA.
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly raw: string;
  readonly messageId: string;
  readonly to: readonly string[];
}

export interface TestSmtp {
  readonly port: number;
  readonly received: Received[];
  /** What to do with the next DATA commands: accept, cut the socket, or reply an error code. */
  fault: 'none' | 'cut' | 'lose-ack' | '451' | '550';
  /** Stops listening (the port stays reserved for `restart`). */
  stop(): Promise<void>;
  /** Starts again on the same port. */
  restart(): Promise<void>;
}

function headerValue(raw: string, name: string): string {
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(raw);
  return m?.[1]?.trim() ?? '';
}

export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const state: { fault: TestSmtp['fault']; received: Received[]; server?: SMTPServer; port: number } = { fault: 'none', received: [], port };
  const make = (): SMTPServer =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      disableReverseLookup: true,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        let cut = false;
        stream.on('data', (c: Buffer) => {
          chunks.push(c);
          if (state.fault === 'cut' && !cut) {
            cut = true;
            // Connection cut mid-transfer: the client never gets its 250.
            (session as unknown as { socket?: { destroy(): void } }).socket?.destroy?.();
            const conn = [...((state.server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections ?? [])];
            for (const c2 of conn) c2._socket.destroy();
          }
        });
        stream.on('end', () => {
          if (cut) return;
          if (state.fault === '451' || state.fault === '550') {
            const e = Object.assign(new Error(state.fault === '451' ? 'try later' : 'no such user'), { responseCode: Number(state.fault) });
            return callback(e);
          }
          const raw = Buffer.concat(chunks).toString('latin1');
          state.received.push({ raw, messageId: headerValue(raw, 'Message-ID'), to: session.envelope.rcptTo.map((r) => r.address) });
          if (state.fault === 'lose-ack') {
            // Stored, but the 250 never reaches the client (the link drops after DATA).
            const conn = [...((state.server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections ?? [])];
            for (const c2 of conn) c2._socket.destroy();
            return;
          }
          callback(null, 'OK queued');
        });
      },
    });
  const listen = (s: SMTPServer, p: number): Promise<number> =>
    new Promise((resolve, reject) => {
      s.on('error', () => undefined);
      s.server.once('error', reject);
      s.listen(p, '127.0.0.1', () => resolve((s.server.address() as AddressInfo).port));
    });
  state.server = make();
  state.port = await listen(state.server, port);
  const api: TestSmtp = {
    get port() {
      return state.port;
    },
    received: state.received,
    get fault() {
      return state.fault;
    },
    set fault(f) {
      state.fault = f;
    },
    stop: () => new Promise<void>((resolve) => (state.server ? state.server.close(() => resolve()) : resolve())),
    async restart() {
      state.server = make();
      await listen(state.server, state.port);
    },
  };
  return api;
}

/** Decodes the base64 attachments of a raw MIME message (enough for the messages our adapter writes). */
export function attachmentsOf(raw: string): { filename: string; bytes: Uint8Array; encoding: string }[] {
  const b = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  if (!b) return [];
  const out: { filename: string; bytes: Uint8Array; encoding: string }[] = [];
  for (const part of raw.split(`--${b}`)) {
    const [head = '', ...body] = part.split(/\r?\n\r?\n/);
    if (!/Content-Disposition:\s*attachment/i.test(head)) continue;
    const filename = /filename="?([^";\r\n]+)"?/i.exec(head)?.[1] ?? '';
    const encoding = /Content-Transfer-Encoding:\s*(\S+)/i.exec(head)?.[1] ?? '';
    out.push({ filename, encoding, bytes: new Uint8Array(Buffer.from(body.join('\n\n').replace(/\s+/g, ''), 'base64')) });
  }
  return out;
}
