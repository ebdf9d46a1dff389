import { afterAll } from 'vitest';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import { describeLedgerContract } from './contract';
import { createTempDir } from './tempDb';

const tmp = createTempDir();
afterAll(() => tmp.remove());
let n = 0;
describeLedgerContract('sqlite', async () => createSqliteLedger({ path: tmp.path(`contract-${++n}.sqlite`) }));
