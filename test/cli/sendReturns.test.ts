/**
 * `sesam lot`, `sesam send`, `sesam returns fetch`, run as users run them (the BUILT bin in child
 * processes, asynchronously: the local caisse runs in this process) against the local caisse
 * (SMTP on loopback) and a real dovecot (IMAP and POP3): lot → send → the caisse answers ARL and
 * NOEMIE into the practice's mailbox → returns fetch → reconcile; idempotent re-runs; `--json`
 * documents; an unreachable server exits 69 with one line. Fictitious data only.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDataDir } from '../../src/cli/dataDir';
import { unwrap } from '../../src/core/issues/index';
import type { Fse } from '../../src/fse/index';
import { invoiceDraftOf } from '../../src/fse/index';
import { createSqliteLedger } from '../../src/ledger/sqlite/index';
import type { LocalCaisse, ManualScheduler, TestDovecot } from '../../src/simulator/caisse/index';
import { createImapAppendMailbox, createManualScheduler, hasDovecotPop3, startDovecot, startLocalCaisse } from '../../src/simulator/caisse/index';
import { BUILT_BIN, ensureBuilt, ROOT } from '../helpers/built';

const tmp = mkdtempSync(join(tmpdir(), 'sesam-send-'));
const FSE_INPUT = join(ROOT, 'test', 'fixtures', 'cli', 'fse-input.json');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function sesam(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BUILT_BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : null;
      resolve({ code, out: stdout, err: stderr });
    });
  });
}

interface Doc {
  schema: number;
  ok: boolean;
  command: string;
  exit: number;
  result?: Record<string, unknown>;
  issues: { code: string; severity: string; message: string }[];
}

async function json(args: readonly string[], command: string, env: Readonly<Record<string, string>> = {}): Promise<Doc & { code: number | null; err: string }> {
  const r = await sesam([...args, '--json'], env);
  const lines = r.out.split('\n').filter((l) => l !== '');
  expect(lines, r.out + r.err).toHaveLength(1);
  const doc = JSON.parse(lines[0] ?? '') as Doc;
  expect(doc).toMatchObject({ schema: 1, command, exit: r.code, ok: r.code === 0 });
  return { ...doc, code: r.code, err: r.err };
}

/** A data folder with a ledger holding `fses` as pending invoices (recorded with their FSE as payload). */
async function pendingLedger(name: string, fses: readonly Fse[]): Promise<string> {
  const dir = join(tmp, name);
  expect((await openDataDir(dir)).ok).toBe(true);
  const ledger = await createSqliteLedger({ path: join(dir, 'ledger.sqlite'), clock: () => '2025-03-12T09:00:00.000Z' });
  for (const fse of fses) unwrap(await ledger.recordInvoice({ ...unwrap(invoiceDraftOf(fse)), payload: JSON.stringify(fse) }));
  await ledger.close();
  return dir;
}

async function mailboxCount(dovecot: TestDovecot, user: string): Promise<number> {
  const c = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, auth: { user, pass: dovecot.pass }, logger: false });
  await c.connect();
  const s = await c.status('INBOX', { messages: true });
  await c.logout();
  return s === false ? 0 : (s.messages ?? 0);
}

const pop3 = hasDovecotPop3();

