/**
 * Bad input never crashes: the fse functions owned by this module, fed junk as whole arguments
 * and junk at one random path of an otherwise valid input (FseInput, Decompte, Fse, DRE,
 * options). Each call returns a Result with coded issues and paths; a value of the wrong kind
 * is reported at (or above) the path where it sits.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { INPUT_CODES } from '../../src/core/guard/index';
import { isSesamError } from '../../src/core/issues/index';
import { computeFacture } from '../../src/rules/computeFacture';
import { PARAMETRES_DEFAUT } from '../../src/rules/tables/index';
import { RULES_CODES } from '../../src/rules/codes';
import { FSE_CODES } from '../../src/fse/codes';
import * as fse from '../../src/fse/index';
import type { Fse, FseInput } from '../../src/fse/index';
import { junkValues } from '../helpers/junk';
import { runs } from '../helpers/runs';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { baseDre, baseFse, INPUT } from './fixtures';
import { expectLocated, junkAt, resultChecker, setAt, valueAt } from './helpers/mutate';

const NULLABLE = new Set(['from', 'plafondJour', 'plafondDepassementNonOptam', 'plafondDepassementOptam']);
const CODES = new Set([...Object.keys(INPUT_CODES), ...Object.keys(RULES_CODES), ...Object.keys(FSE_CODES)]);
const expectResult = resultChecker(CODES);

/** The functions of `fse` this module owns (B2 and ledger-flow functions are tested by their owners). */
const OWNED = [
  'buildDre', 'buildFse', 'buildFseFromDecompte', 'beneficiaireFseFromCarte', 'computeWith', 'defaultCompute',
  'isSecuringMode', 'needsJustificatif', 'psFseFromCps', 'resolveControlContext', 'validateDre', 'validateFse',
] as const;

type Fn = (...args: unknown[]) => unknown;

function call(fn: () => unknown): unknown {
  try {
    return fn();
  } catch (error) {
    if (isSesamError(error)) return error;
    throw error;
  }
}

describe('fse: owned functions on whole-argument junk', () => {
  it.each(OWNED)('%s never throws anything but a SesamError', (name) => {
    const fn = (fse as unknown as Record<string, Fn>)[name]!;
    expect(typeof fn).toBe('function');
    for (const j of junkValues()) for (const args of [[j], [j, j], [j, j, j]]) call(() => fn(...args));
  });

  it('the reported traps answer with issues at their path', () => {
    const numeric = setAt(baseFse(), ['securisation', 'vitale', 'numeroSerie'], 123);
    expectIssue(fse.validateFse(numeric), 'INPUT_TYPE', ['securisation', 'vitale', 'numeroSerie']);
    const noDroits = setAt(baseFse(), ['beneficiaire', 'droitsAmo'], undefined);
    expectIssue(fse.validateFse(noDroits), 'INPUT_MISSING', ['beneficiaire', 'droitsAmo']);
    expectIssue(fse.buildFse({ ...INPUT, beneficiaire: null as never }), 'INPUT_TYPE', ['beneficiaire']);
    expectIssue(fse.buildDre(setAt(baseFse(), ['identification', 'dateFacturation'], 20250310)), 'INPUT_TYPE', ['identification', 'dateFacturation']);
    expectIssue(fse.buildFse(setAt(INPUT, ['facture', 'dateFacturation'], 20250310)), 'RULES_DATE', ['facture', 'dateFacturation']);
    expectIssue(fse.resolveControlContext({ today: 20250310 }), 'INPUT_TYPE', ['options', 'today']);
    expectIssue(fse.validateFse(baseFse(), { disable: 'FSE_AGE_RANGE' as never }), 'INPUT_TYPE', ['options', 'disable']);
    expectIssue(fse.computeWith({ referentiel: {} as never })(INPUT.facture), 'INPUT_TYPE', ['options', 'referentiel', 'index']);
    expect(fse.needsJustificatif(null as never)).toBe(false);
    expectIssue(fse.buildFse(INPUT, { compute: (() => 5) as never }), 'INPUT_TYPE', ['options', 'compute']);
    expectIssue(fse.buildFse(INPUT, { compute: (() => ({ ok: false, issues: [null] })) as never }), 'INPUT_TYPE', ['options', 'compute', 'issues']);
    expectIssue(fse.validateFse(baseFse(), { compute: (() => null) as never }), 'FSE_RECOMPUTE_FAILED');
  });

  it('checked copies equal what was built', () => {
    const f = baseFse();
    expect(expectOk(fse.validateFse(JSON.parse(JSON.stringify(f)) as Fse))).toEqual(f);
    const d = baseDre();
    expect(expectOk(fse.validateDre(JSON.parse(JSON.stringify(d)) as never))).toEqual(d);
  });
});

