/**
 * Item #10.4 — reader and signature run on WebCrypto: their entries bundle for a browser (esbuild,
 * platform 'browser': any Node built-in would fail to resolve), no source imports a `node:`
 * module outside reader/pcsc, pkijs is reachable from `signature` only, and the bytes did not
 * change (the virtual card's RSASP1 over a DigestInfo equals WebCrypto's RSASSA-PKCS1-v1_5 over
 * the data; openssl checks both in cms.test.ts / verify.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { unwrap } from '../../src/core/issues/index';
import { concatBytes, createVirtualCpsKey, SHA256_DIGEST_INFO_PREFIX, signDigestInfo } from '../../src/reader/index';
import { buildCmsSignedData, createSoftwareSigner, verifyCmsSignedData } from '../../src/signature/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';

const root = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

async function bundle(entry: string): Promise<{ inputs: string[] }> {
  const r = await build({ entryPoints: [join(root, entry)], bundle: true, platform: 'browser', format: 'esm', write: false, metafile: true, logLevel: 'silent' });
  return { inputs: Object.keys(r.metafile.inputs) };
}

describe('WebCrypto only', () => {
  it('no source of reader (but reader/pcsc) or signature imports a node: module', () => {
    const offenders = [...sources('src/reader'), ...sources('src/signature')]
      .filter((f) => !f.startsWith('src/reader/pcsc/'))
      .filter((f) => /from\s+['"](node:|crypto['"])/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('sesam-billing/reader bundles for a browser without pkijs; sesam-billing/signature bundles for a browser', async () => {
    const reader = await bundle('src/reader/index.ts');
    expect(reader.inputs.some((i) => /node_modules\/(pkijs|asn1js)\//.test(i))).toBe(false);
    const signature = await bundle('src/signature/index.ts');
    expect(signature.inputs.some((i) => /node_modules\/pkijs\//.test(i))).toBe(true);
  }, 60_000);

  it('a PKCS#1 (non PKCS#8) key is a typed issue, not a throw', async () => {
    const r = await createSoftwareSigner({ privateKey: '-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n', certificate: new Uint8Array(10) });
    expectIssue(r, 'SIGNATURE_KEY_INVALID', ['options', 'privateKey']);
    expectIssue(await createSoftwareSigner({ privateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n', certificate: new Uint8Array(10) }), 'SIGNATURE_KEY_INVALID');
  });
});

const key = await createVirtualCpsKey('TEST CLE PROPRIETE');
const signer = unwrap(await createSoftwareSigner({ privateKey: key.privateKey, certificate: key.certificate }));

describe('properties', () => {
  test.prop([fc.uint8Array({ maxLength: 2048 })], { numRuns: runs(25) })(
    'the card side (DigestInfo + RSASP1) and WebCrypto sign(data) give the same bytes',
    async (data) => {
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
      const card = await signDigestInfo(key.privateKey, concatBytes(SHA256_DIGEST_INFO_PREFIX, digest));
      const soft = await signer.signData?.(data);
      expect(soft).toBeDefined();
      expect(Buffer.from(card).equals(Buffer.from(soft as Uint8Array))).toBe(true);
      expect(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key.publicKey, card, data)).toBe(true);
    },
  );
  test.prop([fc.uint8Array({ maxLength: 512 })], { numRuns: runs(10) })('a CMS built with the software signer verifies through pkijs\' engine', async (payload) => {
    const p7s = await buildCmsSignedData(payload, signer, { signingTime: '2025-06-01T08:30:00Z' });
    expect(expectOk(await verifyCmsSignedData(p7s, payload, { trustedCertificates: [key.certificate] })).trusted).toBe(true);
  });
});
