/**
 * Test PKI made with openssl in a temp dir (ECDSA P-256), as test/insi/client.test.ts does: a CA,
 * a server certificate for localhost, a client certificate, and an intruder signed by a rogue CA.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Whether openssl runs here. */
export const HAS_OPENSSL = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** PEM texts by name: ca.crt, server.crt/key, client.crt/key, intruder.crt/key. */
export type Pki = Readonly<Record<'ca.crt' | 'server.crt' | 'server.key' | 'client.crt' | 'client.key' | 'intruder.crt' | 'intruder.key', string>>;

/** Makes the PKI (removes its temp dir afterwards). */
export function makePki(): Pki {
  const dir = mkdtempSync(join(tmpdir(), 'oct-tls-'));
  const ssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  const ca = (name: string): void => ssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`);
  const leaf = (name: string, signer: string, ext: string): void => {
    ssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    writeFileSync(join(dir, `${name}.ext`), ext);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${signer}.crt`, '-CAkey', `${signer}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`);
  };
  try {
    ca('ca');
    ca('rogue');
    leaf('server', 'ca', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    leaf('client', 'ca', 'extendedKeyUsage=clientAuth\n');
    leaf('intruder', 'rogue', 'extendedKeyUsage=clientAuth\n');
    const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
    return {
      'ca.crt': read('ca.crt'),
      'server.crt': read('server.crt'),
      'server.key': read('server.key'),
      'client.crt': read('client.crt'),
      'client.key': read('client.key'),
      'intruder.crt': read('intruder.crt'),
      'intruder.key': read('intruder.key'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
