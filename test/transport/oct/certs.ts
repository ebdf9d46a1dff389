/**
 * The OCT tests' PKI, in the shape they read (PEM texts by file name): the simulator's test PKI
 * (src/simulator/services/pki.ts: a CA, a server certificate for localhost, a client certificate,
 * an intruder signed by a rogue CA, made with openssl in a temp dir).
 */
import { createTestPki, hasOpenssl } from '../../../src/simulator/services/index';

/** Whether openssl runs here. */
export const HAS_OPENSSL = hasOpenssl();

/** PEM texts by name: ca.crt, server.crt/key, client.crt/key, intruder.crt/key. */
export type Pki = Readonly<Record<'ca.crt' | 'server.crt' | 'server.key' | 'client.crt' | 'client.key' | 'intruder.crt' | 'intruder.key', string>>;

/** Makes the PKI (its temp dir is removed once the PEM texts are read). */
export function makePki(): Pki {
  const pki = createTestPki();
  try {
    return {
      'ca.crt': pki.ca,
      'server.crt': pki.server.cert,
      'server.key': pki.server.key,
      'client.crt': pki.client.cert,
      'client.key': pki.client.key,
      'intruder.crt': pki.intruder.cert,
      'intruder.key': pki.intruder.key,
    };
  } finally {
    pki.dispose();
  }
}
