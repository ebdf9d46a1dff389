/**
 * Every issue code a vendor can meet tells the user what to do (`fix`) and cites a public source
 * (`ref`), never an internal note: no "SPECS §x", "MARKET §x" or "../shared" path in a ref,
 * message or fix. The registry walked is the public one (src/codes.ts). Only the modules listed in
 * Every module of the registry is checked.
 */
import { describe, expect, it } from 'vitest';
import { ISSUE_CODES } from '../../src/codes';

/** Registry modules whose codes are held to the rule (prefix of `ISSUE_CODES[code].module`). */
/** Every module of the registry (each module's table now carries its fixes and public refs). */
const CHECKED_MODULES: readonly string[] = [...new Set(Object.values(ISSUE_CODES).map((spec) => spec.module))];

/** Internal references that must never reach a vendor. */
const INTERNAL = /SPECS|MARKET|shared\//;

const inModule = (module: string, checked: string): boolean => module === checked || module.startsWith(`${checked} `) || module.startsWith(`${checked}/`);

const checked = Object.entries(ISSUE_CODES).filter(([, spec]) => CHECKED_MODULES.some((m) => inModule(spec.module, m)));

describe('issue-code registry: fix and public refs', () => {
  it('every checked module is in the registry', () => {
    for (const m of CHECKED_MODULES) {
      expect(Object.values(ISSUE_CODES).some((spec) => inModule(spec.module, m)), `module ${m} not in ISSUE_CODES`).toBe(true);
    }
  });

  it.each(checked)('%s has a French fix and no internal reference', (code, spec) => {
    expect(typeof spec.fix === 'string' && spec.fix.trim().length > 0, `${code}: fix is empty`).toBe(true);
    for (const [what, text] of [['ref', spec.ref], ['message', spec.message], ['fix', spec.fix]] as const) {
      if (text !== undefined) expect(text, `${code}.${what}`).not.toMatch(INTERNAL);
    }
    if (spec.ref !== undefined) expect(spec.ref.trim().length, `${code}: empty ref`).toBeGreaterThan(0);
  });
});
