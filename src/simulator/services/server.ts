/**
 * Local HTTPS services on loopback for tests, demos and benches: INSi (SOAP 1.2), ADRi, Annuaire
 * AMC, IDB, SIM, CLC, annulation, PEC and the ROC DRE-ES with its NOEMIE 578R / 908R return
 * (modeled JSON and text), behind one HTTPS server that checks the
 * client certificate against the test CA (mutual TLS). Outcomes are scripted by the request data
 * ({@link ASSURES}, {@link ADHERENTS}, PEC type, INSi nom de naissance): open / closed rights,
 * guarantee / no guarantee / rejection, timeouts (no answer), SOAP faults, slow answers.
 * Fictitious data only; never a production endpoint.
 */
import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SesamError } from '../../core/issues/index';
import { buildRetourRoc, MODELED_DRE_ES_CODEC } from '../../adr/rocFacturation';
import type { RetourFactureRoc } from '../../adr/rocFacturation';
import { fromCentimes } from '../../core/money/index';
import type { PlainDate } from '../../core/date/index';
import { ADHERENTS, AMC_TEST, ASSURES } from './personas';
import type { TestPki } from './pki';
import { INSI_CR00, INSI_CR01, INSI_CR02, soapFault } from './soap';

/** Options of {@link startLocalServices}. */
export interface LocalServicesOptions {
  /** The PKI (server certificate, CA checking the clients). */
  readonly pki: TestPki;
  /** Delay of the `lent` scenarios in ms (default 300). */
  readonly slowMs?: number;
}

