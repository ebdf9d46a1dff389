import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISSUE_CODE_SECTIONS, ISSUE_CODES } from '../../src/codes';
import { renderErrorCodes } from '../../scripts/renderErrorCodes';

describe('issue-code registry', () => {
  it('has unique, prefixed SCREAMING_SNAKE codes with a French fix', () => {
    const seen = new Set<string>();
    for (const section of ISSUE_CODE_SECTIONS) {
      for (const [code, spec] of Object.entries(section.codes)) {
        expect(code).toMatch(/^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/);
        expect(seen.has(code), `duplicate code ${code}`).toBe(false);
        seen.add(code);
        expect(spec.message.length).toBeGreaterThan(0);
      }
    }
    expect(Object.keys(ISSUE_CODES).length).toBe(seen.size);
  });

  it('docs/error-codes.md is generated from the registry and current', () => {
    const doc = readFileSync(new URL('../../docs/error-codes.md', import.meta.url), 'utf8');
    expect(doc).toBe(renderErrorCodes());
  });
});
