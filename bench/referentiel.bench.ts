/**
 * Référentiel file bench (issue #11 §1, §4): what a vendor pays at start-up to load a CCAM
 * version imported with `sesam referentiel import-ccam`, against loading the shipped CCAM alone
 * in the same process (baseline):
 * - baseline: the shipped CCAM as a tariff table (`parseCcamHistory(CCAM_COMPACT)` → `ccamTarifTable`);
 * - `loadCcamFile`: read the file (JSON + compact form), extend the shipped history, make the table;
 * - the lazy path: read, extend, serialize and `indexCcam` (then `withCcam`, acts compiled on use).
 * The "newer" file is CNAM's V78 export named CCAM V82 and dated 2026-07-01 (real size and churn).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlainDate } from '../src/core/date/index';
import { unwrap } from '../src/core/issues/index';
import { CCAM_COMPACT, extendCcamHistory, indexCcam, loadCcamFile, loadShippedCcam, parseReferentielJson, serializeReferentielJson } from '../src/rules/ccam/index';
import { parseCcamHistory, serializeCcamHistory } from '../src/rules/ccam/history';
import { parseCcamCsv } from '../src/rules/ccam/parseCcamCsv';
import { ccamTarifTable } from '../src/rules/ccam/toTable';
import { measure, report } from './harness';

export default function (): void {
  const csv = readFileSync(join(import.meta.dirname, '..', 'data', 'ccam', 'ccam-v78-2025-02-01.csv'), 'utf8');
  const json = serializeReferentielJson(unwrap(parseCcamCsv(csv, { version: 'CCAM V82', applicable: '2026-07-01' as PlainDate })));
  console.log(`  référentiel file: ${(json.length / 1e6).toFixed(2)} MB`);
  const shipped = unwrap(loadShippedCcam());
  const options = { ms: 1500, rounds: 3, batch: 1 };
  report(
    [
      measure('shipped CCAM as a table (baseline)', () => ccamTarifTable(unwrap(parseCcamHistory(CCAM_COMPACT))).rows.length, options),
      measure('loadCcamFile (read + extend the shipped + table)', () => (loadCcamFile(json).ok ? 1 : 0), options),
      measure('lazy: read + extend + indexCcam', () => {
        const file = unwrap(parseReferentielJson(json));
        return unwrap(indexCcam(serializeCcamHistory(unwrap(extendCcamHistory(shipped, file.history))))).size;
      }, options),
    ],
    'loads/s',
  );
}
