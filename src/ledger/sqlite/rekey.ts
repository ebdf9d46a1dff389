/**
 * Upgrade of the duplicate keys of a ledger written before schema v2: active invoices keyed
 * `v1|…` (NIR + rang and/or date de naissance, as given) are re-keyed with `computeCareKeys`
 * (NIR assuré + date de naissance + rang; person key), so a care billed before the upgrade still
 * blocks the same care billed after it. An invoice without a date de naissance keeps its v1 key
 * (it cannot be re-keyed); when two old invoices turn out to bill the same care (the very bug
 * the v2 keys fix), the first keeps the key and the other keeps its v1 key, untouched.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { PlainDate } from '../../core/date/index';
import { computeCareKeys } from '../careKey';
import type { BeneficiaireKey } from '../model';

interface V1Row {
  id: number;
  ps: string;
  beneficiaire: string;
  date_soins: string;
  actes: string;
}

/**
 * Re-keys the active v1 invoices of a migrated database, in one transaction.
 *
 * @param db - An open database at schema v2 or later.
 * @returns How many invoices were re-keyed.
 */
export function rekeyV1CareKeys(db: BetterSqlite3.Database): number {
  const rows = db.prepare("SELECT id, ps, beneficiaire, date_soins, actes FROM invoices WHERE active = 1 AND care_key LIKE 'v1|%' ORDER BY id").all() as V1Row[];
  if (rows.length === 0) return 0;
  const taken = db.prepare('SELECT 1 FROM invoices WHERE active = 1 AND (care_key = ? OR person_key = ?)').pluck();
  const update = db.prepare('UPDATE invoices SET care_key = ?, person_key = ? WHERE id = ?');
  let done = 0;
  db.transaction(() => {
    for (const row of rows) {
      const keys = computeCareKeys({
        ps: row.ps,
        beneficiaire: JSON.parse(row.beneficiaire) as BeneficiaireKey,
        dateSoins: row.date_soins as PlainDate,
        actes: JSON.parse(row.actes) as string[],
      });
      if (!keys.ok) continue;
      const person = keys.value.personKey ?? null;
      if (taken.get(keys.value.careKey, person ?? keys.value.careKey) !== undefined) continue;
      update.run(keys.value.careKey, person, row.id);
      done++;
    }
  }).immediate();
  return done;
}
