/**
 * A throw-away test PKI made with the openssl command line (ECDSA P-256, 2 days): a CA, a server
 * certificate for 127.0.0.1 / localhost, a client certificate signed by the CA (mutual TLS), and
 * an intruder client signed by a rogue CA. Files live in a fresh temporary directory that
 * {@link TestPki.dispose} removes (only that directory: the library created it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SesamError } from '../../core/issues/index';

/** A key pair as PEM. */
export interface PemPair {
  readonly cert: string;
  readonly key: string;
}

/** The test PKI. */
export interface TestPki {
  /** CA certificate (trust anchor of the server and of the clients). */
  readonly ca: string;
  readonly server: PemPair;
  readonly client: PemPair;
  /** A client certificate from another CA (refused by the servers). */
  readonly intruder: PemPair;
  /** Removes the temporary directory. */
  dispose(): void;
}

/**
 * Tells whether the openssl command line is available.
 *
 * @returns `true` when `openssl version` runs.
 */
export function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Creates the test PKI.
 *
 * @returns The PEM material.
 * @throws SesamError `NOT_INSTALLED` without openssl, `IO` when a command fails.
 */
export function createTestPki(): TestPki {
  if (!hasOpenssl()) throw new SesamError('NOT_INSTALLED', 'openssl is needed to create the test PKI of the local services');
  const dir = mkdtempSync(join(tmpdir(), 'sesam-services-pki-'));
  const ssl = (...args: string[]): void => {
    try {
      execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    } catch (cause) {
      throw new SesamError('IO', `openssl ${args[0] ?? ''} failed`, { cause });
    }
  };
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  const ca = (name: string) => ssl('req', '-x509', ...ec, '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=sesam-billing test ${name}`);
  const leaf = (name: string, issuer: string, ext: string) => {
    ssl('req', ...ec, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=sesam-billing test ${name}`);
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${issuer}.crt`, '-CAkey', `${issuer}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`);
  };
  ca('ca');
  ca('rogue');
  leaf('server', 'ca', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  leaf('client', 'ca', 'extendedKeyUsage=clientAuth\n');
  leaf('intruder', 'rogue', 'extendedKeyUsage=clientAuth\n');
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const pair = (n: string): PemPair => ({ cert: read(`${n}.crt`), key: read(`${n}.key`) });
  return { ca: read('ca.crt'), server: pair('server'), client: pair('client'), intruder: pair('intruder'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
