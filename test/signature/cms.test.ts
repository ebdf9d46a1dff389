import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, expectTypeOf, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { createDemoCards, createVirtualCpsKey, openCps } from '../../src/reader/index';
import type { CardSigner } from '../../src/reader/index';
import { buildCmsSignedData, createCmsSecurer, createSoftwareSigner, derToPem } from '../../src/signature/index';
import type { Signer } from '../../src/signature/index';
import { unwrap } from '../../src/core/issues/index';
import { expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';

const dir = mkdtempSync(join(tmpdir(), 'sesam-cms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `openssl cms -verify` exactly as LAB §6; returns openssl's stderr (throws when verification fails). */
function opensslVerify(p7s: Uint8Array, payload: Uint8Array, certPem: string, name: string): string {
  const sig = join(dir, `${name}.p7s`);
  const data = join(dir, `${name}.bin`);
  const cert = join(dir, `${name}.pem`);
  writeFileSync(sig, p7s);
  writeFileSync(data, payload);
  writeFileSync(cert, certPem);
  return execFileSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', sig, '-content', data, '-binary', '-CAfile', cert, '-purpose', 'any', '-out', '/dev/null'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  }).toString();
}

function opensslKeyAndCert(): { key: string; cert: string } {
  const key = join(dir, 'sw.key');
  const cert = join(dir, 'sw.crt');
  // Fictitious throwaway test key + self-signed cert, generated at test time.
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/C=FR/O=TEST sesam-billing/CN=TEST SIGNATAIRE LOGICIEL'], { stdio: 'ignore' });
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
}

const payload = new TextEncoder().encode('FSE 0001 — lot 42 — fictitious payload\n');

describe('CMS SignedData', () => {
  it('a software signer (openssl key + cert) produces a CMS that openssl verifies', async () => {
    const { key, cert } = opensslKeyAndCert();
    const signer = unwrap(await createSoftwareSigner({ privateKey: key, certificate: cert, id: 'software-test' }));
    const securer = createCmsSecurer(signer);
    const r = await securer.secure({ payload, kind: 'fse', reference: 'F-0001', at: '2025-03-01T10:00:00Z' });
    expect(r).toMatchObject({ format: 'cms-detached', securerId: 'cms:software-test', at: '2025-03-01T10:00:00Z' });
    expect(() => opensslVerify(r.signature, payload, cert, 'sw')).not.toThrow();
    expect(() => opensslVerify(r.signature, new TextEncoder().encode('tampered'), cert, 'sw-bad')).toThrow();
  });

  it('the virtual CPS card signs an FSE through the Securer port; openssl verifies with the card certificate', async () => {
    const demo = await createDemoCards({ key: await createVirtualCpsKey('TEST CPS4 VIRTUELLE') });
    const cps = expectOk(await openCps(demo.cps.access));
    expectOk(await cps.verifyPin(new TextEncoder().encode(demo.pin)));
    const securer = createCmsSecurer(cps.signer);
    const lot = new TextEncoder().encode('LOT 000042 fictitious');
    const r = await securer.secure({ payload: lot, kind: 'lot', reference: 'L-42', at: '2025-03-01T10:00:00Z' });
    expect(() => opensslVerify(r.signature, lot, derToPem(cps.certificate), 'card')).not.toThrow();
  });

  it('the card signer is a Signer (reader does not import signature)', () => {
    expectTypeOf<CardSigner>().toMatchTypeOf<Signer>();
  });

  it('refuses an out-of-range signing time', async () => {
    const key = await createVirtualCpsKey();
    const signer = unwrap(await createSoftwareSigner({ privateKey: key.privateKey, certificate: key.certificate }));
    await expect(buildCmsSignedData(payload, signer, { signingTime: '2051-01-01T00:00:00Z' })).rejects.toMatchObject({ code: 'ASSERTION' });
  });
});

const propKey = await createVirtualCpsKey();
const propSigner = unwrap(await createSoftwareSigner({ privateKey: propKey.privateKey, certificate: propKey.certificate }));

describe('properties', () => {
  const signer = propSigner;
  test.prop([fc.uint8Array({ maxLength: 512 }), fc.uint8Array({ maxLength: 512 })], { numRuns: runs(15) })(
    'deterministic for the same payload and time; different payloads give different CMS',
    async (a, b) => {
      const at = '2025-06-01T08:30:00Z';
      const x1 = await buildCmsSignedData(a, signer, { signingTime: at });
      const x2 = await buildCmsSignedData(a, signer, { signingTime: at });
      expect(Buffer.from(x1).equals(Buffer.from(x2))).toBe(true);
      if (!Buffer.from(a).equals(Buffer.from(b))) {
        const y = await buildCmsSignedData(b, signer, { signingTime: at });
        expect(Buffer.from(x1).equals(Buffer.from(y))).toBe(false);
      }
    },
  );
});
