import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../src/core/date/index';
import { unwrap } from '../../../src/core/index';
import { createMemoryLedger } from '../../../src/ledger/index';
import { runReturnsDemo } from '../../../src/simulator/returnsDemo';
import { buildSimulatedReturns } from '../../../src/simulator/returns';
import { expectIssue } from '../../helpers/expectIssue';
import { fixedClock, PS1, seedTransmitted } from './setup';

describe('returns demo stage', () => {
  it('prints the reconciliation, the follow-up and the watchdog', async () => {
    const ledger = createMemoryLedger({ clock: fixedClock() });
    await seedTransmitted(ledger, 5);
    let text = '';
    const r = unwrap(await runReturnsDemo(ledger, { ps: PS1, date: plainDate('2025-03-14'), today: plainDate('2025-04-20'), out: (t) => (text += t) }));
    expect(r.report.rejected).toHaveLength(1);
    expect(r.report.partiallyPaid).toHaveLength(1);
    expect(r.report.payments?.matches).toHaveLength(1);
    expect(text).toContain('Suivi tiers payant');
    expect(text).toContain('MOD1');
    expect(r.watchdog.alerts.map((a) => a.kind).sort()).toEqual(['partiellement_payee', 'rejetee']);
  });
  it('refuses to simulate when nothing was transmitted', async () => {
    const ledger = createMemoryLedger({ clock: fixedClock() });
    expectIssue(await buildSimulatedReturns(ledger, { ps: PS1, date: plainDate('2025-03-14') }), 'RECONCILE_SIMULATOR_EMPTY');
  });
});
