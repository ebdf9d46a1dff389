/**
 * verifyCmsSignedData: our CMS and openssl's (`openssl cms -sign`) verify; a changed content,
 * a changed signature, an unknown authority and an expired certificate are typed issues; random
 * or mutated bytes never throw. Real openssl, throwaway fictitious keys made at test time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createDemoCards, createVirtualCpsKey, openCps } from '../../src/reader/index';
import { buildCmsSignedData, createSoftwareSigner, pemToDer, verifyCmsSignedData } from '../../src/signature/index';
import { unwrap } from '../../src/core/issues/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';

const dir = mkdtempSync(join(tmpdir(), 'sesam-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const openssl = (...args: string[]): void => void execFileSync('openssl', args, { stdio: 'ignore' });
const path = (name: string): string => join(dir, name);

/** A fictitious CA and a leaf signed by it (openssl, at test time). */
function pki(): { caDer: Uint8Array; leafKey: string; leafCert: string } {
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path('ca.key'), '-out', path('ca.crt'), '-days', '3', '-subj', '/C=FR/O=TEST/CN=TEST AUTORITE FICTIVE');
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', path('leaf.key'), '-out', path('leaf.csr'), '-subj', '/C=FR/O=TEST/CN=TEST PS FICTIF');
  openssl('x509', '-req', '-in', path('leaf.csr'), '-CA', path('ca.crt'), '-CAkey', path('ca.key'), '-CAcreateserial', '-out', path('leaf.crt'), '-days', '2');
  return { caDer: pemToDer(readFileSync(path('ca.crt'), 'utf8')), leafKey: readFileSync(path('leaf.key'), 'utf8'), leafCert: readFileSync(path('leaf.crt'), 'utf8') };
}

const content = new TextEncoder().encode('LOT 000042 — fictitious B2 bytes\n');
const { caDer, leafKey, leafCert } = pki();
const signer = unwrap(await createSoftwareSigner({ privateKey: leafKey, certificate: leafCert, id: 'leaf' }));
const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('verifyCmsSignedData', () => {
  it('verifies our CMS and chains the signer to the trusted authority', async () => {
    const p7s = await buildCmsSignedData(content, signer, { signingTime: now });
    const v = expectOk(await verifyCmsSignedData(p7s, content, { trustedCertificates: [caDer] }));
    expect(v).toMatchObject({ trusted: true, signingTime: now });
    expect(v.subject).toContain('CN=TEST PS FICTIF');
    expect(expectOk(await verifyCmsSignedData(p7s, content)).trusted).toBe(false);
  });

  it('verifies a CMS made by openssl cms -sign (interoperability the other way)', async () => {
    writeFileSync(path('content.bin'), content);
    openssl('cms', '-sign', '-binary', '-in', path('content.bin'), '-signer', path('leaf.crt'), '-inkey', path('leaf.key'), '-outform', 'DER', '-out', path('openssl.p7s'), '-md', 'sha256');
    const v = expectOk(await verifyCmsSignedData(readFileSync(path('openssl.p7s')), content, { trustedCertificates: [caDer] }));
    expect(v.subject).toContain('CN=TEST PS FICTIF');
  });

  it('the virtual CPS card signature verifies against its own certificate', async () => {
    const demo = await createDemoCards({ key: await createVirtualCpsKey('TEST CPS4 VIRTUELLE') });
    const cps = expectOk(await openCps(demo.cps.access));
    expectOk(await cps.verifyPin(new TextEncoder().encode(demo.pin)));
    const p7s = await buildCmsSignedData(content, cps.signer, { signingTime: now });
    expectOk(await verifyCmsSignedData(p7s, content, { trustedCertificates: [cps.certificate] }));
  });

  it('a changed content, a changed signature, another authority, an expired certificate are issues', async () => {
    const p7s = await buildCmsSignedData(content, signer, { signingTime: now });
    expectIssue(await verifyCmsSignedData(p7s, new TextEncoder().encode('LOT 000043'), { trustedCertificates: [caDer] }), 'SIGNATURE_DIGEST_MISMATCH', []);
    const broken = Uint8Array.from(p7s);
    broken[broken.length - 5] = (broken[broken.length - 5] as number) ^ 0x01; // inside the RSA signature (last field)
    expectIssue(await verifyCmsSignedData(broken, content), 'SIGNATURE_INVALID', []);
    const other = await createVirtualCpsKey('TEST AUTRE AUTORITE');
    expectIssue(await verifyCmsSignedData(p7s, content, { trustedCertificates: [other.certificate] }), 'SIGNATURE_UNTRUSTED', []);
    expectIssue(await verifyCmsSignedData(p7s, content, { at: '2049-01-01T00:00:00Z' }), 'SIGNATURE_CERTIFICATE_EXPIRED', []);
    expectIssue(await verifyCmsSignedData(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), content), 'SIGNATURE_CMS_INVALID', []);
  });
});

const propKey = await createVirtualCpsKey();
const soft = unwrap(await createSoftwareSigner({ privateKey: propKey.privateKey, certificate: propKey.certificate }));

describe('properties', () => {
  test.prop([fc.uint8Array({ maxLength: 600 })], { numRuns: runs(300) })('never throws on random bytes', async (bytes) => {
    expect((await verifyCmsSignedData(bytes, content)).ok).toBe(false);
  });
  test.prop([fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 })], { numRuns: runs(200) })(
    'a mutated signature never throws and never verifies',
    async (flips) => {
      const p7s = await buildCmsSignedData(content, soft, { signingTime: '2025-06-01T08:30:00Z' });
      const m = Uint8Array.from(p7s);
      for (const [at, x] of flips) m[at % m.length] = (m[at % m.length] as number) ^ x;
      const r = await verifyCmsSignedData(m, content);
      // A flip may land in an unsigned, unchecked zone (the certificate's own signature, a
      // length-preserving tag of an ignored field); then the signature still verifies — but
      // never for another content.
      if (r.ok) expect((await verifyCmsSignedData(m, new TextEncoder().encode('autre contenu'))).ok).toBe(false);
    },
  );
});