describe.skipIf(!pop3)(`sesam lot / send / returns fetch (built bin, local caisse, dovecot)${pop3 ? '' : ' (skipped: dovecot-imapd / dovecot-pop3d missing)'}`, () => {
  let dovecot: TestDovecot;
  let caisse: LocalCaisse;
  let scheduler: ManualScheduler;
  let fses: Fse[];

  beforeAll(async () => {
    await ensureBuilt();
    // Two invoices of the fixture's PS on two days (no duplicate care).
    const input = JSON.parse(readFileSync(FSE_INPUT, 'utf8')) as { facture: { dateFacturation: string; lignes: { date: string }[] } };
    const second = structuredClone(input);
    second.facture.dateFacturation = '2025-03-11';
    for (const l of second.facture.lignes) l.date = '2025-03-11';
    writeFileSync(join(tmp, 'batch.json'), JSON.stringify([input, second]));
    const built = JSON.parse((await sesam(['fse', 'build', join(tmp, 'batch.json'), '--today', '2025-03-12', '--json'])).out) as { result: { fse: { fse: Fse }[] } };
    fses = built.result.fse.map((x) => x.fse);
    expect(fses).toHaveLength(2);
    dovecot = await startDovecot({ pop3: true });
    scheduler = unwrap(createManualScheduler('2025-03-12T17:30:00.000Z'));
    const mailbox = unwrap(createImapAppendMailbox({ host: '127.0.0.1', port: dovecot.port, login: (address) => ({ user: address.split('@')[0] ?? 'x', pass: dovecot.pass }) }));
    caisse = unwrap(await startLocalCaisse({ mailbox, scheduler, arlDelayMs: 60_000, noemieDelayMs: 3_600_000 }));
  }, 700_000);
  afterAll(async () => {
    await caisse?.close();
    await dovecot?.stop();
    rmSync(tmp, { recursive: true, force: true }); // only this test's mkdtemp folder
  });

  it('IMAP: lot → send (server down: 69, queued; then sent once) → the caisse answers → returns fetch --reconcile; re-runs change nothing', async () => {
    const data = await pendingLedger('imap', fses);
    const lot = await json(['lot', '--data', data, '--today', '2025-03-12'], 'lot');
    expect(lot.code, lot.err).toBe(0);
    const files = lot.result?.['files'] as { fileId: string; path: string; lots: { invoices: number[]; mode: string }[] }[];
    expect(files).toHaveLength(1);
    expect(files[0]!.lots.flatMap((l) => l.invoices).sort()).toEqual([1, 2]);
    expect(readFileSync(files[0]!.path).subarray(0, 3).toString('latin1')).toBe('000');
    expect(readFileSync(join(data, '.sesam-billing-data'), 'utf8')).toContain(`fichiers/`);
    // Nothing pending any more.
    expect((await json(['lot', '--data', data], 'lot')).result?.['files']).toEqual([]);

    const args = ['send', '--data', data, '--from', 'cabinet-a@cabinet.test', '--to', 'cpam@caisse.test'];
    const down = await sesam([...args, '--smtp', 'smtp://127.0.0.1:1']);
    expect(down.code).toBe(69);
    expect(down.err.trim().split('\n')).toHaveLength(1);
    expect(down.err).toMatch(/^sesam send: SMTP server 127\.0\.0\.1:1 unavailable .*1 file\(s\) kept in the queue/);
    const sent = await json([...args, '--smtp', `smtp://127.0.0.1:${caisse.port}`], 'send');
    expect(sent.code, sent.err).toBe(0);
    expect((sent.result?.['sent'] as { fileId: string }[]).map((s) => s.fileId)).toEqual([files[0]!.fileId]);
    expect(sent.result?.['transmitted']).toEqual([files[0]!.fileId]);
    const again = await json([...args, '--smtp', `smtp://127.0.0.1:${caisse.port}`], 'send');
    expect(again.result).toMatchObject({ sent: [], queued: 0, retrying: [], failed: [] });
    expect(caisse.stats().files).toBe(1);

    await scheduler.advance(3_600_000);
    await caisse.settled();
    expect(await mailboxCount(dovecot, 'cabinet-a')).toBe(2);
    const env = { SESAM_IMAP_PASS: dovecot.pass };
    const fetched = await json(['returns', 'fetch', '--data', data, '--imap', `imap://cabinet-a@127.0.0.1:${dovecot.port}`, '--reconcile'], 'returns fetch', env);
    expect(fetched.code, JSON.stringify(fetched.issues)).toBe(0);
    expect(fetched.result).toMatchObject({ protocol: 'imap', fetched: 2, duplicates: 0 });
    expect((fetched.result?.['files'] as { kind: string }[]).map((f) => f.kind).sort()).toEqual(['arl', 'noemie']);
    const rec = fetched.result?.['reconcile'] as { matched: unknown[]; arls: unknown[] };
    expect(rec.matched).toHaveLength(2);
    expect(rec.arls).toHaveLength(1);
    for (const f of fetched.result?.['files'] as { path: string }[]) expect(existsSync(f.path)).toBe(true);
    // IMAP: flagged, never deleted; a second fetch stores nothing.
    expect(await mailboxCount(dovecot, 'cabinet-a')).toBe(2);
    const twice = await json(['returns', 'fetch', '--data', data, '--imap', `imap://cabinet-a@127.0.0.1:${dovecot.port}`, '--reconcile'], 'returns fetch', env);
    expect(twice.result).toMatchObject({ fetched: 0, files: [] });
    const text = await sesam(['returns', 'fetch', '--data', data, '--imap', `imap://cabinet-a@127.0.0.1:${dovecot.port}`], env);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/0 retour\(s\) relevé\(s\) par IMAP/);
    expect(text.out + text.err).not.toContain(dovecot.pass);
  }, 300_000);

  it('POP3: lot → send → returns fetch --pop3 --reconcile; stored returns are deleted from the server only after being stored', async () => {
    const data = await pendingLedger('pop3', [fses[0]!]);
    expect((await json(['lot', '--data', data, '--today', '2025-03-12'], 'lot')).code).toBe(0);
    // Another practice's Message-IDs (its own domain): its file 000001 is not the first one's.
    const sent = await json(['send', '--data', data, '--smtp', `smtp://127.0.0.1:${caisse.port}`, '--from', 'cabinet-b@cabinet-b.test', '--to', 'cpam@caisse.test'], 'send');
    expect((sent.result?.['sent'] as unknown[]).length).toBe(1);
    await scheduler.advance(3_600_000);
    await caisse.settled();
    expect(await mailboxCount(dovecot, 'cabinet-b')).toBe(2);
    const env = { SESAM_POP3_PASS: dovecot.pass };
    const url = `pop3://cabinet-b@127.0.0.1:${dovecot.pop3Port}`;
    const fetched = await json(['returns', 'fetch', '--data', data, '--pop3', url, '--reconcile'], 'returns fetch', env);
    expect(fetched.code, JSON.stringify(fetched.issues)).toBe(0);
    expect(fetched.result).toMatchObject({ protocol: 'pop3', fetched: 2 });
    expect((fetched.result?.['reconcile'] as { matched: unknown[] }).matched).toHaveLength(1);
    expect(await mailboxCount(dovecot, 'cabinet-b')).toBe(0);
    expect((await json(['returns', 'fetch', '--data', data, '--pop3', url], 'returns fetch', env)).result).toMatchObject({ fetched: 0 });
  }, 300_000);

  it('unreachable mailbox: 69 with one line; credentials never in the URL; usage errors 64', async () => {
    const data = await pendingLedger('errors', []);
    const down = await sesam(['returns', 'fetch', '--data', data, '--pop3', 'pop3://ps@127.0.0.1:1'], { SESAM_POP3_PASS: 'hush-secret' });
    expect(down.code).toBe(69);
    expect(down.err.trim().split('\n')).toHaveLength(1);
    expect(down.err).toMatch(/^sesam returns fetch: mailbox POP3 127\.0\.0\.1:1 unreachable/);
    expect(down.err).not.toContain('hush-secret');
    const imapDown = await json(['returns', 'fetch', '--data', data, '--imap', 'imap://ps@127.0.0.1:1'], 'returns fetch', { SESAM_IMAP_PASS: 'x' });
    expect(imapDown.code).toBe(69);
    expect(imapDown.issues.map((i) => i.code)).toContain('CLI_UNAVAILABLE');
    const inUrl = await sesam(['returns', 'fetch', '--data', data, '--imap', 'imap://ps:hush-secret@127.0.0.1:1']);
    expect(inUrl.code).toBe(64);
    expect(inUrl.err).not.toContain('hush-secret');
    expect((await sesam(['returns', 'fetch', '--data', data])).code).toBe(64);
    expect((await sesam(['returns', 'fetch', '--data', data, '--imap', 'imap://127.0.0.1:1'])).code).toBe(64); // no credentials
    expect((await sesam(['send', '--data', data])).code).toBe(64); // --smtp missing
    expect((await sesam(['send', '--data', data, '--smtp', 'http://x', '--from', 'a@b.c'])).code).toBe(64);
    expect((await sesam(['send', '--data', join(tmp, 'none'), '--smtp', 'smtp://127.0.0.1:1', '--from', 'a@b.c'])).code).toBe(66);
    expect((await sesam(['lot', '--data', data, '--today', '2025-13-01'])).code).toBe(64);
    // Nothing queued, nothing to send: 0 without touching the network.
    expect((await json(['send', '--data', data, '--smtp', 'smtp://127.0.0.1:1', '--from', 'a@b.c'], 'send')).code).toBe(0);
  }, 120_000);
});
