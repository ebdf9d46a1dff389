/**
 * Demo cards for `npm run demo` and examples: an in-process virtual Vitale 2 (fictitious
 * beneficiaries, NIRs with a valid key, born "abroad" in the fictitious commune 999) and a
 * virtual CPS4 (PIN '1234', software RSA-2048 key, fictitious self-signed certificate, one
 * modeled situation with the public test values of GIE SESAM-Vitale, cartes de test). Never a real person's data.
 */
import { createVirtualCps } from './cps';
import type { VirtualCps, VirtualCpsKey, VirtualSituation } from './cps';
import type { VirtualCard } from './engine';
import { createVirtualReader } from './reader';
import type { VirtualReader } from './reader';
import { createVirtualVitale } from './vitale';
import type { VirtualBeneficiaire } from './vitale';
import { computeNirKey } from '../../core/ids/index';
import { field, guardObject, guardString } from '../../core/guard/guard';
import { arg } from '../assert';

/** A fictitious NIR (born abroad, country 999) completed with its key: no NIR literal in shipped code. */
const withNirKey = (body: string): string => body + computeNirKey(body);

/** The demo PIN of the virtual CPS (demo only). */
export const DEMO_CPS_PIN = '1234';

/** Fictitious beneficiaries of the demo Vitale card (NIR keys computed, INSEE, NIR (décret n° 82-103 du 22 janvier 1982) ; clé = 97 − (NIR mod 97)). */
export const DEMO_BENEFICIAIRES: readonly VirtualBeneficiaire[] = [
  { nom: 'TESTEUR', prenom: 'JEAN', dateNaissance: '19800115', nir: withNirKey('1800199999001'), nationalite: 'FR' },
  { nom: 'TESTEUR', prenom: 'LINA', dateNaissance: '20120630', nir: withNirKey('2120699999002') },
];

/** Demo situation (public SESAM-Vitale test-card values, GIE SESAM-Vitale, cartes de test; layout MODELED). */
export const DEMO_SITUATION: VirtualSituation = {
  typeIdentification: '0',
  identifiantNational: '991091976',
  nom: 'BIDE',
  prenom: 'JEAN',
  numeroFacturation: '990781056',
  codeConventionnel: '9',
  codeSpecialite: '99',
  secteurActivite: '25',
};

/** The demo readers. */
export interface DemoCards {
  readonly vitale: VirtualReader;
  readonly cps: VirtualReader & { readonly card: VirtualCps };
  /** The PIN of the virtual CPS. */
  readonly pin: string;
}

/**
 * Creates the demo readers: a Vitale 2 and a CPS4, both in-process.
 *
 * @param options - A key (default: the shared fictitious key of virtual CPSs), the PIN.
 * @returns Two virtual readers ('Lecteur Vitale (virtuel)', 'Lecteur CPS (virtuel)'). Async: the
 *   CPS key is generated with WebCrypto when none is given.
 * @throws SesamError `ASSERTION` for malformed options.
 * @example
 * const demo = await createDemoCards();
 * const carte = unwrap(await readCarteVitale(demo.vitale.access));
 */
export async function createDemoCards(options: { readonly key?: VirtualCpsKey; readonly pin?: string } = {}): Promise<DemoCards> {
  const o = arg(options, 'options', (v, p, i) => guardObject(v, p, i));
  const pin = arg(field(o, 'pin'), 'options.pin', (v, p, i) => guardString(v, p, i, { required: false, pattern: /^[0-9]{4,8}$/, expected: '4 à 8 chiffres' }) ?? DEMO_CPS_PIN);
  const key = field(o, 'key') as VirtualCpsKey | undefined;
  const vitaleCard: VirtualCard = createVirtualVitale({ beneficiaires: DEMO_BENEFICIAIRES, debutValidite: '20240101' });
  const cpsCard = await createVirtualCps({ pin, situations: [DEMO_SITUATION], ...(key === undefined ? {} : { key }) });
  const cps = createVirtualReader(cpsCard, 'Lecteur CPS (virtuel)');
  return { vitale: createVirtualReader(vitaleCard, 'Lecteur Vitale (virtuel)'), cps: { ...cps, card: cpsCard }, pin };
}
