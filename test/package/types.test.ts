/**
 * The root declarations need no `@types/node` and no DOM lib (issue #10 §4): a consumer project
 * with `types: []` and `lib: ['es2022']` type-checks code that imports `sesam-billing`, as ESM
 * (`import` condition → dist/index.d.ts) and as CJS (`require` condition → dist/index.d.cts).
 * The consumer lives in a temporary directory with `node_modules/sesam-billing` linked to this
 * package, so the names resolve through package.json "exports" like an installed package.
 */
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureDist, PACKAGE_ROOT } from './dist';

/** Uses the root's main names with their types (the compiler must resolve every declaration). */
const CONSUMER = `
import { computeFacture, formatMoney, plainDate, validateNir, unwrap, buildFse, validateFse, parseNoemie, createMemoryLedger, numberAndLot, ISSUE_CODES, isSesamError } from 'sesam-billing';
import type { Decompte, FactureInput, Issue, LedgerStore, Money, NoemieFile, PlainDate, Result } from 'sesam-billing';

const input: FactureInput = {
  dateFacturation: plainDate('2025-03-10'),
  ps: { profession: 'medecin', specialite: '01', secteur: '1', zone: 'metropole' },
  beneficiaire: { dateNaissance: plainDate('1980-05-04') },
  parcours: 'T',
  lignes: [{ code: 'G', date: plainDate('2025-03-10'), quantite: 1 }],
};
const r: Result<Decompte> = computeFacture(input);
const net: Money | undefined = r.ok ? r.value.total.netAmo : undefined;
const shown: string = net === undefined ? '' : formatMoney(net);
const issues: readonly Issue[] = validateNir('x').ok ? [] : [];
const day: PlainDate = plainDate('2025-01-02');
const store: LedgerStore = createMemoryLedger();
const noemie: Result<NoemieFile> = parseNoemie(new Uint8Array(0));
export const used = [shown, issues, day, store, noemie, unwrap, buildFse, validateFse, numberAndLot, ISSUE_CODES, isSesamError];
`;

let dir = '';

beforeAll(async () => {
  await ensureDist();
  dir = mkdtempSync(join(tmpdir(), 'sesam-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(PACKAGE_ROOT, join(dir, 'node_modules', 'sesam-billing'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "name": "consumer", "private": true }\n');
  writeFileSync(join(dir, 'consumer.mts'), CONSUMER);
  writeFileSync(join(dir, 'consumer.cts'), CONSUMER);
}, BUILD_TIMEOUT_MS);

afterAll(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function check(file: string): { errors: string[]; nodeTypes: string[] } {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: [],
    strict: true,
    exactOptionalPropertyTypes: true,
    noEmit: true,
    skipLibCheck: false,
  };
  const program = ts.createProgram([join(dir, file)], options);
  const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n') + (d.file ? ` (${d.file.fileName})` : ''));
  const nodeTypes = program.getSourceFiles().map((f) => f.fileName).filter((f) => /\/@types\/node\//.test(f));
  return { errors, nodeTypes };
}

describe('root declarations without @types/node', () => {
  it.each(['consumer.mts', 'consumer.cts'])('%s type-checks with types: [] and lib es2022', (file) => {
    const { errors, nodeTypes } = check(file);
    expect(errors).toEqual([]);
    expect(nodeTypes).toEqual([]);
  }, 120_000);
});
