/**
 * `sesam demo`: the main job on embedded defaults — a practice's day from the cards to the
 * returns: read the Vitale and open the CPS, price and split every invoice (with its trace),
 * build, control, number, secure, lot and write the FSE/DRE files in a SQLite ledger, then read
 * the caisse's returns (ARL, NOEMIE, bank statement) back and reconcile.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PlainDate } from '../../core/date/index';
import { addDays, toYmd } from '../../core/date/index';
import { createSqliteLedger } from '../../ledger/sqlite/index';
import type { DemoFacture } from '../../rules/index';
import { DEMO_DAY } from '../../rules/index';
import { runReturnsDemo } from '../../simulator/index';
import { runCardsStage } from '../demo/cards';
import { runFseStage } from '../demo/fse';
import { demoNir } from '../demo/practice';
import { runPricingStage } from '../demo/pricing';
import type { CliCommand } from '../io';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: "run a practice's day on embedded data: cards, pricing, FSE/lots/files, returns",
  usage: [
    'Usage: sesam demo [--explain] [--data DIR] [--pcsc]',
    '',
    '  --explain    show the trace of every invoice and one file annotated field by field',
    '  --data DIR   where the demo writes its SQLite ledger and files (default .demo-data; reset each run)',
    '  --pcsc       use real readers through pcscd instead of the in-process virtual cards',
  ].join('\n'),
  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: { explain: { type: 'boolean', default: false }, data: { type: 'string', default: '.demo-data' }, pcsc: { type: 'boolean', default: false } },
      strict: true,
    });
    const explain = values.explain === true;
    const dir = values.data ?? '.demo-data';
    io.out('sesam-billing — démonstration : une journée de cabinet (données fictives)\n');

    const cards = await runCardsStage(io, { pcsc: values.pcsc === true });
    try {
      // The first patient is the one whose Vitale card was read.
      const patient = cards.carte.beneficiaires[0];
      const day: DemoFacture[] = DEMO_DAY.map((x, i) =>
        i === 0 && patient?.dateNaissance !== undefined
          ? { ...x, label: `${x.label} (patient lu sur la carte Vitale)`, input: { ...x.input, beneficiaire: { ...x.input.beneficiaire, dateNaissance: patient.dateNaissance } } }
          : x,
      );
      const priced = runPricingStage(io, day, { explain });
      const nirs = day.map((x, i) => (i === 0 && patient !== undefined ? patient.nir : demoNir(x.input.beneficiaire.dateNaissance, i)));
      const date = day[0]?.input.dateFacturation as PlainDate;

      await rm(dir, { recursive: true, force: true });
      await mkdir(dir, { recursive: true });
      const ledger = await createSqliteLedger({ path: join(dir, 'ledger.sqlite'), clock: () => `${date}T18:00:00+01:00` });
      try {
        const fse = await runFseStage(io, { priced, nirs, ledger, securer: cards.securer, certificate: cards.certificate, dir: join(dir, 'fichiers'), day: date, explain });
        io.out('\n━━ 4. Retours : ARL, NOEMIE 580, relevé bancaire, rapprochement ━━\n');
        const returnsDate = addDays(date, 12);
        for (const ps of fse.ps) {
          io.out(`\n  ▸ PS ${ps}\n`);
          const r = await runReturnsDemo(ledger, { ps, date: returnsDate, today: addDays(date, 40), out: io.out });
          if (!r.ok) io.err(`  retours ${ps} : ${r.issues.map((x) => x.code).join(', ')}\n`);
        }
        io.out(`\nLedger SQLite : ${join(dir, 'ledger.sqlite')} ; fichiers B2 : ${join(dir, 'fichiers')} (exercice ${toYmd(date).year})\n`);
      } finally {
        await ledger.close?.();
      }
    } finally {
      await cards.close();
    }
    return 0;
  },
};
