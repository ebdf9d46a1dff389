import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { buildInsiRequest } from '../../src/insi/index';
import type { InsiContexte, InsiRecherche } from '../../src/insi/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { hasXmllint, part, xmllint } from './xmllint';

const CONTEXTE: InsiContexte = { emetteur: '10B0152872', idam: 'TEST0001', version: '0.3.0', nomLogiciel: 'sesam-billing-test', instance: '3f0d2c1a-0000-4000-8000-000000000001' };
const OPTIONS = { at: '2025-03-10T09:00:00+01:00', messageId: 'uuid:6a3e0b44-0000-4000-8000-00000000000a' };
// Fictitious identities (public INSi test names are not reused with real-looking NIRs).
const TRAITS: InsiRecherche = { mode: 'traits', nomNaissance: 'TESTNOM', prenoms: ['JEANNE', 'MARIE'], sexe: 'F', dateNaissance: '1980-02-01', lieuNaissance: '63220' };
const CARTE: InsiRecherche = { mode: 'carte', nirOuvrantDroit: '280026322012304', dateNaissance: '1980-02-01', rangNaissance: 1 };

const lint = it.skipIf(!hasXmllint);

function checkAllParts(xml: string, body: 'insi_recsans_ins:RECSANSVITALE' | 'insi_recvit_ins:RECVITALE'): void {
  expect(xmllint(part(xml, 'ctxbam:ContexteBAM'), 'CTX/ROOT_ctxbam_CTXBAM_V01_02.xsd')).toBe('');
  expect(xmllint(part(xml, 'ctxlps:ContexteLPS'), 'CTX/ROOT_ctxlps_CTXLPS_V01_00.xsd')).toBe('');
  const xsd = body.startsWith('insi_recsans') ? 'ServiceIdentiteCertifiee/INSi_RECSANS_INS.xsd' : 'ServiceIdentiteCertifiee/INSi_RECVITALE_INS.xsd';
  expect(xmllint(part(xml, body), xsd)).toBe('');
}

