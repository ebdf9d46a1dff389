/**
 * src/cli/dataDir.ts in-process: the laws of the data folder (the child-process checks of
 * `sesam demo --data` are in bin.test.ts). Real files in a temp folder, no mocks.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, test } from '@fast-check/vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { DATA_DIR_MARKER, DATA_DIR_MARKER_HEADER, openDataDir } from '../../src/cli/dataDir';
import { runs } from '../helpers/runs';

const root = mkdtempSync(join(tmpdir(), 'sesam-datadir-'));
let n = 0;
const fresh = (): string => join(root, `case-${n++}`);
afterAll(() => rmSync(root, { recursive: true, force: true })); // the mkdtemp folder of this test

describe('openDataDir', () => {
  it('creates a missing folder with its marker, adopts an empty one, reopens its own', async () => {
    const dir = fresh();
    const a = await openDataDir(dir);
    expect(a.ok).toBe(true);
    expect(readFileSync(join(dir, DATA_DIR_MARKER), 'utf8').split('\n')[0]).toBe(DATA_DIR_MARKER_HEADER);
    expect((await openDataDir(dir)).ok).toBe(true);
    const empty = fresh();
    mkdirSync(empty);
    expect((await openDataDir(empty)).ok).toBe(true);
    expect(existsSync(join(empty, DATA_DIR_MARKER))).toBe(true);
  });

  it('refuses (73) a file, a symlink, a non-empty foreign folder, a folder whose marker is a symlink or foreign', async () => {
    expect(await openDataDir('')).toMatchObject({ ok: false, exit: 64 });
    const file = fresh();
    writeFileSync(file, 'x');
    expect(await openDataDir(file)).toMatchObject({ ok: false, exit: 73 });
    expect(lstatSync(file).isFile()).toBe(true);
    const target = fresh();
    mkdirSync(target);
    const link = fresh();
    symlinkSync(target, link);
    expect(await openDataDir(link)).toMatchObject({ ok: false, exit: 73 });
    const foreign = fresh();
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'a.txt'), 'a');
    expect(await openDataDir(foreign)).toMatchObject({ ok: false, exit: 73 });
    writeFileSync(join(foreign, DATA_DIR_MARKER), 'something else\n');
    expect(await openDataDir(foreign)).toMatchObject({ ok: false, exit: 73 });
    const linked = fresh();
    mkdirSync(linked);
    writeFileSync(join(target, 'm'), `${DATA_DIR_MARKER_HEADER}\n`);
    symlinkSync(join(target, 'm'), join(linked, DATA_DIR_MARKER));
    expect(await openDataDir(linked)).toMatchObject({ ok: false, exit: 73 });
  });

  it('claimFile refuses a file it did not create; paths outside the folder are programmer errors', async () => {
    const dir = fresh();
    const d = await openDataDir(dir, { purpose: 'demo' });
    if (!d.ok) throw new Error(d.message);
    writeFileSync(join(dir, 'ledger.sqlite'), 'user data');
    expect(await d.value.claimFile('ledger.sqlite')).toMatchObject({ ok: false, exit: 73 });
    await expect(d.value.claimFile('../escape')).rejects.toMatchObject({ name: 'SesamError', code: 'ASSERTION' });
    await expect(d.value.claimFile(DATA_DIR_MARKER)).rejects.toMatchObject({ code: 'ASSERTION' });
    await d.value.reset();
    expect(readFileSync(join(dir, 'ledger.sqlite'), 'utf8')).toBe('user data');
  });

  it('reset unlinks a listed symlink, never its target', async () => {
    const dir = fresh();
    const outside = fresh();
    writeFileSync(outside, 'keep');
    const d = await openDataDir(dir, { purpose: 'demo' });
    if (!d.ok) throw new Error(d.message);
    const p = await d.value.claimFile('x.b2');
    if (!p.ok) throw new Error(p.message);
    symlinkSync(outside, p.value);
    await d.value.reset();
    expect(existsSync(p.value)).toBe(false);
    expect(readFileSync(outside, 'utf8')).toBe('keep');
  });
  it('reset never follows a listed sub-folder that was replaced by a symlink', async () => {
    const dir = fresh();
    const elsewhere = fresh();
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'a.b2'), 'user file with a claimed name');
    const d = await openDataDir(dir, { purpose: 'demo' });
    if (!d.ok) throw new Error(d.message);
    const sub = await d.value.claimDir('fichiers');
    const f = await d.value.claimFile(join('fichiers', 'a.b2'));
    if (!sub.ok || !f.ok) throw new Error('claim');
    writeFileSync(f.value, 'ours');
    rmSync(sub.value, { recursive: true }); // test-created folder
    symlinkSync(elsewhere, sub.value);
    await d.value.reset();
    expect(readFileSync(join(elsewhere, 'a.b2'), 'utf8')).toBe('user file with a claimed name');
  });
});

describe('properties', () => {
  const name = fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/);
  // Law: reset deletes exactly what was claimed; every file someone else put there survives,
  // including inside a claimed sub-folder, and the folder can be reopened after a reset.
  test.prop([fc.uniqueArray(name, { maxLength: 6 }), fc.uniqueArray(name, { maxLength: 6 }), fc.boolean()], { numRuns: runs(25) })(
    'reset deletes only claimed paths',
    async (claimed, user, inSub) => {
      const dir = fresh();
      const d = await openDataDir(dir, { purpose: 'demo' });
      if (!d.ok) throw new Error(d.message);
      const sub = await d.value.claimDir('fichiers');
      if (!sub.ok) throw new Error(sub.message);
      const ours: string[] = [];
      for (const c of claimed) {
        const p = await d.value.claimFile(join('fichiers', `${c}.b2`));
        if (!p.ok) throw new Error(p.message);
        writeFileSync(p.value, c);
        ours.push(p.value);
      }
      const theirs = user.map((u) => join(inSub ? sub.value : dir, `${u}.user`));
      for (const t of theirs) writeFileSync(t, 'mine');
      const r = await d.value.reset();
      for (const o of ours) expect(existsSync(o)).toBe(false);
      for (const t of theirs) expect(readFileSync(t, 'utf8')).toBe('mine');
      expect(existsSync(sub.value)).toBe(inSub && theirs.length > 0);
      expect(r.kept.length).toBe(inSub && theirs.length > 0 ? 1 : 0);
      expect((await openDataDir(dir)).ok).toBe(true);
    },
  );
  // A practice's billing folder is never cleaned by a demo run pointed at it by mistake.
  it('the demo refuses a billing folder; a billing command turns a demo folder into a billing one', async () => {
    const billing = fresh();
    const b = await openDataDir(billing);
    if (!b.ok) throw new Error(b.message);
    expect(b.value.purpose).toBe('billing');
    const ledger = await b.value.claimFile('ledger.sqlite');
    if (!ledger.ok) throw new Error(ledger.message);
    writeFileSync(ledger.value, 'invoices');
    const refused = await openDataDir(billing, { purpose: 'demo' });
    expect(refused).toMatchObject({ ok: false, exit: 73 });
    if (!refused.ok) expect(refused.message).toMatch(/billing data/);
    await expect(b.value.reset()).rejects.toMatchObject({ code: 'ASSERTION' });
    expect(readFileSync(ledger.value, 'utf8')).toBe('invoices');

    const demo = fresh();
    const d = await openDataDir(demo, { purpose: 'demo' });
    if (!d.ok) throw new Error(d.message);
    const f = await d.value.claimFile('ledger.sqlite');
    if (!f.ok) throw new Error(f.message);
    writeFileSync(f.value, 'demo');
    // `sesam lot --data <the demo folder>` adopts it: from then on the demo refuses it, and a
    // demo opened before that does not clean it either.
    expect((await openDataDir(demo)).ok).toBe(true);
    expect(readFileSync(join(demo, DATA_DIR_MARKER), 'utf8')).toMatch(/^#purpose: billing$/m);
    expect(await openDataDir(demo, { purpose: 'demo' })).toMatchObject({ ok: false, exit: 73 });
    await expect(d.value.reset()).rejects.toMatchObject({ code: 'ASSERTION' });
    expect(readFileSync(f.value, 'utf8')).toBe('demo');
  });

  it('a marker written before purposes (no purpose line) is a demo folder', async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, DATA_DIR_MARKER), `${DATA_DIR_MARKER_HEADER}\n# old note\nfichiers/\n`);
    const d = await openDataDir(dir, { purpose: 'demo' });
    if (!d.ok) throw new Error(d.message);
    expect(d.value.purpose).toBe('demo');
    await d.value.reset();
    expect(readFileSync(join(dir, DATA_DIR_MARKER), 'utf8')).toMatch(/^#purpose: demo$/m);
  });
});
