/**
 * The pure part of the local caisse (no network): the seeded script, the answer to a file (ARL +
 * NOEMIE), the MIME reader of what a PMS submits, and the manual scheduler.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { compare, isZero, sum, ZERO } from '../../../src/core/money/index';
import { decodeModeledArl } from '../../../src/noemie/arl/modeledDecoder';
import { parseNoemie } from '../../../src/noemie/parseNoemie';
import { composeReturnMail } from '../../../src/simulator/caisse/node/compose';
import { buildCaisseAnswer, computeDraw, computeFileOutcome, computeInvoiceOutcome, createImapAppendMailbox, createManualScheduler, computeRejectCode, parseMimeMessage, startLocalCaisse } from '../../../src/simulator/caisse/index';
import type { CaisseScript } from '../../../src/simulator/caisse/index';
import { expectIssue, expectOk } from '../../helpers/expectIssue';
import { runs } from '../../helpers/runs';
import type { DayFile } from './helpers';
import { buildDay, dateAfter } from './helpers';

let files: DayFile[] = [];
beforeAll(async () => {
  files = (await buildDay({ files: 3, perFile: 4, dre: true })).files;
}, 60_000);

describe('script', () => {
  it('explicit outcomes win over the draw; no weights means normal / paid', () => {
    const s: CaisseScript = { seed: 1, files: { A00001: 'retour-perdu' }, invoices: { '1/2': 'rejetee' } };
    expect(computeFileOutcome(s, 'A00001')).toBe('retour-perdu');
    expect(computeFileOutcome(s, 'A00002')).toBe('normal');
    expect(computeInvoiceOutcome(s, '1', 2)).toBe('rejetee');
    expect(computeInvoiceOutcome(s, '1', 3)).toBe('payee');
    expect(computeFileOutcome({ seed: 1, fileWeights: { normal: 0 } }, 'X')).toBe('normal');
  });
});

describe('buildCaisseAnswer', () => {
  it('a positive ARL listing the lots, and a NOEMIE 580 that reads back without issue', () => {
    const f = files[0]!;
    const a = expectOk(buildCaisseAnswer(f.bytes, { script: { seed: 5, invoiceWeights: { payee: 1, partielle: 1, rejetee: 1 } }, received: dateAfter(1), returned: dateAfter(3) }));
    expect(a.fileId).toBe(f.fileId);
    expect(a.kind).toBe('fse');
    expect(a.arl.statut).toBe('positif');
    expect(a.arl.lots.map((l) => l.nombreFactures)).toEqual([4]);
    expect(expectOk(decodeModeledArl(a.arlBytes))).toEqual(a.arl);
    const noemie = parseNoemie(a.noemieBytes!);
    expect(noemie.issues).toEqual([]);
    expect(expectOk(noemie).header.dateCreation).toBe(dateAfter(3));
    expect(a.invoices).toHaveLength(4);
    expect(a.invoices.filter((i) => i.outcome === 'rejetee').every((i) => /^MOD\d$/.test(i.codeRejet ?? ''))).toBe(true);
  });

  it('a DRE file is answered by the OCT (199, type émetteur OC)', () => {
    const f = files.find((x) => x.kind === 'dre')!;
    const a = expectOk(buildCaisseAnswer(f.bytes, { script: { seed: 5 }, received: dateAfter(1) }));
    expect(a.kind).toBe('dre');
    expect(a.noemie?.header.typeEmetteur).toBe('OC');
    expect(a.noemie?.entities.filter((e) => e.entity === '199')).toHaveLength(4);
  });

  it('bytes the B2 parser refuses: a negative ARL naming the first issue', () => {
    const a = expectOk(buildCaisseAnswer(new Uint8Array(300), { script: { seed: 1 }, received: dateAfter(1) }));
    expect(a.outcome).toBe('arl-negatif');
    expect(a.arl.motif?.code).toBe('MOD9');
    expect(a.noemieCopies).toBe(0);
    expect(a.parseIssues.length).toBeGreaterThan(0);
  });

  it('arguments of the wrong shape are INPUT_* issues', () => {
    expectIssue(buildCaisseAnswer('x' as never, { script: { seed: 1 }, received: dateAfter(1) }), 'INPUT_TYPE', ['bytes']);
    expectIssue(buildCaisseAnswer(new Uint8Array(1), { script: { seed: -1 }, received: dateAfter(1) }), 'INPUT_RANGE', ['options', 'script', 'seed']);
  });
});

describe('properties', () => {
  test.prop([fc.nat(), fc.string()], { numRuns: runs(200) })('a draw is in [0, 1) and a function of (seed, key)', (seed, key) => {
    const u = computeDraw(seed, key);
    expect(u >= 0 && u < 1).toBe(true);
    expect(computeDraw(seed, key)).toBe(u);
  });

  test.prop([fc.nat({ max: 0xffffffff }), fc.constantFrom(0, 1, 2, 3, 4, 5)], { numRuns: runs(30) })(
    'per file: paid ≤ asked, paid = asked when payee, 0 when rejetee; the answer does not depend on other files',
    (seed, i) => {
      const f = files[i]!;
      const script: CaisseScript = { seed, fileWeights: { normal: 3, retenue: 1, 'retour-double': 1 }, invoiceWeights: { payee: 2, partielle: 1, rejetee: 1 } };
      const a = expectOk(buildCaisseAnswer(f.bytes, { script, received: dateAfter(1) }));
      for (const inv of a.invoices) {
        expect(compare(inv.paye, inv.demande)).toBeLessThanOrEqual(0);
        if (inv.outcome === 'payee') expect(inv.paye).toEqual(inv.demande);
        if (inv.outcome === 'rejetee') expect(isZero(inv.paye)).toBe(true);
      }
      expect(compare(sum(a.invoices.map((x) => x.paye)), ZERO)).toBeGreaterThanOrEqual(0);
      // Answering other files first changes nothing (no state, no arrival order).
      for (const g of files) buildCaisseAnswer(g.bytes, { script, received: dateAfter(1) });
      expect(expectOk(buildCaisseAnswer(f.bytes, { script, received: dateAfter(1) }))).toEqual(a);
    },
  );

  test.prop([fc.uint8Array({ maxLength: 2000 }), fc.anything()], { numRuns: runs(150) })('never throws on junk bytes or junk options', (bytes, junk) => {
    expect(() => buildCaisseAnswer(bytes, { script: { seed: 1 }, received: dateAfter(1) })).not.toThrow();
    expect(() => buildCaisseAnswer(junk as never, junk as never)).not.toThrow();
    expect(() => buildCaisseAnswer(bytes, { script: junk, received: dateAfter(1) } as never)).not.toThrow();
  });

  test.prop([fc.anything(), fc.anything(), fc.anything()], { numRuns: runs(150) })('the exported functions never throw on junk', async (a, b, c) => {
    expect(() => computeDraw(a as never, b as never)).not.toThrow();
    expect(() => computeFileOutcome(a as never, b as never)).not.toThrow();
    expect(() => computeInvoiceOutcome(a as never, b as never, c as never)).not.toThrow();
    expect(() => computeRejectCode(a as never, b as never, c as never)).not.toThrow();
    expect(() => parseMimeMessage(a as never)).not.toThrow();
    expect(createManualScheduler(a as never).ok).toBe(typeof a === 'string' && Number.isFinite(Date.parse(a)) && a.length >= 10 && a.length <= 40);
    expect(() => createImapAppendMailbox(a as never)).not.toThrow();
    const started = await startLocalCaisse(a as never);
    expect(started.ok).toBe(false);
  });

  test.prop([fc.uint8Array({ maxLength: 3000 }), fc.stringMatching(/^[A-Z0-9_]{1,20}$/)], { numRuns: runs(60) })('a composed return reads back to its exact bytes', async (bytes, name) => {
    const raw = await composeReturnMail({ from: 'a@caisse.test', to: 'ps@cabinet.test', subject: 'ARL', messageId: '<x@caisse.test>', inReplyTo: '<y@cabinet.test>', date: '2025-03-11T08:00:00Z', filename: name, bytes });
    const m = parseMimeMessage(raw);
    expect(m.headers.get('message-id')).toBe('<x@caisse.test>');
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0]!.filename).toBe(name);
    expect(Buffer.from(m.attachments[0]!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  test.prop([fc.array(fc.nat({ max: 10_000 }), { maxLength: 30 })], { numRuns: runs(100) })('the manual scheduler runs tasks in due order, only when time reaches them', async (delays) => {
    const s = expectOk(createManualScheduler('2025-03-10T08:00:00Z'));
    const ran: number[] = [];
    delays.forEach((d, k) => s.schedule(d, async () => void ran.push(k)));
    expect(await s.advance(0)).toBe(delays.filter((d) => d === 0).length);
    await s.advance(10_000);
    expect(ran).toHaveLength(delays.length);
    const order = ran.map((k) => delays[k]!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(s.clock()).toBe('2025-03-10T08:00:10.000Z');
  });
});
