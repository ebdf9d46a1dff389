/**
 * Any CCAM act dated 2025–2026 prices at CNAM's published base in both secteurs: random rows of
 * the shipped table (V78 + V81), priced on a random day of their period, give the row's tariff
 * as base (secteur 1 / OPTAM column for secteurs 1 and 2-optam, hors OPTAM for secteur 2).
 */
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import type { PlainDate } from '../../../src/core/date/index';
import { fromEpochDays, toEpochDays } from '../../../src/core/date/index';
import { parseMoney } from '../../../src/core/money/index';
import type { Secteur, TarifRow } from '../../../src/rules/index';
import { shippedCcamTable } from '../../../src/rules/ccam/index';
import { expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import { d, facture, ps, run } from './helpers';

const rows: readonly TarifRow[] = expectOk(shippedCcamTable()).rows.filter((r) => r.prix !== null && r.priseEnCharge !== false);
const FIRST = toEpochDays(d('2025-02-01'));
const LAST = toEpochDays(d('2026-12-31'));

describe('properties', () => {
  test.prop([fc.integer({ min: 0, max: rows.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()], { numRuns: runs(300) })(
    'a shipped row prices at its CNAM tariff on any day of its period',
    (k, at, second) => {
      const row = rows[k] as TarifRow;
      const from = Math.max(FIRST, toEpochDays(row.validFrom as PlainDate));
      const to = Math.min(LAST, row.validTo === undefined ? LAST : toEpochDays(row.validTo));
      const date = fromEpochDays(from + Math.floor(at * (to - from)));
      const secteurs = row.secteurs ?? ['1'];
      const secteur = (secteurs.length > 1 && second ? secteurs[1] : secteurs[0]) as Secteur;
      const [code = '', activite, phase] = row.code.split('/');
      const line: Record<string, unknown> = { code, date };
      if (activite !== undefined) line['activite'] = activite;
      if (phase !== undefined) line['phase'] = phase;
      const r = run(facture([line], { ps: ps('01', { secteur }) }));
      const dec = expectOk(r);
      expect(dec.lignes[0]!.baseRemboursement.centimes, `${row.code} ${date} secteur ${secteur}`).toBe(expectOk(parseMoney(row.prix as string)).centimes);
      const l = dec.lignes[0]!;
      expect(l.partAmo.centimes + l.partAmc.centimes + l.resteACharge.centimes).toBe(l.montantFacture.centimes);
    },
  );
});