describe('properties: junk at one path of a valid input', () => {
  const input = INPUT;
  const fseDoc = baseFse();
  const dre = baseDre();
  const decompte = expectOk(computeFacture(INPUT.facture, { trace: false }));
  const options = { today: '2025-03-10', delaiFacturationJours: 365, ageMax: 120, ageMaxEnfant: 20, majorationsParcours: ['MCS', 'MPC'], securingAt: '2025-03-10T18:00:00Z', disable: ['FSE_AGE_RANGE'] };

  test.prop([junkAt(input)], { numRuns: runs(400) })('buildFse gives a Result located at the junk', ({ path, junk }) => {
    const bad = setAt(input, path, junk) as FseInput;
    const r = expectResult(fse.buildFse(bad));
    expectLocated(r, path, valueAt(input, path), junk);
    if (r.ok) expectResult(fse.validateFse(r.value as Fse));
  });

  test.prop([junkAt(input)], { numRuns: runs(200) })('buildFseFromDecompte (junk in the input) gives a Result located at the junk', ({ path, junk }) => {
    const r = expectResult(fse.buildFseFromDecompte(setAt(input, path, junk) as FseInput, decompte));
    expectLocated(r, path, valueAt(input, path), junk);
  });

  test.prop([junkAt(decompte)], { numRuns: runs(200) })('buildFseFromDecompte (junk in the decompte) gives a Result', ({ path, junk }) => {
    expectResult(fse.buildFseFromDecompte(input, setAt(decompte, path, junk)));
  });

  test.prop([junkAt(fseDoc)], { numRuns: runs(400) })('validateFse gives a Result located at the junk', ({ path, junk }) => {
    const r = expectResult(fse.validateFse(setAt(fseDoc, path, junk)));
    expectLocated(r, path, valueAt(fseDoc, path), junk);
  });

  test.prop([junkAt(fseDoc)], { numRuns: runs(200) })('buildDre gives a Result located at the junk', ({ path, junk }) => {
    const r = expectResult(fse.buildDre(setAt(fseDoc, path, junk)));
    expectLocated(r, path, valueAt(fseDoc, path), junk);
  });

  test.prop([junkAt(dre)], { numRuns: runs(300) })('validateDre gives a Result located at the junk', ({ path, junk }) => {
    const r = expectResult(fse.validateDre(setAt(dre, path, junk)));
    expectLocated(r, path, valueAt(dre, path), junk);
  });

  test.prop([junkAt(options)], { numRuns: runs(200) })('validateFse and resolveControlContext check their options', ({ path, junk }) => {
    const bad = setAt(options, path, junk);
    const r = expectResult(fse.resolveControlContext(bad));
    const v = expectResult(fse.validateFse(fseDoc, bad as never));
    if (path[0] !== 'disable') expectLocated(r, ['options', ...path], valueAt(options, path), junk);
    expectLocated(v, ['options', ...path], valueAt(options, path), junk);
  });

  test.prop([junkAt(PARAMETRES_DEFAUT)], { numRuns: runs(300) })('computeWith checks the parameters: pricing answers a Result located at the junk', ({ path, junk }) => {
    const r = expectResult(fse.computeWith({ parametres: setAt(PARAMETRES_DEFAUT, path, junk) })(INPUT.facture));
    // `null` is a valid value of the nullable fields (a date "since always", no cap, no limit).
    if (junk === null && NULLABLE.has(String(path[path.length - 1]))) return;
    expectLocated(r, ['options', 'parametres', ...path], valueAt(PARAMETRES_DEFAUT, path), junk);
  });

  it('computeWith with the default parameters prices like defaultCompute', () => {
    expect(expectOk(fse.computeWith({ parametres: PARAMETRES_DEFAUT })(INPUT.facture)).total).toEqual(expectOk(fse.defaultCompute(INPUT.facture)).total);
  });

  test.prop([fc.anything()], { numRuns: runs(200) })('needsJustificatif is total and true only for a mode D securisation', (junk) => {
    const yes = fse.needsJustificatif(junk as never);
    if (yes) expect((junk as { mode?: unknown }).mode).toBe('D');
  });
});
