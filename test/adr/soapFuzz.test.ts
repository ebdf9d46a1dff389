/**
 * Fuzz of the SOAP reader of the service transport (parseSoapEnvelope over the hardened XML
 * wrapper): 10⁵ hostile inputs at full scale (runs() scales them) — billion laughs, external and
 * parameter entities, deep nesting, huge attributes and texts, mutations of a real fault, random
 * text and bytes. Laws: never throws, always a Result, a DTD is never expanded, heap stays
 * bounded.
 */
import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { parseSoapEnvelope } from '../../src/adr/index';
import { soapFault } from '../../src/simulator/services/soap';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';

const FAULT = soapFault('siram_40', 'desir_540', 'Service indisponible');
const OK = '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body><R>1</R></soap:Body></soap:Envelope>';

const laughs = fc.record({ depth: fc.integer({ min: 1, max: 12 }), fan: fc.integer({ min: 2, max: 12 }) }).map(({ depth, fan }) => {
  let dtd = '<!ENTITY l0 "lol">';
  for (let i = 1; i <= depth; i++) dtd += `<!ENTITY l${i} "${`&l${i - 1};`.repeat(fan)}">`;
  return `<?xml version="1.0"?><!DOCTYPE soap:Envelope [${dtd}]>${OK.replace('<R>1</R>', `<R>&l${depth};</R>`).replace(/^<\?xml[^>]*>/, '')}`;
});
const external = fc.constantFrom('file:///etc/passwd', 'http://127.0.0.1:1/x', 'expect://id', 'php://filter/resource=/etc/hosts').chain((uri) =>
  fc.constantFrom(
    `<!DOCTYPE r [<!ENTITY x SYSTEM "${uri}">]><r>&x;</r>`,
    `<!DOCTYPE r [<!ENTITY % p SYSTEM "${uri}">%p;]><r/>`,
    `<!DOCTYPE r PUBLIC "-//X//EN" "${uri}"><r/>`,
    `<?xml version="1.0"?>\n<!doctype r SYSTEM "${uri}"><r/>`,
  ),
);
const sized = (small: number, big: number) => fc.oneof({ weight: 50, arbitrary: fc.integer({ min: 1, max: small }) }, { weight: 1, arbitrary: fc.integer({ min: small, max: big }) });
const deep = sized(100, 5000).map((n) => `<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>${'<a>'.repeat(n)}${'</a>'.repeat(n)}</soap:Body></soap:Envelope>`);
const hugeAttr = sized(2000, 300_000).map((n) => OK.replace('<R>', `<R a="${'x'.repeat(n)}">`));
const manyAttrs = sized(100, 2000).map((n) => OK.replace('<R>', `<R ${Array.from({ length: Math.min(n, 2000) }, (_, i) => `a${i}="${i}"`).join(' ')}>`));
const mutated = fc.tuple(fc.constantFrom(FAULT, OK), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 8 })), { maxLength: 6 })).map(([base, edits]) =>
  edits.reduce((s, [at, del, ins]) => {
    const i = at % (s.length + 1);
    return s.slice(0, i) + ins + s.slice(i + del);
  }, base),
);
const hostile = fc.oneof(
  { weight: 3, arbitrary: mutated },
  { weight: 2, arbitrary: laughs },
  { weight: 2, arbitrary: external },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: hugeAttr },
  { weight: 1, arbitrary: manyAttrs },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  { weight: 1, arbitrary: fc.anything() as fc.Arbitrary<unknown> as fc.Arbitrary<string> },
);

describe('parseSoapEnvelope', () => {
  it('reads a body, a fault (subcode, desir code, reason) and refuses a DTD', () => {
    expectOk(parseSoapEnvelope(OK));
    const f = expectIssue(parseSoapEnvelope(FAULT, { service: 'IDB' }), 'ADR_SOAP_FAULT');
    expect(f.message).toContain('desir_540');
    expectIssue(parseSoapEnvelope(`<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>`), 'ADR_RESPONSE_INVALID');
    expectIssue(parseSoapEnvelope('<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"/>'), 'ADR_RESPONSE_INVALID');
    expectIssue(parseSoapEnvelope(`<a>${'<b>'.repeat(100_000)}${'</b>'.repeat(100_000)}</a>`), 'ADR_RESPONSE_INVALID');
  });
});

describe('properties', () => {
  it(`hostile XML (${runs(100_000)} inputs): never throws, never expands a DTD, bounded heap`, () => {
    let peak = 0;
    let n = 0;
    fc.assert(
      fc.property(hostile, (xml) => {
        const r = parseSoapEnvelope(xml);
        expect(typeof r.ok).toBe('boolean');
        if (typeof xml === 'string' && /<!(DOCTYPE|ENTITY)/i.test(xml)) expect(r.ok).toBe(false);
        if (r.ok) expect(JSON.stringify(r.value)).not.toContain('lollol');
        if (++n % 2000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
      }),
      { numRuns: runs(100_000) },
    );
    expect(peak).toBeLessThan(1024 * 1024 * 1024);
  }, 1_200_000);
});
