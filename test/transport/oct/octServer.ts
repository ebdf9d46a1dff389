/**
 * A local OCT for the tests: node:https REQUIRING a client certificate signed by the test CA,
 * speaking the modeled contract of src/transport/oct/contract.ts (files stored by id, returns
 * listed until acknowledged). Real TLS and sockets; faults are switched on by the test.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:https';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Pki } from './certs';

/** A return the OCT holds for the PS. */
export interface OctReturn {
  readonly id: string;
  readonly messageId?: string;
  readonly from?: string;
  readonly subject?: string;
  readonly inReplyTo?: string;
  readonly attachments: readonly { readonly filename: string; readonly contentType?: string; readonly bytes: Uint8Array }[];
}

/** The server and its state. */
export interface OctServer {
  readonly url: string;
  /** Files received, by id, exact bytes. */
  readonly files: Map<string, { readonly bytes: Buffer; readonly destination: string; readonly filename: string }>;
  /** Every PUT seen (ids), in order. */
  readonly puts: string[];
  /** Returns waiting. */
  readonly returns: OctReturn[];
  readonly acked: Set<string>;
  /** Answer the next N requests with 503. */
  failNext: number;
  /** Process the next N requests, then cut the connection mid-answer. */
  cutNext: number;
  /** Answer GET /returns with this body instead. */
  returnsBody: string | undefined;
  /** Bearer token required (when set). */
  token: string | undefined;
  close(): Promise<void>;
}

/** Starts the server on a loopback port. */
export async function startOctServer(pki: Pki): Promise<OctServer> {
  const state = {
    files: new Map<string, { bytes: Buffer; destination: string; filename: string }>(),
    puts: [] as string[],
    returns: [] as OctReturn[],
    acked: new Set<string>(),
    failNext: 0,
    cutNext: 0,
    returnsBody: undefined as string | undefined,
    token: undefined as string | undefined,
  };
  const server: Server = createServer({ key: pki['server.key'], cert: pki['server.crt'], ca: pki['ca.crt'], requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const json = (status: number, value: unknown): void => {
        if (state.cutNext > 0) {
          // The request was processed (a file is stored), then the answer is lost mid-way.
          state.cutNext--;
          res.writeHead(status, { 'content-type': 'application/json', 'content-length': '1000' });
          res.write('{"rec');
          setImmediate(() => res.socket?.destroy());
          return;
        }
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (state.failNext > 0) {
        state.failNext--;
        return json(503, { error: 'maintenance' });
      }
      if (state.token !== undefined && req.headers.authorization !== `Bearer ${state.token}`) return json(401, { error: 'token' });
      const url = new URL(req.url ?? '/', 'https://localhost');
      const put = /^\/api\/v1\/files\/([^/]+)$/.exec(url.pathname);
      if (req.method === 'PUT' && put) {
        const id = decodeURIComponent(put[1]!);
        state.puts.push(id);
        const digest = `sha-256=:${createHash('sha256').update(body).digest('base64')}:`;
        if (req.headers['content-digest'] !== digest) return json(400, { error: 'digest' });
        const known = state.files.get(id);
        if (known) return known.bytes.equals(body) ? json(200, { fileId: id, receipt: `R-${id}` }) : json(409, { error: 'autre contenu' });
        state.files.set(id, { bytes: body, destination: decodeURIComponent(String(req.headers['x-sesam-destination'])), filename: decodeURIComponent(String(req.headers['x-sesam-filename'])) });
        return json(201, { fileId: id, receipt: `R-${id}` });
      }
      if (req.method === 'GET' && url.pathname === '/api/v1/returns') {
        if (state.returnsBody !== undefined) {
          res.writeHead(200, { 'content-type': 'application/json' });
          return res.end(state.returnsBody);
        }
        const list = state.returns.filter((r) => !state.acked.has(r.id)).map((r) => ({ ...r, attachments: r.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, data: Buffer.from(a.bytes).toString('base64') })) }));
        return json(200, { returns: list });
      }
      if (req.method === 'POST' && url.pathname === '/api/v1/returns/ack') {
        const ids = (JSON.parse(body.toString('utf8')) as { ids: string[] }).ids;
        let n = 0;
        for (const id of ids) if (state.returns.some((r) => r.id === id) && !state.acked.has(id)) (state.acked.add(id), n++);
        return json(200, { acknowledged: n });
      }
      json(404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `https://localhost:${port}/api/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
