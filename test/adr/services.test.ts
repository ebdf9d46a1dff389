/**
 * The adr HTTPS client against the local services over real TLS: a loopback HTTPS server that
 * REQUIRES a client certificate signed by its test CA (openssl-made PKI). Real sockets, real
 * undici; only the services' answers are scripted (the contracts are modeled).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceRoc, buildDreEs, DOSSIER_ROC_INITIAL, decideSuiteClc, reconcileRoc } from '../../src/adr/index';
import type { AmcResolue } from '../../src/adr/index';
import { createAdrClient, createInsiClient, createServiceTransport } from '../../src/adr/node/index';
import type { ServiceTransportConfig } from '../../src/adr/node/index';
import { ADHERENTS, AMC_TEST, ASSURES, createTestPki, hasOpenssl, startLocalServices } from '../../src/simulator/services/index';
import type { LocalServices, TestPki } from '../../src/simulator/services/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';
import { runs } from '../helpers/runs';
import { CLE, d, DECOMPTE, demande } from './fixtures';

const run = describe.skipIf(!hasOpenssl());

run('rights and AMC services over mutual TLS', () => {
  let pki: TestPki;
  let services: LocalServices;
  const opened: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    pki = createTestPki();
    services = await startLocalServices({ pki, slowMs: 200 });
  }, 60_000);

  afterAll(async () => {
    for (const t of opened) await t.close();
    await services?.close();
    pki?.dispose();
  });

  function client(overrides: Partial<ServiceTransportConfig> = {}) {
    const t = expectOk(createServiceTransport({ tls: { ...pki.client, ca: pki.ca }, timeoutMs: 15_000, backoffMs: 1, ...overrides }));
    opened.push(t);
    return { transport: t, adr: expectOk(createAdrClient({ transport: t, adriUrl: services.urls.adri, annuaireUrl: services.urls.annuaire })) };
  }
  const adri = (nir: string) => ({ nir, dateNaissance: d('1980-05-01'), dateSoins: d('2025-03-10') });
  async function amc(): Promise<AmcResolue> {
    return expectOk(await client().adr.rechercherAmc(CLE, { dateSoins: d('2025-03-10') }));
  }

  it('INSi (SOAP 1.2) through sesam-billing/adr/node', async () => {
    const insi = expectOk(createInsiClient({ url: services.urls.insi, tls: { ...pki.client, ca: pki.ca }, contexte: { emetteur: '10B0152872', idam: 'TEST0001', version: '0.3.0', nomLogiciel: 'test', instance: 'i-1' }, timeoutMs: 15_000, clock: () => '2025-03-10T09:00:00+01:00' }));
    const traits = (nom: string) => ({ mode: 'traits' as const, nomNaissance: nom, prenoms: ['JEANNE'], sexe: 'F', dateNaissance: '1979-03-28' });
    expect(expectOk(await insi.rechercher(traits('UN'))).codeCr).toBe('00');
    expect(expectOk(await insi.rechercher(traits('AUCUN'))).codeCr).toBe('01');
    expectIssue(await insi.rechercher(traits('FAUTE')), 'INSI_SOAP_FAULT');
  });

  it('ADRi: open rights, ALD, closed rights', async () => {
    const { adr } = client();
    const open = expectOk(await adr.consulter(adri(ASSURES.ouverts)));
    expect(open).toMatchObject({ codeRegime: '01', codeCaisse: '751', medecinTraitant: true });
    expect(open.couvertures).toEqual([]);
    expect(expectOk(await adr.consulter(adri(ASSURES.ald))).couvertures[0]?.codeAld).toBe('1');
    const closed = expectOk(await adr.consulter(adri(ASSURES.fermes)));
    expect(closed.periodesAmo).toEqual([{ debut: '2020-01-01', fin: '2023-12-31' }]);
  });

  it('ADRi: a timeout is retried (a read) then reported; a SOAP fault is typed; a slow answer arrives', async () => {
    const slept: number[] = [];
    const { adr } = client({ timeoutMs: 500, retries: 1, backoffMs: 7, sleep: async (ms) => void slept.push(ms) });
    const before = services.calls['/adri'] ?? 0;
    expectIssue(await adr.consulter(adri(ASSURES.timeout)), 'ADR_TIMEOUT');
    expect(slept).toEqual([7]); // one retry of the read
    expect((services.calls['/adri'] ?? 0) - before).toBeLessThanOrEqual(2);
    expectIssue(await adr.consulter(adri(ASSURES.faute)), 'ADR_SOAP_FAULT');
    expect(expectOk(await client().adr.consulter(adri(ASSURES.lent))).codeRegime).toBe('01');
  });

  it('Annuaire AMC: services and DRE routing; unknown AMC; attestation out of its period', async () => {
    const a = await amc();
    expect(a.routage).toEqual(AMC_TEST.routage);
    expect(a.entree.services.clc).toBe(`${services.baseUrl}/amc/clc`);
    expectIssue(await client().adr.rechercherAmc({ ...CLE, numeroAmc: '11111111' }, { dateSoins: d('2025-03-10') }), 'ADR_ANNUAIRE_INCONNU');
    expectIssue(await client().adr.rechercherAmc(CLE, { dateSoins: d('2026-03-10') }), 'ADR_ATTESTATION_PERIODE');
  });

  it('IDB: open, closed (warning), business error, SOAP fault, and a 503 retried once', async () => {
    const a = await amc();
    const { adr } = client();
    expect(expectOk(await adr.idb(a, demande(ADHERENTS.garanti))).ouverts).toBe(true);
    const closed = await adr.idb(a, demande(ADHERENTS.droits_fermes));
    expect(expectOk(closed).ouverts).toBe(false);
    expectIssue(closed, 'ADR_AMC_DROITS_FERMES');
    expectIssue(await adr.idb(a, demande(ADHERENTS.erreur_metier)), 'ADR_BUSINESS', ['codeRetour']);
    expectIssue(await adr.idb(a, demande(ADHERENTS.faute)), 'ADR_SOAP_FAULT');
    expect(expectOk(await adr.idb(a, demande(ADHERENTS.instable))).ouverts).toBe(true);
  });

  it('CLC: garanti (guarantee id carried on), partial, non garanti, rejeté — and what the PMS does next', async () => {
    const a = await amc();
    const { adr } = client();
    const clc = async (adh: string) => {
      const idb = expectOk(await adr.idb(a, demande(adh)));
      return expectOk(await adr.clc(a, DECOMPTE, { ...demande(adh), referenceIdb: idb.reference }));
    };
    const g = await clc(ADHERENTS.garanti);
    expect(g.guarantee.statut).toBe('garanti');
    expect(g.guarantee.montantGaranti).toEqual(DECOMPTE.total.partAmc);
    expect(g.guarantee.id).toMatch(/^CLC-/);
    const next = expectOk(decideSuiteClc(g.guarantee, DECOMPTE));
    expect(next).toMatchObject({ tiersPayantAmc: true, dre: 'envoyer', montantDre: DECOMPTE.total.partAmc, partAmcPatient: { centimes: 0 } });
    const p = expectOk(decideSuiteClc((await clc(ADHERENTS.partiel)).guarantee, DECOMPTE));
    expect(p.montantDre.centimes + p.partAmcPatient.centimes).toBe(DECOMPTE.total.partAmc.centimes);
    const n = decideSuiteClc((await clc(ADHERENTS.non_garanti)).guarantee, DECOMPTE);
    expect(expectOk(n)).toMatchObject({ tiersPayantAmc: false, dre: 'aucune', partAmcPatient: DECOMPTE.total.partAmc });
    expectIssue(n, 'ADR_CLC_NON_GARANTI');
    expectIssue(decideSuiteClc((await clc(ADHERENTS.rejete)).guarantee, DECOMPTE), 'ADR_CLC_REJETE');
  });

  it('CLC is never retried: a timeout comes back at once', async () => {
    const a = await amc();
    const slept: number[] = [];
    const idb = expectOk(await client().adr.idb(a, demande(ADHERENTS.timeout)));
    const { adr } = client({ timeoutMs: 500, retries: 3, sleep: async (ms) => void slept.push(ms) });
    const before = services.calls['/amc/clc'] ?? 0;
    expectIssue(await adr.clc(a, DECOMPTE, { ...demande(ADHERENTS.timeout), referenceIdb: idb.reference }), 'ADR_TIMEOUT');
    expect(slept).toEqual([]);
    expect((services.calls['/amc/clc'] ?? 0) - before).toBeLessThanOrEqual(1);
  });

  it('annulation of a guarantee, once', async () => {
    const a = await amc();
    const { adr } = client();
    const idb = expectOk(await adr.idb(a, demande()));
    const g = expectOk(await adr.clc(a, DECOMPTE, { ...demande(), referenceIdb: idb.reference })).guarantee;
    expect(expectOk(await adr.annuler(a, g, { motif: 'soins non réalisés' })).annulee).toBe(true);
    expectIssue(await adr.annuler(a, g), 'ADR_BUSINESS', ['codeRetour']);
    expectIssue(await adr.annuler(a, { ...g, statut: 'non_garanti' }), 'ADR_ANNULATION_IMPOSSIBLE');
  });

  it('PEC: optique accordée, dentaire partielle, hospitalisation en cours then accordée', async () => {
    const a = await amc();
    const { adr } = client();
    const pec = (type: 'optique' | 'dentaire' | 'hospitalisation') => adr.demanderPec(a, { ...demande(), type, lignes: [{ code: '2243304', quantite: 1, montant: { centimes: 30000 } }] });
    expect(expectOk(await pec('optique'))).toMatchObject({ statut: 'accordee', montantAccorde: { centimes: 30000 } });
    expect(expectOk(await pec('dentaire'))).toMatchObject({ statut: 'partielle', montantAccorde: { centimes: 15000 } });
    const h = expectOk(await pec('hospitalisation'));
    expect(h.statut).toBe('en_cours');
    expect(expectOk(await adr.suivrePec(a, h.id)).statut).toBe('accordee');
  });

  it('ROC hospital flow: IDB → SIM → CLC → DRE-ES → 578R paid; and a 908R rejection, reconciled per invoice (AMC part)', async () => {
    const a = await amc();
    const { adr } = client();
    const sejour = (numeroFacture: string, adherent: string) => ({ finess: '750712184', numeroFacture, dateEntree: d('2025-03-09'), dateSortie: d('2025-03-12'), cle: { ...CLE, numeroAdherent: adherent } });
    async function stay(adherent: string, numeroFacture: string) {
      const dem = { ...demande(adherent), numeroFacturation: '750712184' };
      let dossier = DOSSIER_ROC_INITIAL;
      const idb = expectOk(await adr.idb(a, dem));
      dossier = expectOk(advanceRoc(dossier, { type: 'idb', droitsOuverts: idb.ouverts, reference: idb.reference }));
      const sim = expectOk(await adr.simuler(a, DECOMPTE, { ...dem, referenceIdb: idb.reference }));
      dossier = expectOk(advanceRoc(dossier, { type: 'sim', montantEstime: sim.montantEstime }));
      const clc = expectOk(await adr.clc(a, DECOMPTE, { ...dem, referenceIdb: idb.reference }));
      dossier = expectOk(advanceRoc(dossier, { type: 'clc', guarantee: clc.guarantee }));
      expectIssue(advanceRoc(dossier, { type: 'noemie', retour: '578R' }), 'ADR_ROC_SEQUENCE');
      const dre = expectOk(buildDreEs(clc, DECOMPTE, sejour(numeroFacture, adherent)));
      expect(dre.montantAmc).toEqual(clc.guarantee.montantGaranti);
      expect(dre.idGarantie).toBe(clc.guarantee.id);
      dossier = expectOk(advanceRoc(dossier, { type: 'dre-es', numeroFacture: dre.numeroFacture }));
      const envoi = expectOk(await adr.envoyerDreEs(a, dre));
      const retour = envoi.retour!;
      dossier = expectOk(advanceRoc(dossier, { type: 'noemie', retour: retour.type }));
      return { dre, clc, retour, dossier };
    }
    const paid = await stay(ADHERENTS.garanti, 'S2025000001');
    expect(paid.retour).toMatchObject({ type: '578R', emetteur: AMC_TEST.numeroAmc, finess: '750712184' });
    expect(paid.retour.factures[0]).toMatchObject({ statut: 'paye', numeroFacture: 'S2025000001', montantPaye: paid.dre.montantAmc });
    expect(paid.dossier).toMatchObject({ etape: 'paye', historique: ['idb', 'sim', 'clc', 'dre-es', 'noemie'] });
    const rejected = await stay(ADHERENTS.facture_rejetee, 'S2025000002');
    expect(rejected.retour.type).toBe('908R');
    expect(rejected.retour.factures[0]).toMatchObject({ statut: 'rejete', codeRejet: 'S012' });
    expect(rejected.dossier.etape).toBe('rejete');
    // The paid guarantee is consumed: the same DRE-ES again is a 908R.
    const again = expectOk(await adr.envoyerDreEs(a, paid.dre));
    expect(again.retour?.factures[0]).toMatchObject({ statut: 'rejete', codeRejet: 'G404' });
    // Reconciliation of the AMC part per invoice (the AMO part follows its own NOEMIE flow).
    const pending = { ...paid.dre, numeroFacture: 'S2025000003', idGarantie: 'CLC-EN-ATTENTE' };
    const rec = (reconcileRoc([paid.dre, rejected.dre, pending], [paid.retour, rejected.retour]));
    const value = expectOk(rec);
    expect(value.factures.map((f) => f.statut)).toEqual(['paye', 'rejete', 'en-attente']);
    expect(value.totaux.paye).toEqual(paid.dre.montantAmc);
    expect(value.totaux.rejete).toEqual(rejected.dre.montantAmc);
    expect(value.totaux.enAttente).toEqual(pending.montantAmc);
    expectIssue(rec, 'ADR_ROC_REJET', ['dres', 1]);
    expect(services.calls['/amc/dre-es']).toBeGreaterThanOrEqual(3);
  });

  it('ROC: no DRE-ES without a guarantee; a CLC non garanti ends the file without tiers payant', async () => {
    const a = await amc();
    const { adr } = client();
    const dem = { ...demande(ADHERENTS.non_garanti), numeroFacturation: '750712184' };
    const idb = expectOk(await adr.idb(a, dem));
    const clc = expectOk(await adr.clc(a, DECOMPTE, { ...dem, referenceIdb: idb.reference }));
    expectIssue(buildDreEs(clc, DECOMPTE, { finess: '750712184', numeroFacture: 'S1', dateEntree: d('2025-03-09'), dateSortie: d('2025-03-12'), cle: CLE }), 'ADR_ROC_SANS_GARANTIE');
    let dossier = expectOk(advanceRoc(DOSSIER_ROC_INITIAL, { type: 'idb', droitsOuverts: true, reference: idb.reference }));
    dossier = expectOk(advanceRoc(dossier, { type: 'clc', guarantee: clc.guarantee }));
    expect(dossier.etape).toBe('sans-tiers-payant');
  });

  it('TLS: a client certificate from another CA is refused; a server the CA does not sign is refused', async () => {
    const intruder = client({ tls: { ...pki.intruder, ca: pki.ca }, retries: 0 });
    const r = await intruder.adr.consulter(adri(ASSURES.ouverts));
    expect(r.ok).toBe(false);
    expect(['ADR_TLS', 'ADR_NETWORK']).toContain(r.issues[0]?.code);
    const wrongCa = client({ tls: { ...pki.client, ca: pki.intruder.cert }, retries: 0 });
    expectIssue(await wrongCa.adr.consulter(adri(ASSURES.ouverts)), 'ADR_TLS');
  });

  it('network: a closed port is ADR_NETWORK after the retries of a read', async () => {
    const slept: number[] = [];
    const t = expectOk(createServiceTransport({ tls: { ...pki.client, ca: pki.ca }, retries: 2, backoffMs: 10, sleep: async (ms) => void slept.push(ms) }));
    opened.push(t);
    const r = await t.call({ service: 'ADRi', url: 'https://127.0.0.1:1/adri', json: {}, idempotent: true });
    expectIssue(r, 'ADR_NETWORK');
    expect(slept).toEqual([10, 20]);
    const once = await t.call({ service: 'CLC', url: 'https://127.0.0.1:1/clc', json: {}, idempotent: false });
    expectIssue(once, 'ADR_NETWORK');
    expect(slept).toEqual([10, 20]);
  });
});

describe('transport and client configuration', () => {
  it('guard their configuration and never throw on junk', () => {
    for (const junk of [null, 1, 'x', [], () => 1, { timeoutMs: -1 }, { tls: { cert: 1 } }]) expect(createServiceTransport(junk as never).ok).toBe(false);
    for (const junk of [null, 1, {}, { transport: {} }, { transport: { call: () => 1 }, adriUrl: 'ftp://x' }]) expect(createAdrClient(junk as never).ok).toBe(false);
  });

  it('client methods and the transport resolve to a Result on junk (never reject)', async () => {
    const { fc } = await import('@fast-check/vitest');
    const t = expectOk(createServiceTransport({ timeoutMs: 200, retries: 0 }));
    const c = expectOk(createAdrClient({ transport: t, adriUrl: 'https://127.0.0.1:1/adri', annuaireUrl: 'https://127.0.0.1:1/annuaire' }));
    const methods = Object.values(c) as ((...a: unknown[]) => Promise<{ ok: unknown }>)[];
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.anything(), fc.anything(), async (a, b, x) => {
        for (const m of methods) expect(typeof (await m(a, b, x)).ok).toBe('boolean');
        expect(typeof (await t.call(a as never)).ok).toBe('boolean');
      }),
      { numRuns: runs(100) },
    );
    await t.close();
  });

  it('a client without an ADRi URL answers INPUT_MISSING, not a throw', async () => {
    const t = expectOk(createServiceTransport({}));
    const c = expectOk(createAdrClient({ transport: t }));
    expectIssue(await c.consulter({ nir: '1', dateNaissance: d('1980-01-01'), dateSoins: d('2025-01-01') }), 'INPUT_MISSING', ['config', 'adriUrl']);
    expectIssue(await t.call({ service: 'x', url: 'nope', idempotent: true }), 'INPUT_TYPE', ['call', 'url']);
    await t.close();
  });
});