/** The running services. */
export interface LocalServices {
  /** Base URL, e.g. `https://127.0.0.1:43117`. */
  readonly baseUrl: string;
  readonly urls: { readonly insi: string; readonly adri: string; readonly annuaire: string };
  /** Calls received per path. */
  readonly calls: Readonly<Record<string, number>>;
  /** Stops the server (open connections are closed). */
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const ADRI_OUVERTS = (ald: boolean): Json => ({
  reference: 'ADRI-TEST-0001',
  infosGlobales: { codeRegime: '01', codeCaisse: '751', centrePrestation: '0001', codePresentationSupportAMO: '1' },
  beneficiaireDeSoins: {
    qualite: '0',
    topMedecinTraitant: '1',
    lstPeriodeAMO: [{ dateDebut: '20240101', dateFin: '20261231' }],
    lstPeriodeCodeCouverture: ald ? [{ groupe: '1', dateDebut: '20240101', dateFin: '20261231', codeALD: '1', codeSituation: '0100' }] : [],
  },
  mutuelle: { noIdentification: AMC_TEST.numeroAmc, indicateurTraitement: '02', codeAiguillageSTS: 'R', periodeMutuelle: { dateDebut: '20250101', dateFin: '20251231' } },
});

/**
 * Starts the local services on 127.0.0.1 (a free port).
 *
 * @param options - `pki`, `slowMs`.
 * @returns The running services.
 * @throws SesamError `ASSERTION` without a test PKI (a programmer error).
 */
export async function startLocalServices(options: LocalServicesOptions): Promise<LocalServices> {
  const pki = typeof options === 'object' && options !== null ? (options as { pki?: unknown }).pki : undefined;
  const pem = (v: unknown, k: string): string | undefined => (typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[k] === 'string' ? ((v as Record<string, unknown>)[k] as string) : undefined);
  const server0 = typeof pki === 'object' && pki !== null ? (pki as { server?: unknown }).server : undefined;
  if (pem(pki, 'ca') === undefined || pem(server0, 'cert') === undefined || pem(server0, 'key') === undefined) throw new SesamError('ASSERTION', 'startLocalServices needs { pki } from createTestPki()');
  const slowRaw = (options as { slowMs?: unknown }).slowMs;
  const slowMs = typeof slowRaw === 'number' && Number.isSafeInteger(slowRaw) && slowRaw >= 0 && slowRaw <= 60_000 ? slowRaw : 300;
  const calls: Record<string, number> = {};
  const instables = new Set<string>();
  /** Open guarantees: id → guaranteed centimes (consumed by a paid DRE-ES, removed by annulation). */
  const guarantees = new Map<string, number>();
  let seq = 0;
  let base = '';
  const server = createServer({ key: options.pki.server.key, cert: options.pki.server.cert, ca: options.pki.ca, requestCert: true, rejectUnauthorized: true }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > 1024 * 1024) req.destroy();
      else chunks.push(c);
    });
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const key = path.startsWith('/amc/pec/') ? '/amc/pec/:id' : path;
      calls[key] = (calls[key] ?? 0) + 1;
      handle(req, res, path, Buffer.concat(chunks).toString('utf8'));
    });
  });

  const json = (res: ServerResponse, status: number, body: unknown, delay = 0): void => {
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (delay > 0) setTimeout(send, delay);
    else send();
  };
  const xml = (res: ServerResponse, status: number, body: string): void => {
    res.writeHead(status, { 'content-type': 'application/soap+xml; charset=utf-8' });
    res.end(body);
  };
  const fault = (res: ServerResponse) => xml(res, 500, soapFault('siram_40', 'desir_540', 'Service momentanément indisponible (test)'));

  function handle(_req: IncomingMessage, res: ServerResponse, path: string, text: string): void {
    if (path === '/insi') {
      if (text.includes('>UN<')) return xml(res, 200, INSI_CR00);
      if (text.includes('>AUCUN<')) return xml(res, 200, INSI_CR01);
      if (text.includes('>PLUSIEURS<')) return xml(res, 200, INSI_CR02);
      if (text.includes('>FAUTE<')) return xml(res, 500, soapFault('siram_100', 'desir_550', 'Numéro d’autorisation du logiciel inconnu (test)'));
      if (text.includes('>LENT<')) return; // never answers
      return xml(res, 200, INSI_CR01);
    }
    let body: Json;
    try {
      body = JSON.parse(text) as Json;
    } catch {
      return json(res, 400, { codeRetour: '99', libelle: 'JSON mal formé' });
    }
    const adh = String(body['numeroAdherent'] ?? '');
    if (path === '/adri') {
      const nir = String(body['immatriculation'] ?? '');
      if (nir === ASSURES.timeout) return;
      if (nir === ASSURES.faute) return fault(res);
      if (nir === ASSURES.fermes) return json(res, 200, { ...ADRI_OUVERTS(false), beneficiaireDeSoins: { qualite: '0', lstPeriodeAMO: [{ dateDebut: '20200101', dateFin: '20231231' }] } });
      return json(res, 200, ADRI_OUVERTS(nir === ASSURES.ald), nir === ASSURES.lent ? slowMs : 0);
    }
    if (path === '/annuaire') {
      if (body['numeroAmc'] !== AMC_TEST.numeroAmc) return json(res, 200, { codeRetour: 'AMC_INCONNUE' });
      const amc = `${base}/amc`;
      return json(res, 200, { codeRetour: '00', numeroAmc: AMC_TEST.numeroAmc, typeConvention: AMC_TEST.typeConvention, critereSecondaireRoutage: AMC_TEST.critereSecondaireRoutage, nom: 'AMC DE TEST', services: { idb: `${amc}/idb`, clc: `${amc}/clc`, sim: `${amc}/sim`, annulation: `${amc}/annulation`, pec: `${amc}/pec`, dreEs: `${amc}/dre-es` }, routage: AMC_TEST.routage });
    }
    if (path === '/amc/idb') {
      if (adh === ADHERENTS.timeout) return json(res, 200, { codeRetour: '00', droitsOuverts: true, reference: `IDB-${++seq}` });
      if (adh === ADHERENTS.faute) return fault(res);
      if (adh === ADHERENTS.erreur_metier) return json(res, 200, { codeRetour: '12', libelle: 'Adhérent inconnu (test)' });
      if (adh === ADHERENTS.instable && !instables.has(adh)) {
        instables.add(adh);
        return json(res, 503, { codeRetour: '99' });
      }
      return json(res, 200, { codeRetour: '00', droitsOuverts: adh !== ADHERENTS.droits_fermes, reference: `IDB-${++seq}`, ...(adh === ADHERENTS.droits_fermes ? { libelle: 'Contrat résilié (test)' } : {}) }, adh === ADHERENTS.lent ? slowMs : 0);
    }
    if (path === '/amc/clc' || path === '/amc/sim') {
      const demande = Number(body['totalPartAmcDemandee'] ?? 0);
      if (path === '/amc/sim') return json(res, 200, { montantEstime: demande });
      if (adh === ADHERENTS.timeout) return;
      if (adh === ADHERENTS.faute) return fault(res);
      const id = `CLC-${++seq}`;
      if (adh === ADHERENTS.non_garanti) return json(res, 200, { statut: 'non_garanti', idGarantie: id, motif: 'Plafond atteint (test)' });
      if (adh === ADHERENTS.rejete) return json(res, 200, { statut: 'rejete', idGarantie: id, motif: 'Acte non couvert (test)' });
      const montant = adh === ADHERENTS.partiel ? Math.floor(demande / 2) : demande;
      guarantees.set(id, montant);
      const lignes = Array.isArray(body['lignes']) ? (body['lignes'] as Json[]).map((l) => ({ index: l['index'], montantGaranti: adh === ADHERENTS.partiel ? Math.floor(Number(l['partAmcDemandee']) / 2) : l['partAmcDemandee'] })) : [];
      return json(res, 200, { statut: 'garanti', idGarantie: id, montantGaranti: montant, lignes }, adh === ADHERENTS.lent ? slowMs : 0);
    }
    if (path === '/amc/annulation') {
      const id = String(body['idGarantie'] ?? '');
      if (!guarantees.delete(id)) return json(res, 200, { codeRetour: 'G404' });
      return json(res, 200, { codeRetour: '00' });
    }
    if (path === '/amc/dre-es') {
      // ROC invoicing (modeled): the DRE-ES is answered at once with its NOEMIE return, 578R when
      // it claims an open guarantee within its amount (the guarantee is then consumed), else 908R.
      const parsed = body['format'] === MODELED_DRE_ES_CODEC.id && typeof body['dreEs'] === 'string' ? MODELED_DRE_ES_CODEC.parse(body['dreEs']) : undefined;
      if (parsed === undefined || !parsed.ok) return json(res, 200, { codeRetour: '30', libelle: 'DRE-ES illisible (test)' });
      const dre = parsed.value;
      const garanti = guarantees.get(dre.idGarantie);
      const rejet = garanti === undefined ? ['G404', 'GARANTIE INCONNUE, ANNULEE OU DEJA FACTUREE (TEST)'] : dre.numeroAdherent === ADHERENTS.facture_rejetee ? ['S012', 'SEJOUR NON COUVERT PAR LE CONTRAT (TEST)'] : dre.montantAmc.centimes > garanti ? ['M001', 'MONTANT SUPERIEUR A LA GARANTIE (TEST)'] : undefined;
      const today = '2025-03-20' as PlainDate;
      const base = { numeroFacture: dre.numeroFacture, idGarantie: dre.idGarantie, montantDemande: dre.montantAmc };
      const facture: RetourFactureRoc = rejet === undefined
        ? { statut: 'paye', ...base, montantPaye: fromCentimes(dre.montantAmc.centimes), datePaiement: today, referenceVirement: `VIR${String(++seq).padStart(8, '0')}` }
        : { statut: 'rejete', ...base, codeRejet: rejet[0]!, libelle: rejet[1]! };
      if (rejet === undefined) guarantees.delete(dre.idGarantie);
      const text = buildRetourRoc({ type: rejet === undefined ? '578R' : '908R', emetteur: AMC_TEST.numeroAmc, finess: dre.finess, dateCreation: today, referenceFichier: `R${String(++seq).padStart(8, '0')}`, factures: [facture] });
      if (!text.ok) return json(res, 500, { codeRetour: '99', libelle: text.issues.map((i) => i.message).join(' ; ').slice(0, 200) });
      return json(res, 200, { codeRetour: '00', reference: `DREES-${++seq}`, retourNoemie: text.value });
    }
    if (path === '/amc/pec') {
      const type = String(body['type'] ?? '');
      const total = Array.isArray(body['lignes']) ? (body['lignes'] as Json[]).reduce((s, l) => s + Number(l['montant'] ?? 0), 0) : 0;
      const id = `PEC-${type.slice(0, 4).toUpperCase()}-${++seq}`;
      if (type === 'optique') return json(res, 200, { idPec: id, type, statut: 'accordee', montantAccorde: total, finValidite: '20251231' });
      if (type === 'dentaire') return json(res, 200, { idPec: id, type, statut: 'partielle', montantAccorde: Math.floor(total / 2), finValidite: '20251231' });
      return json(res, 200, { idPec: id, type, statut: 'en_cours' });
    }
    if (path.startsWith('/amc/pec/')) {
      const id = decodeURIComponent(path.slice('/amc/pec/'.length));
      return json(res, 200, { idPec: id, type: 'hospitalisation', statut: 'accordee', montantAccorde: 120000, finValidite: '20251231' });
    }
    return json(res, 404, { codeRetour: '404' });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: base,
    urls: { insi: `${base}/insi`, adri: `${base}/adri`, annuaire: `${base}/annuaire` },
    calls,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
