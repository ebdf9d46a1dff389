/**
 * What only the SQLite adapter does: persistence across reopen, WAL, INTEGER money columns,
 * migrations by user_version, two connections on one file, the NOT_INSTALLED error.
 */
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteLedger, LEDGER_MIGRATIONS, loadSqliteDriver, migrateLedger } from '../../src/ledger/sqlite/index';
import { fromCentimes } from '../../src/core/money/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { dreDraft, nthCare, PS1 } from './fixtures';
import { createTempDir } from './tempDb';

const tmp = createTempDir();
afterAll(() => tmp.remove());

describe('SQLite ledger', () => {
  it('persists numbers across reopen, in WAL, with INTEGER amounts', async () => {
    const path = tmp.path('persist.sqlite');
    const a = await createSqliteLedger({ path });
    const inv = expectOk(await a.recordInvoice(dreDraft({ montants: { total: fromCentimes(3001), amo: fromCentimes(2001), amc: fromCentimes(900), patient: fromCentimes(100) } })));
    await a.close();
    const b = await createSqliteLedger({ path });
    expect(await b.getInvoice(inv.id)).toEqual(inv);
    expect(expectOk(await b.recordInvoice(nthCare(3))).numero).toBe(2);
    await b.close();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(LEDGER_MIGRATIONS.length);
    const types = db.prepare('SELECT typeof(montant_total) t, typeof(montant_amo) a FROM invoices').all();
    expect(types).toEqual([{ t: 'integer', a: 'integer' }, { t: 'integer', a: 'integer' }]);
    expect(db.prepare('SELECT DISTINCT typeof(expected) || typeof(paid) FROM invoice_parts').pluck().all()).toEqual(['integerinteger']);
    db.close();
  });

  it('refuses a REAL amount at the database level (STRICT tables)', () => {
    const db = new Database(tmp.path('strict.sqlite'));
    migrateLedger(db);
    expect(() => db.prepare("INSERT INTO counters (scope, last) VALUES ('x', 1.5)").run()).toThrow(/cannot store REAL/);
    db.close();
  });

  it('migrates forward once and refuses a newer schema', async () => {
    const path = tmp.path('newer.sqlite');
    const db = new Database(path);
    expect(migrateLedger(db)).toBe(LEDGER_MIGRATIONS.length);
    expect(migrateLedger(db)).toBe(LEDGER_MIGRATIONS.length);
    expect(migrateLedger(db, [...LEDGER_MIGRATIONS, 'CREATE TABLE extra (x INTEGER) STRICT;'])).toBe(LEDGER_MIGRATIONS.length + 1);
    db.close();
    await expect(createSqliteLedger({ path })).rejects.toMatchObject({ code: 'STORE' });
  });

  it('serializes two connections numbering the same PS', async () => {
    const path = tmp.path('two.sqlite');
    const [a, b] = [await createSqliteLedger({ path }), await createSqliteLedger({ path })];
    const got = await Promise.all(Array.from({ length: 40 }, (_, k) => (k % 2 === 0 ? a : b).recordInvoice(nthCare(k))));
    expect(got.map((r) => (r.ok ? r.value.numero : 0)).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, k) => k + 1));
    expect(await b.peekInvoiceNumber(PS1)).toBe(41);
    await a.close();
    await b.close();
  });

  it('says NOT_INSTALLED when better-sqlite3 is absent', async () => {
    const missing = async () => {
      throw Object.assign(new Error("Cannot find package 'better-sqlite3'"), { code: 'ERR_MODULE_NOT_FOUND' });
    };
    await expect(loadSqliteDriver(missing)).rejects.toMatchObject({ name: 'SesamError', code: 'NOT_INSTALLED' });
    expect(await loadSqliteDriver()).toBe(Database);
  });

  it('re-keys the active invoices of a schema v1 ledger, so a care billed before the upgrade still blocks', async () => {
    const path = tmp.path('v1.sqlite');
    const db = new Database(path);
    migrateLedger(db, LEDGER_MIGRATIONS.slice(0, 1));
    const old = nthCare(4);
    const insert = (careKey: string, beneficiaire: object, numero: number) => {
      const id = db.prepare(`INSERT INTO invoices (ps, numero, care_key, active, beneficiaire, date_soins, actes, date_facturation, montant_total, montant_amo,
        montant_amc, montant_patient, destinataire_amo, securisation, created_at) VALUES (?, ?, ?, 1, ?, ?, '["G"]', ?, 3000, 2000, 900, 100, '01751', 'S', 't')`)
        .run(PS1, numero, careKey, JSON.stringify(beneficiaire), old.dateSoins, old.dateFacturation).lastInsertRowid;
      db.prepare("INSERT INTO invoice_parts (invoice_id, part, state, expected, updated_at) VALUES (?, 'amo', 'a_emettre', 2000, 't')").run(id);
    };
    insert(`v1|${PS1}|rank-and-date`, old.beneficiaire, 1);
    // The v1 bug: the same care, described with the date only, got a second number; it stays v1.
    insert(`v1|${PS1}|date-only`, { nir: old.beneficiaire.nir, dateNaissance: old.beneficiaire.dateNaissance }, 2);
    insert(`v1|${PS1}|rank-only`, { nir: old.beneficiaire.nir, rang: 2 }, 3);
    db.prepare("INSERT INTO counters (scope, last) VALUES (?, 3)").run(`invoice:${PS1}`);
    db.close();
    const ledger = await createSqliteLedger({ path });
    const dup = await ledger.recordInvoice(old);
    expect(expectIssue(dup, 'LEDGER_DUPLICATE', ['careKey']).received).toBe('000000001');
    const keys = (await ledger.listInvoices()).map((i) => i.careKey.split('|')[0]);
    expect(keys).toEqual(['v2', 'v1', 'v1']);
    await ledger.close();
  });

  it('says STORE when the file cannot be opened', async () => {
    await expect(createSqliteLedger({ path: tmp.path('no/such/dir/x.sqlite') })).rejects.toMatchObject({ code: 'STORE' });
  });
});
