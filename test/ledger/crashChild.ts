/**
 * Child process of the crash test: numbers invoices and creates lots against a SQLite file in
 * a loop, until the parent SIGKILLs it. After each commit it acknowledges on stdout
 * (`inv <ps> <numero>`, `lot <id>`), written synchronously so an acknowledgement is never
 * printed for work that was not committed.
 * Usage: node --import tsx test/ledger/crashChild.ts <db path> <seed>
 */
import { writeSync } from 'node:fs';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { nthCare, PS1, PS2 } from './fixtures';

const [path, seedText] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: crashChild <db path> <seed>');
let seed = Number(seedText ?? 1) || 1;
const random = (n: number): number => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed % n;
};
const say = (line: string): void => void writeSync(1, `${line}\n`);

const ledger = await createSqliteLedger({ path });
say('ready');
for (let round = 0; ; round++) {
  const ps = round % 2 === 0 ? PS1 : PS2;
  const ids: string[] = [];
  const batch = 1 + random(4);
  for (let k = 0; k < batch; k++) {
    const next = await ledger.peekInvoiceNumber(ps);
    const r = await ledger.recordInvoice(nthCare(next, { ps }));
    if (!r.ok) throw new Error(r.issues[0].message);
    say(`inv ${ps} ${r.value.numero}`);
    ids.push(r.value.id);
  }
  const fileId = random(2) === 0 ? await ledger.allocateFileId() : undefined;
  const lot = await ledger.createLot({ ps, destinataire: '01751', kind: 'fse', invoiceIds: ids, ...(fileId === undefined ? {} : { fileId }) });
  if (!lot.ok) throw new Error(lot.issues[0].message);
  say(`lot ${lot.value.id}`);
  if (random(3) === 0) {
    const sent = await ledger.markTransmitted({ lotIds: [lot.value.id] });
    if (!sent.ok) throw new Error(sent.issues[0].message);
  }
}
