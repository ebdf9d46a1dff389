/**
 * A virtual card in its own process, plugged into pcscd's vpcd driver (LAB §3).
 * Usage: node --import tsx test/e2e/support/cardProcess.ts <vitale|cps> <port> [pin]
 * Prints READY once connected; pulls the card and exits on SIGTERM/SIGINT.
 */
import { connectVirtualCardToVpcd } from '../../../src/reader/pcsc/index';
import { createVirtualCps, createVirtualVitale, DEMO_BENEFICIAIRES, DEMO_SITUATION } from '../../../src/reader/index';

const [kind = 'vitale', port = '35963', pin = '1234'] = process.argv.slice(2);
const card = kind === 'cps' ? await createVirtualCps({ pin, situations: [DEMO_SITUATION] }) : createVirtualVitale({ beneficiaires: DEMO_BENEFICIAIRES, debutValidite: '20240101' });
const plugged = await connectVirtualCardToVpcd(card, { port: Number(port), timeoutMs: 15_000 });
process.stdout.write('READY\n');
const stop = () => void plugged.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Exit if the parent goes away (stdin closes), so no card process is ever left behind.
process.stdin.resume();
process.stdin.on('end', stop);
