/**
 * Demo stage "cartes": read the beneficiaries from a Vitale 2 card and open the CPS (PIN
 * verified once, counters read first), in-process virtual cards by default or a real reader
 * through pcscd with `--pcsc`. Returns the CPS Securer used to sign the day's invoices.
 */
import { maskNir, unwrap } from '../../core/issues/index';
import type { CardAccess, CarteVitale, CpsSession } from '../../reader/index';
import { createDemoCards, identifyCard, openCps, readCarteVitale } from '../../reader/index';
import type { Securer } from '../../signature/index';
import { createCmsSecurer } from '../../signature/index';
import { renderTable } from '../table';
import type { CliIo } from '../io';

/** What the card stage hands to the next stages. */
export interface CardsStage {
  readonly carte: CarteVitale;
  readonly cps: CpsSession;
  readonly securer: Securer;
  /** The CPS signing certificate (DER): the demo's trust anchor when it verifies its own signatures. */
  readonly certificate: Uint8Array;
  /** Releases the readers (PC/SC context). */
  close(): Promise<void>;
}

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('').toUpperCase();

async function openReaders(io: CliIo, pcsc: boolean): Promise<{ vitale: CardAccess; cps: CardAccess; pin: string; close(): Promise<void> }> {
  if (!pcsc) {
    const demo = await createDemoCards();
    const rows = [demo.vitale, demo.cps].map((r) => {
      const id = identifyCard(r.transport.atr);
      return [r.name, id.label, hex(r.transport.atr)];
    });
    io.out('  Lecteurs (virtuels, en mémoire) :\n' + renderTable([{ title: 'lecteur' }, { title: 'carte' }, { title: 'ATR' }], rows, '    '));
    return { vitale: demo.vitale.access, cps: demo.cps.access, pin: demo.pin, close: async () => undefined };
  }
  const { createPcscClient } = await import('../../reader/pcsc/index');
  const client = await createPcscClient();
  const vitale = await client.waitForCard('vitale', 10_000);
  const cps = await client.waitForCard('cps', 10_000);
  const rows = client.listReaders().map((r) => [r.name, r.label, r.atr ?? '', r.held ? 'occupé' : 'libre']);
  io.out('  Lecteurs PC/SC (pcscd) :\n' + renderTable([{ title: 'lecteur' }, { title: 'carte' }, { title: 'ATR' }, { title: 'état' }], rows, '    '));
  const pin = process.env['SESAM_DEMO_PIN'] ?? '1234';
  return { vitale: client.card(vitale.name), cps: client.card(cps.name), pin, close: () => client.close() };
}

/**
 * Runs the card stage.
 *
 * @param io - Output.
 * @param options - `pcsc` to use pcscd instead of virtual cards.
 * @returns The Vitale content, the opened CPS and its CMS securer.
 */
export async function runCardsStage(io: CliIo, options: { pcsc: boolean }): Promise<CardsStage> {
  io.out('\n━━ 1. Cartes : Vitale du patient, CPS du praticien ━━\n');
  const readers = await openReaders(io, options.pcsc);
  const carte = unwrap(await readCarteVitale(readers.vitale));
  io.out(`  Carte Vitale : ${carte.beneficiaires.length} bénéficiaire(s)\n`);
  // Never a full NIR in output (CNIL, référentiel « cabinets médicaux et paramédicaux », 2020):
  // masked with the library's maskNir, as issues and logs are.
  for (const b of carte.beneficiaires) io.out(`    rang ${b.rang} ${b.prenom} ${b.nom}, né(e) le ${b.dateNaissance ?? b.dateNaissanceCarte}, NIR ${maskNir(b.nir)} (clé vérifiée)\n`);
  const cps = unwrap(await openCps(readers.cps));
  const before = unwrap(await cps.readPinCounters());
  io.out(`  CPS : ${cps.label}, n° de série ${cps.serialNumber}; essais PIN restants ${before.left}/${before.max} (lus avant VERIFY)\n`);
  const pin = new TextEncoder().encode(readers.pin);
  unwrap(await cps.verifyPin(pin));
  io.out(`  PIN vérifié une fois (jamais de nouvel essai automatique) ; tampon du PIN effacé : ${pin.every((b) => b === 0) ? 'oui' : 'NON'}\n`);
  return { carte, cps, securer: createCmsSecurer(cps.signer), certificate: cps.certificate, close: () => readers.close() };
}