describe('buildInsiRequest', () => {
  it('writes the traits search with both contexts, the action and the message id', () => {
    const xml = expectOk(buildInsiRequest(TRAITS, CONTEXTE, OPTIONS));
    expect(xml).toContain('<wsa:Action xmlns:wsa="http://www.w3.org/2005/08/addressing">urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite</wsa:Action>');
    expect(xml).toContain('<insi_recsans_ins:Prenom>JEANNE</insi_recsans_ins:Prenom><insi_recsans_ins:Prenom>MARIE</insi_recsans_ins:Prenom>');
    expect(xml).toContain('<ctxlps:IDAM R="4">TEST0001</ctxlps:IDAM>');
    expect(xml).toContain('<ctxbam:Temps>2025-03-10T09:00:00+01:00</ctxbam:Temps>');
  });

  it('is deterministic', () => {
    expect(buildInsiRequest(TRAITS, CONTEXTE, OPTIONS)).toEqual(buildInsiRequest(TRAITS, CONTEXTE, OPTIONS));
  });

  it('writes the card search (NIR split into 13 + key, rang)', () => {
    const xml = expectOk(buildInsiRequest(CARTE, CONTEXTE, OPTIONS));
    expect(xml).toContain('rechercherInsAvecCarteVitale');
    expect(xml).toContain('<insi_recvit_ins:MatriculeOD><insi_recvit_ins:NumIdentifiant>2800263220123</insi_recvit_ins:NumIdentifiant><insi_recvit_ins:Cle>04</insi_recvit_ins:Cle></insi_recvit_ins:MatriculeOD>');
    expect(xml).not.toContain('MatriculeIndividu');
    expect(xml).toContain('<ctxbam:COUVERTURE><ctxbam:ASSURE><ctxbam:Id><ctxbam:Num>2800263220123</ctxbam:Num><ctxbam:Cle>04</ctxbam:Cle></ctxbam:Id></ctxbam:ASSURE><ctxbam:BENEFICIAIRE><ctxbam:DateNai>1980-02-01</ctxbam:DateNai><ctxbam:Rang>1</ctxbam:Rang></ctxbam:BENEFICIAIRE></ctxbam:COUVERTURE>');
    expect(xml).toContain('<insi_recvit_ins:RangNaissance>1</insi_recvit_ins:RangNaissance>');
  });

  it('escapes markup in traits', () => {
    const xml = expectOk(buildInsiRequest({ ...TRAITS, nomNaissance: `D'ARC & <FILS>` }, CONTEXTE, OPTIONS));
    expect(xml).toContain('D&apos;ARC &amp; &lt;FILS&gt;');
  });

  it('refuses bad input with paths', () => {
    expectIssue(buildInsiRequest({ ...CARTE, nirOuvrantDroit: '280026322012305' } as InsiRecherche, CONTEXTE, OPTIONS), 'INPUT_TYPE', ['recherche', 'nirOuvrantDroit']);
    expectIssue(buildInsiRequest({ ...TRAITS, prenoms: [] } as InsiRecherche, CONTEXTE, OPTIONS), 'INPUT_RANGE', ['recherche', 'prenoms']);
    expectIssue(buildInsiRequest(TRAITS, CONTEXTE, { ...OPTIONS, at: '2025-03-10 09:00' }), 'INPUT_TYPE', ['options', 'at']);
    expectIssue(buildInsiRequest({ ...TRAITS, nomNaissance: 'A\u0001B' }, CONTEXTE, OPTIONS), 'INPUT_TYPE', ['recherche', 'nomNaissance']);
    expectIssue(buildInsiRequest(TRAITS, { ...CONTEXTE, idam: '' }, OPTIONS), 'INPUT_TYPE', ['contexte', 'idam']);
  });

  lint('traits request: headers and body validate against the CNAM XSDs (xmllint)', () => {
    checkAllParts(expectOk(buildInsiRequest(TRAITS, CONTEXTE, OPTIONS)), 'insi_recsans_ins:RECSANSVITALE');
  });

  lint('card request: headers and body validate against the CNAM XSDs (xmllint)', () => {
    checkAllParts(expectOk(buildInsiRequest({ ...CARTE, nirIndividu: '180026322012354', nomNaissance: 'TESTNOM' }, CONTEXTE, OPTIONS)), 'insi_recvit_ins:RECVITALE');
  });

  it('says why the xmllint tests are skipped', () => {
    if (!hasXmllint) console.warn('xmllint (Debian libxml2-utils) missing: XSD validation tests skipped');
    expect(true).toBe(true);
  });
});

describe('properties', () => {
  const name = fc.string({ minLength: 1, maxLength: 40 });
  test.prop([name, fc.array(name, { minLength: 1, maxLength: 3 }), fc.constantFrom('M', 'F', 'I')], { numRuns: hasXmllint ? 25 : 100 })(
    'any printable traits give a request whose body validates (or an INPUT issue)',
    (nom, prenoms, sexe) => {
      const r = buildInsiRequest({ mode: 'traits', nomNaissance: nom, prenoms, sexe, dateNaissance: '1990-00-00' }, CONTEXTE, OPTIONS);
      if (!r.ok) {
        expect(r.issues.every((i) => i.code.startsWith('INPUT_'))).toBe(true);
        return;
      }
      if (hasXmllint) expect(xmllint(part(r.value, 'insi_recsans_ins:RECSANSVITALE'), 'ServiceIdentiteCertifiee/INSi_RECSANS_INS.xsd')).toBe('');
    },
  );
  test.prop([fc.anything(), fc.anything(), fc.anything()])('never throws on junk', (a, b, c) => {
    const r = buildInsiRequest(a as never, b as never, c as never);
    expect(typeof r.ok).toBe('boolean');
  });
});
