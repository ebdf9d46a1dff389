/**
 * Mail servers named on the command line (`--smtp URL`, `--imap URL`, `--pop3 URL`): the URL
 * gives the scheme, host, port and optionally the user; the password comes from the environment
 * (`SESAM_SMTP_PASS`, `SESAM_IMAP_PASS`, `SESAM_POP3_PASS`) or from a file (`--pass-file`), never
 * from the URL (it would show in the process list and the shell history), and is never printed.
 * TLS: `smtps` / `imaps` / `pop3s` are implicit TLS; on the plain schemes STARTTLS / STLS is used
 * when the server offers it, and required unless the host is a loopback address.
 */
import { readInputFile } from './input';
import type { CliOutcome } from './outcome';
import { EXIT, refuse } from './outcome';

/** A protocol of the mail commands. */
export type MailProtocol = 'smtp' | 'imap' | 'pop3';

/** A server as the transport options want it. */
export interface MailServer {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  /** STARTTLS / STLS required (plain scheme on a non-loopback host). */
  readonly requireTLS: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
}

const SCHEMES: Record<MailProtocol, { plain: string; tls: string; plainPort: number; tlsPort: number }> = {
  smtp: { plain: 'smtp:', tls: 'smtps:', plainPort: 587, tlsPort: 465 },
  imap: { plain: 'imap:', tls: 'imaps:', plainPort: 143, tlsPort: 993 },
  pop3: { plain: 'pop3:', tls: 'pop3s:', plainPort: 110, tlsPort: 995 },
};

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i;

/**
 * Reads a server URL and its credentials.
 *
 * @param protocol - smtp, imap or pop3.
 * @param url - The URL given (`smtp://host:port`, `imaps://user@host` …).
 * @param env - The environment (user and password variables).
 * @param passFile - A file whose first line is the password (instead of the variable).
 * @param authRequired - Refuse when no user and password are given (IMAP, POP3).
 * @returns The server, or 64 (a bad URL, a password in the URL, missing credentials), 66 (pass file unreadable).
 */
export async function readMailServer(protocol: MailProtocol, url: string, env: Readonly<Record<string, string | undefined>>, passFile: string | undefined, authRequired: boolean): Promise<CliOutcome<MailServer>> {
  const s = SCHEMES[protocol];
  const name = protocol.toUpperCase();
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return refuse(EXIT.USAGE, `--${protocol}: not a URL (expected ${s.plain}//host:port or ${s.tls}//host)`);
  }
  if (u.protocol !== s.plain && u.protocol !== s.tls) return refuse(EXIT.USAGE, `--${protocol}: scheme ${u.protocol} not supported (expected ${s.plain} or ${s.tls})`);
  if (u.password !== '') return refuse(EXIT.USAGE, `--${protocol}: do not put the password in the URL (it shows in the process list); use SESAM_${name}_PASS or --pass-file FILE`);
  if (u.hostname === '') return refuse(EXIT.USAGE, `--${protocol}: no host in the URL`);
  const secure = u.protocol === s.tls;
  const port = u.port === '' ? (secure ? s.tlsPort : s.plainPort) : Number(u.port);
  const user = u.username !== '' ? decodeURIComponent(u.username) : env[`SESAM_${name}_USER`];
  let pass = env[`SESAM_${name}_PASS`];
  if (passFile !== undefined) {
    const bytes = await readInputFile(passFile, 4096);
    if (!bytes.ok) return refuse(bytes.exit, bytes.message);
    pass = Buffer.from(bytes.value).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  if (authRequired && (user === undefined || user === '' || pass === undefined || pass === '')) {
    return refuse(EXIT.USAGE, `--${protocol}: give the user (in the URL, user@host, or SESAM_${name}_USER) and the password (SESAM_${name}_PASS or --pass-file FILE)`);
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1');
  return {
    ok: true,
    value: {
      host,
      port,
      secure,
      requireTLS: !secure && !LOOPBACK.test(u.hostname),
      ...(user !== undefined && user !== '' && pass !== undefined && pass !== '' ? { auth: { user, pass } } : {}),
    },
  };
}

/**
 * The server for messages: `host:port`, never the user or the password.
 *
 * @param s - The server.
 * @returns Text to print.
 */
export const describeServer = (s: MailServer): string => `${s.host}:${s.port}`;
