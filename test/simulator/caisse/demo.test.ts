/**
 * `npm run demo`, teletransmission stage (issue 12 §5): the lots go by SMTP to the local caisse,
 * ARL and NOEMIE come back over IMAP from dovecot and are reconciled; without dovecot the demo
 * falls back to an in-process mailbox and says so; the SCOR pièces it sends are PDF/A-1b for
 * PDFBox Preflight (the oracle, when installed).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { findDovecot } from '../../../src/simulator/caisse/index';
import { PREFLIGHT, preflight } from '../../helpers/preflight';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out: () => out.join(''), err: () => err.join('') };
}

const dirs: string[] = [];
const saved = process.env['DOVECOT_BIN'];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  if (saved === undefined) delete process.env['DOVECOT_BIN'];
  else process.env['DOVECOT_BIN'] = saved;
});

async function demo(): Promise<{ out: string; err: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'sesam-demo-caisse-'));
  dirs.push(dir);
  const c = capture();
  expect(await runCli(['demo', '--data', dir, '--days', '1'], c.io)).toBe(0);
  return { out: c.out(), err: c.err(), dir };
}

function expectTeletransmitted(out: string): void {
  expect(out).toMatch(/━━ 4\. Télétransmission/);
  expect(out).toMatch(/6 fichiers B2 \(7 lots\) et 4 pièces SCOR PDF\/A-1b envoyés par SMTP à la caisse locale \(127\.0\.0\.1:\d+\) : 10 acceptés, 0 incident/);
  expect(out).toMatch(/pièces SCOR reçues par la caisse : 4, 4 conformes/);
  expect(out).toMatch(/6 positif\(s\), 0 négatif/);
  expect(out).toMatch(/NOEMIE 580 relevés.* : 6 retour\(s\)/);
  expect(out).toMatch(/partiellement payée/);
  expect(out).toMatch(/rejetée/);
  expect(out).toMatch(/retenue IND\/RPR/);
  expect(out).toMatch(/confiance forte/);
}

describe('demo: teletransmission to the local caisse', () => {
  it.skipIf(findDovecot() === undefined)('over SMTP and IMAP (dovecot started for the run, stopped after)', async () => {
    const { out, err } = await demo();
    expect(err).toBe('');
    expect(out).toMatch(/boîte aux lettres du cabinet : dovecot \(IMAP\) sur 127\.0\.0\.1:\d+, PID \d+/);
    expect(out).toMatch(/ARL relevés par IMAP/);
    expectTeletransmitted(out);
    const pid = Number(/PID (\d+)/.exec(out)?.[1]);
    expect(() => process.kill(pid, 0)).toThrow(); // stopped
  }, 300_000);

  it('without dovecot: an in-process mailbox, said so; the same answers', async () => {
    process.env['DOVECOT_BIN'] = '/nonexistent/dovecot';
    const { out, err, dir } = await demo();
    expect(err).toBe('');
    expect(out).toMatch(/en mémoire, dans ce processus \(dovecot absent ou arrêté : pas d’IMAP\)/);
    expectTeletransmitted(out);
    const pdfs = readdirSync(join(dir, 'fichiers')).filter((f) => f.startsWith('SCOR_') && f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(4);
    if (PREFLIGHT.available) {
      const verdicts = preflight(Object.fromEntries(pdfs.map((f) => [f, new Uint8Array(readFileSync(join(dir, 'fichiers', f)))])));
      for (const [f, v] of Object.entries(verdicts)) expect(v.valid, `${f}: ${v.errors}`).toBe(true);
    }
  }, 300_000);
});
