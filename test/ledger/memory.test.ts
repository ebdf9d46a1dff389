import { createMemoryLedger } from '../../src/ledger/index';
import { describeLedgerContract } from './contract';

describeLedgerContract('memory', async () => createMemoryLedger());
