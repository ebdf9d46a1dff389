import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { SRGB_PROFILE_SHA256, srgbProfileBytes } from '../../src/scor/pdfa/srgbProfile';

const SYSTEM = '/usr/share/color/icc/sRGB.icc';

describe('sRGB profile shipped in the package', () => {
  test('decodes to the recorded bytes (an ICC v2 RGB display profile)', () => {
    const icc = srgbProfileBytes();
    expect(icc.length).toBe(6922);
    expect(createHash('sha256').update(icc).digest('hex')).toBe(SRGB_PROFILE_SHA256);
    expect(new TextDecoder('latin1').decode(icc.subarray(36, 40))).toBe('acsp');
    expect(new TextDecoder('latin1').decode(icc.subarray(12, 20))).toBe('mntrRGB ');
  });

  test('callers get a copy', () => {
    const a = srgbProfileBytes();
    a[0] = 0xff;
    expect(srgbProfileBytes()[0]).toBe(0);
  });

  test.skipIf(!existsSync(SYSTEM))('is Debian icc-profiles-free sRGB.icc, unaltered', () => {
    expect(Buffer.from(srgbProfileBytes()).equals(readFileSync(SYSTEM))).toBe(true);
  });
});
