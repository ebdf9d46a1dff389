/**
 * A capped DRE through the secured flow on a real SQLite ledger: number → secure (the software
 * securer signs the DRE's own records) → serialize from what the ledger holds → parse back. The
 * file carries the capped amounts, the ledger's secured document keeps the guarantee id.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { euros } from '../../src/core/money/index';
import { plainDate } from '../../src/core/date/index';
import { buildDreFromFse } from '../../src/dre/build';
import { numberAndLotDres } from '../../src/dre/lots';
import { parseB2File } from '../../src/fse/b2/parse';
import { rebuildFile, secureNumbered, serializeLottedFile } from '../../src/fse/ledgerFile';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { expectOk } from '../helpers/expectIssue';
import { createSoftwareSecurer } from '../fse/helpers/softwareSecurer';
import { ATTESTATION, fseWithAmc, GARANTIE } from './fixtures';

const AT = '2025-03-10T18:00:00Z';
const EMITTER = { dateCreation: plainDate('2025-03-10'), marquage: 'T' as const };
const dir = mkdtempSync(join(tmpdir(), 'dre-secure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('secured DRE flow (SQLite ledger)', () => {
  it('signs, writes and rebuilds the capped DRE; the guarantee id stays in the ledger', async () => {
    const store = await createSqliteLedger({ path: join(dir, 'ledger.sqlite'), clock: () => AT });
    const securer = createSoftwareSecurer();
    const dre = expectOk(buildDreFromFse(fseWithAmc([600, 300]), ATTESTATION, { guarantee: { ...GARANTIE, montantGaranti: euros('4.50') } }));
    const lotted = expectOk(await numberAndLotDres(store, [dre]));
    expectOk(await secureNumbered(store, lotted.files, securer, { ...EMITTER, at: AT }));
    const stored = await store.getSecuring(lotted.numbered[0]!.invoice.id, 'dre');
    expect(securer.verify(stored!.securedBytes, stored!.signature)).toBe(true);
    expect(JSON.parse(stored!.document)).toMatchObject({ garantie: { id: 'CLC-TEST-0001', montantGaranti: { centimes: 450 } } });
    const bytes = expectOk(await serializeLottedFile(store, lotted.dreFiles[0]!, EMITTER));
    expect(expectOk(await rebuildFile(store, lotted.dreFiles[0]!.fileId))).toEqual(bytes);
    const file = expectOk(parseB2File(bytes));
    const facture = file.lots[0]!.factures[0]!;
    expect(facture.lignes.map((l) => l.prestation.montantRemboursableAmc)).toEqual([euros('3.00'), euros('1.50')]);
    expect(facture.total.totalRemboursableAmc).toEqual(euros('4.50'));
    await store.close();
  });
});
