import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parseInsiResponse } from '../../src/insi/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { CR00, CR01, CR02, ENV, FAULT_IDAM, RES, RESULTAT_00_INNER } from './responses';
import { hasXmllint, xmllint } from './xmllint';
import { runs } from '../helpers/runs';

describe('parseInsiResponse', () => {
  it('reads CR 00: INS actif, history, traits', () => {
    const r = expectOk(parseInsiResponse(CR00));
    expect(r.codeCr).toBe('00');
    if (r.codeCr !== '00') return;
    expect(r.identite.ins).toEqual({ matricule: '279036322012369', oid: '1.2.250.1.213.1.4.8', type: 'NIR' });
    expect(r.identite.historique).toEqual([{ matricule: '780019912345682', oid: '1.2.250.1.213.1.4.9', type: 'NIA', dateDebut: '1979-03-01', dateFin: '2001-06-30' }]);
    expect(r.identite.traits).toEqual({ nomNaissance: "TESTNOM-D'ARC", listePrenoms: 'JEANNE MARIE', premierPrenom: 'JEANNE', sexe: 'F', dateNaissance: '1979-03-28', lieuNaissance: '63220' });
  });

  it.skipIf(!hasXmllint)('the canned RESULTAT validates against INSi_RESULTAT_INS.xsd', () => {
    const doc = `<RESULTAT xmlns="http://www.cnamts.fr/INSiResultat">${RESULTAT_00_INNER}</RESULTAT>`;
    expect(xmllint(doc, 'ServiceIdentiteCertifiee/INSi_RESULTAT_INS.xsd')).toBe('');
  });

  it('reads CR 01 and 02', () => {
    expect(expectOk(parseInsiResponse(CR01))).toEqual({ codeCr: '01', libelleCr: 'Aucune identite trouvee' });
    expect(expectOk(parseInsiResponse(CR02)).codeCr).toBe('02');
  });

  it('turns a SOAP fault into INSI_SOAP_FAULT with the siram / desir codes', () => {
    const i = expectIssue(parseInsiResponse(FAULT_IDAM), 'INSI_SOAP_FAULT');
    expect(i.message).toContain('siram_100 desir_550');
  });

  it('checks the key, the OID and the CR', () => {
    expectIssue(parseInsiResponse(CR00.replace('<Cle>69</Cle>', '<Cle>68</Cle>')), 'INSI_INS_KEY', ['INDIVIDU', 'INSACTIF', 'Cle']);
    expectIssue(parseInsiResponse(CR00.replace('<OID>1.2.250.1.213.1.4.8</OID>', '<OID>1.2.3</OID>')), 'INSI_OID_UNKNOWN', ['INDIVIDU', 'INSACTIF', 'OID']);
    expectIssue(parseInsiResponse(CR00.replace('<CodeCR>00</CodeCR>', '<CodeCR>99</CodeCR>')), 'INSI_CR_UNKNOWN');
    expectIssue(parseInsiResponse(RES('<CR><CodeCR>00</CodeCR><LibelleCR>OK</LibelleCR></CR>')), 'INSI_MISSING', ['INDIVIDU']);
    expectIssue(parseInsiResponse(CR00.replace(/<TIQ>.*<\/TIQ>/, '')), 'INSI_MISSING', ['INDIVIDU', 'TIQ']);
  });

  it('warns on a test OID', () => {
    const r = parseInsiResponse(CR00.replace('<OID>1.2.250.1.213.1.4.8</OID>', '<OID>1.2.250.1.213.1.4.10</OID>'));
    expectOk(r);
    expectIssue(r, 'INSI_OID_TEST');
  });

  it('refuses DOCTYPE, entities (billion laughs, external entity) and oversized answers', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
    expectIssue(parseInsiResponse(lol), 'INSI_XML_FORBIDDEN');
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>${CR01.replace(/^<\?xml[^>]*>/, '')}`;
    expectIssue(parseInsiResponse(xxe), 'INSI_XML_FORBIDDEN');
    expectIssue(parseInsiResponse(CR01.replace('Aucune', 'x'.repeat(300_000))), 'INSI_XML_TOO_LARGE');
    expectIssue(parseInsiResponse(CR01, { maxChars: 100 }), 'INSI_XML_TOO_LARGE');
    expectIssue(parseInsiResponse(ENV('<a>'.repeat(500) + '</a>'.repeat(500))), 'INSI_XML_INVALID');
  });

  it('survives deep nesting, huge attributes and prototype keys', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    expectIssue(parseInsiResponse(deep, { maxChars: 2_000_000 }), 'INSI_XML_INVALID');
    expectIssue(parseInsiResponse(`<soap:Envelope xmlns:soap="x" a="${'x'.repeat(200_000)}"><soap:Body/></soap:Envelope>`), 'INSI_MISSING');
    expect(parseInsiResponse(`<r ${Array.from({ length: 5000 }, (_, i) => `a${i}="1"`).join(' ')}/>`).ok).toBe(false);
    expect(parseInsiResponse('<soap:Envelope xmlns:soap="x"><soap:Body><__proto__><polluted>1</polluted></__proto__></soap:Body></soap:Envelope>').ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('leaves undeclared entity references as text (no expansion)', () => {
    const r = expectOk(parseInsiResponse(CR01.replace('Aucune', '&foo;&#65;&#x42;')));
    expect(r.libelleCr).toBe('&foo;AB identite trouvee');
  });

  it('reports junk as issues', () => {
    expectIssue(parseInsiResponse('not xml <'), 'INSI_XML_INVALID');
    expectIssue(parseInsiResponse('<a/>'), 'INSI_MISSING');
    expectIssue(parseInsiResponse(42 as never), 'INSI_XML_INVALID');
  });
});

describe('properties', () => {
  const good = [CR00, CR01, CR02, FAULT_IDAM];
  const mutate = fc.tuple(fc.constantFrom(...good), fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 20 })).map(([doc, at, del, ins]) => {
    const i = at % doc.length;
    return doc.slice(0, i) + ins + doc.slice(i + del);
  });
  test.prop([fc.oneof(fc.string({ maxLength: 300 }), mutate, fc.string({ unit: 'binary', maxLength: 200 }))], { numRuns: runs(2000) })('never throws on random or mutated XML', (xml) => {
    const r = parseInsiResponse(xml);
    expect(typeof r.ok).toBe('boolean');
    if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
  });
  test.prop([fc.anything(), fc.anything()])('never throws on junk arguments', (a, b) => {
    expect(typeof parseInsiResponse(a as never, b as never).ok).toBe('boolean');
  });
});
