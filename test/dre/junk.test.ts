/**
 * Bad input never crashes: every function of `dre`, fed junk as whole arguments and junk at one
 * random path of an otherwise valid input (FSE, routing, options, DRE). Each call returns a
 * Result with known codes; a value of the wrong kind is reported at (or above) its path.
 */
import { describe, expect, it } from 'vitest';
import { test } from '@fast-check/vitest';
import { INPUT_CODES } from '../../src/core/guard/index';
import { plainDate } from '../../src/core/date/index';
import { isSesamError } from '../../src/core/issues/index';
import { FIXED_WIDTH_CODES } from '../../src/internal/fixed-width/index';
import * as dre from '../../src/dre/index';
import { DRE_CODES } from '../../src/dre/codes';
import { FSE_CODES } from '../../src/fse/codes';
import { LEDGER_CODES } from '../../src/ledger/index';
import { RULES_CODES } from '../../src/rules/codes';
import { createMemoryLedger } from '../../src/ledger/index';
import { junkValues } from '../helpers/junk';
import { runs } from '../helpers/runs';
import { expectIssue } from '../helpers/expectIssue';
import { expectLocated, junkAt, resultChecker, setAt, valueAt } from '../fse/helpers/mutate';
import { ANNUAIRE, ATTESTATION, baseDre, baseFse, GARANTIE } from './fixtures';

const CODES = new Set([...Object.keys(INPUT_CODES), ...Object.keys(FSE_CODES), ...Object.keys(DRE_CODES), ...Object.keys(LEDGER_CODES), ...Object.keys(FIXED_WIDTH_CODES), ...Object.keys(RULES_CODES)]);
const expectResult = resultChecker(CODES);

type Fn = (...args: unknown[]) => unknown;

async function call(fn: () => unknown): Promise<unknown> {
  try {
    return await fn();
  } catch (error) {
    if (isSesamError(error)) return error;
    throw error;
  }
}

const FUNCTIONS = Object.entries(dre).filter(([, v]) => typeof v === 'function') as [string, Fn][];

describe('dre: every function on whole-argument junk', () => {
  it('exports the expected functions', () => {
    expect(FUNCTIONS.map(([n]) => n).sort()).toEqual(['buildDreB2File', 'buildDreFromFse', 'dreB2FactureOf', 'numberAndLotDres', 'planDreLots', 'validateDre']);
  });

  it.each(FUNCTIONS)('%s never throws anything but a SesamError', async (_, fn) => {
    for (const j of junkValues()) for (const args of [[j], [j, j], [j, j, j]]) await call(() => fn(...args));
  });

  it('the store argument of numberAndLotDres is checked', async () => {
    expectIssue(await dre.numberAndLotDres({} as never, [baseDre()]), 'INPUT_MISSING', ['store', 'recordBatch']);
  });
});

describe('properties: junk at one path of a valid input', () => {
  const fse = baseFse();
  const routing = { ...ATTESTATION, annuaire: ANNUAIRE };
  const options = { guarantee: GARANTIE, disable: ['FSE_DRE_AMC_ZERO'], today: plainDate('2025-03-10') };
  const doc = baseDre();

  test.prop([junkAt(fse)], { numRuns: runs(300) })('buildDreFromFse (junk in the FSE) gives a Result located at the junk', ({ path, junk }) => {
    const r = expectResult(dre.buildDreFromFse(setAt(fse, path, junk), routing, options));
    expectLocated(r, ['fse', ...path], valueAt(fse, path), junk);
  });

  test.prop([junkAt(routing)], { numRuns: runs(300) })('buildDreFromFse (junk in the routing) gives a Result located at the junk', ({ path, junk }) => {
    const r = expectResult(dre.buildDreFromFse(fse, setAt(routing, path, junk), options));
    expectLocated(r, ['amc', ...path], valueAt(routing, path), junk);
  });

  test.prop([junkAt(options)], { numRuns: runs(200) })('buildDreFromFse (junk in the options) gives a Result located at the junk', ({ path, junk }) => {
    const r = expectResult(dre.buildDreFromFse(fse, routing, setAt(options, path, junk) as never));
    expectLocated(r, ['options', ...path], valueAt(options, path), junk);
  });

  test.prop([junkAt(doc)], { numRuns: runs(300) })('validateDre gives a Result located at the junk', ({ path, junk }) => {
    const r = expectResult(dre.validateDre(setAt(doc, path, junk)));
    expectLocated(r, path, valueAt(doc, path), junk);
  });

  test.prop([junkAt(doc)], { numRuns: runs(200) })('planDreLots and dreB2FactureOf give a Result', ({ path, junk }) => {
    const bad = setAt(doc, path, junk);
    expectResult(dre.planDreLots([bad, doc]));
    expectResult(dre.dreB2FactureOf({ ...bad, fse: { ...bad.fse, identification: { ...doc.fse.identification, numeroFacture: 1 } } } as never));
  });

  test.prop([junkAt(doc)], { numRuns: runs(40) })('numberAndLotDres gives a Result', async ({ path, junk }) => {
    const store = createMemoryLedger({ clock: () => '2025-03-10T12:00:00Z' });
    expectResult(await dre.numberAndLotDres(store, [setAt(doc, path, junk)]));
  });

  test.prop([junkAt(doc)], { numRuns: runs(100) })('buildDreB2File (junk in a DRE of the file) gives a Result located at the junk', ({ path, junk }) => {
    const numbered = { ...doc, fse: { ...doc.fse, identification: { ...doc.fse.identification, numeroFacture: 1 } } };
    const file = { kind: 'dre', fileId: 'AB0001', ps: doc.fse.ps.numeroFacturation, destinataire: '12345678', lots: [{ lot: { numero: 1 }, documents: [setAt(numbered, path, junk)] }] };
    const r = expectResult(dre.buildDreB2File(file as never, { dateCreation: '2025-03-10', marquage: 'T' } as never));
    if (!r.ok && r.issues.some((i) => i.code.startsWith('INPUT_'))) expectLocated(r, ['file', 'lots', 0, 'documents', 0, ...path], valueAt(numbered, path), junk);
  });
});
