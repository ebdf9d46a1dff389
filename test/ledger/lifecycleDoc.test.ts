import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PART_TRANSITIONS } from '../../src/ledger/index';

describe('docs/guides/invoice-lifecycle.md', () => {
  it('lists exactly the transitions of PART_TRANSITIONS', () => {
    const doc = readFileSync(new URL('../../docs/guides/invoice-lifecycle.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| ([a-z_]+) \| ([a-z_]+) \| ([a-z_]+) \|$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`)
      .filter((r) => r !== 'from event to');
    const table = Object.entries(PART_TRANSITIONS).flatMap(([from, row]) => Object.entries(row).map(([ev, to]) => `${from} ${ev} ${to}`));
    expect(rows.sort()).toEqual(table.sort());
  });
});
