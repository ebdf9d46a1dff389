/**
 * Client of the rights and AMC services over the {@link ServiceTransport}: ADRi (an
 * {@link AdriPort}), Annuaire AMC, IDB, SIM, CLC, annulation, PEC. Reads (ADRi, Annuaire, IDB,
 * SIM, PEC follow-up) are idempotent and retried by the transport; CLC, annulation and a PEC
 * submission are never retried (a lost answer may hide a granted guarantee: the PMS asks again
 * or cancels). Contracts modeled (JSON), see `sesam-billing/adr`.
 */
import type { PlainDate } from '../../core/date/index';
import { field, guardObject, guardString, inputErr } from '../../core/guard/index';
import type { Issue, Result } from '../../core/issues/index';
import { createIssueFactory, err, ok } from '../../core/issues/index';
import type { AdriDemande, AdriPort, DroitsAdri } from '../adri';
import { buildAdriRequest, parseAdriResponse } from '../adri';
import type { AmcResolue, CleAnnuaireAmc, ServiceAmc } from '../annuaire';
import { parseAnnuaireResponse, resolveAmc, serviceUrl } from '../annuaire';
import type { DemandePec, Pec } from '../pec';
import { buildPecRequest, parsePecResponse } from '../pec';
import type { DemandeAmcBase } from '../demande';
import type { DecompteAmc, DroitsAmc, Guarantee, ResultatClc } from '../selamc';
import { buildClcRequest, buildIdbRequest, parseClcResponse, parseIdbResponse } from '../selamc';
import { buildAnnulationRequest, parseAnnulationResponse } from '../annulation';
import { ADR_CODES } from '../codes';
import type { DreEs, DreEsCodec, RetourRoc } from '../rocFacturation';
import { MODELED_DRE_ES_CODEC, parseRetourRoc } from '../rocFacturation';
import type { ServiceTransport } from './transport';
import { wireReader } from '../wire';
import { fromCentimes } from '../../core/money/index';
import type { Money } from '../../core/money/index';

/** Configuration of {@link createAdrClient}. */
export interface AdrClientConfig {
  readonly transport: ServiceTransport;
  /** ADRi endpoint (modeled). */
  readonly adriUrl?: string;
  /** Annuaire AMC endpoint (modeled). */
  readonly annuaireUrl?: string;
}

/** The client. */
export interface AdrClient extends AdriPort {
  /** Annuaire AMC: the entry of an attestation, checked at the date of care. */
  rechercherAmc(cle: CleAnnuaireAmc, options: { readonly dateSoins: PlainDate }): Promise<Result<AmcResolue>>;
  /** IDB: the bénéficiaire's rights at the AMC. */
  idb(amc: AmcResolue, demande: DemandeAmcBase): Promise<Result<DroitsAmc>>;
  /** SIM (ROC séjours): an estimate, no guarantee. */
  simuler(amc: AmcResolue, decompte: DecompteAmc, demande: DemandeAmcBase & { readonly referenceIdb: string }): Promise<Result<{ readonly montantEstime: Money }>>;
  /** CLC: the AMC part with a payment guarantee (never retried). */
  clc(amc: AmcResolue, decompte: DecompteAmc, demande: DemandeAmcBase & { readonly referenceIdb: string }): Promise<Result<ResultatClc>>;
  /** Annulation of a guarantee (never retried). */
  annuler(amc: AmcResolue, guarantee: Guarantee, options?: { readonly motif?: string }): Promise<Result<{ readonly annulee: true }>>;
  /** PEC submission (never retried). */
  demanderPec(amc: AmcResolue, demande: DemandePec): Promise<Result<Pec>>;
  /** PEC follow-up (a read). */
  suivrePec(amc: AmcResolue, idPec: string): Promise<Result<Pec>>;
  /**
   * ROC: sends a DRE-ES (never retried: a lost answer may hide an accepted invoice). The modeled
   * service acknowledges it with a reference and, when it has it, the NOEMIE return (578R / 908R)
   * text, parsed here; in production the returns come later in the NOEMIE-PS flow (`parseRetourRoc`).
   */
  envoyerDreEs(amc: AmcResolue, dre: DreEs, options?: { readonly codec?: DreEsCodec }): Promise<Result<EnvoiDreEs>>;
}

/** The answer to a DRE-ES. */
export interface EnvoiDreEs {
  /** The AMC's reference of the DRE-ES. */
  readonly reference: string;
  /** The NOEMIE return, when the service gives it with the acknowledgement. */
  readonly retour?: RetourRoc;
}

/**
 * Creates the client.
 *
 * @param config - `transport` (from `createServiceTransport`), `adriUrl`, `annuaireUrl`.
 * @returns The client, or `INPUT_*` issues.
 */
export function createAdrClient(config: AdrClientConfig): Result<AdrClient> {
  const issues: Issue[] = [];
  const c = guardObject(config, ['config'], issues);
  const t = c && guardObject(field(c, 'transport'), ['config', 'transport'], issues);
  const url = (k: string) => c && guardString(field(c, k), ['config', k], issues, { required: false, pattern: /^https?:\/\/[\x21-\x7e]+$/, max: 2048, expected: 'URL https://…' });
  const adriUrl = url('adriUrl');
  const annuaireUrl = url('annuaireUrl');
  if (t && typeof field(t, 'call') !== 'function') guardString(1, ['config', 'transport', 'call'], issues, { expected: 'fonction call' });
  if (issues.length > 0 || !t) return inputErr(issues);
  const transport = t as unknown as ServiceTransport;

  async function send<T>(service: string, target: Result<string> | string | undefined, body: Result<unknown>, idempotent: boolean, parse: (json: unknown) => Result<T>): Promise<Result<T>> {
    if (target === undefined) return guardMissing(service);
    const u = typeof target === 'string' ? ok(target) : target;
    if (!u.ok) return u;
    if (!body.ok) return body;
    const r = await transport.call({ service, url: u.value, json: body.value, idempotent });
    return r.ok ? parse(r.value.body) : r;
  }
  const svc = (amc: AmcResolue, s: ServiceAmc): Result<string> => (typeof amc === 'object' && amc !== null ? serviceUrl(amc, s) : inputErr(guardAmc()));

  return ok({
    consulter: (demande: AdriDemande): Promise<Result<DroitsAdri>> => send('ADRi', adriUrl, buildAdriRequest(demande), true, parseAdriResponse),
    async rechercherAmc(cle, options) {
      const o = typeof options === 'object' && options !== null ? options : ({} as { dateSoins: PlainDate });
      const k = typeof cle === 'object' && cle !== null ? (cle as unknown as Readonly<Record<string, unknown>>) : undefined;
      const body = k ? ok({ numeroAmc: field(k, 'numeroAmc'), typeConvention: field(k, 'typeConvention'), critereSecondaireRoutage: field(k, 'critereSecondaireRoutage') }) : inputErr(guardAmc('cle'));
      const entry = await send('Annuaire AMC', annuaireUrl, body, true, parseAnnuaireResponse);
      return entry.ok ? resolveAmc(cle, [entry.value], o) : entry;
    },
    idb: (amc, demande) => send('IDB', svc(amc, 'idb'), buildIdbRequest(demande), true, parseIdbResponse),
    simuler: (amc, decompte, demande) => send('SIM', svc(amc, 'sim'), buildClcRequest(decompte, demande), true, parseSim),
    clc: (amc, decompte, demande) => send('CLC', svc(amc, 'clc'), buildClcRequest(decompte, demande), false, parseClcResponse),
    annuler: (amc, guarantee, options) => send('annulation', svc(amc, 'annulation'), buildAnnulationRequest(guarantee, options), false, parseAnnulationResponse),
    demanderPec: (amc, demande) => send('PEC', svc(amc, 'pec'), buildPecRequest(demande), false, parsePecResponse),
    envoyerDreEs(amc, dre, options) {
      const codec = typeof options === 'object' && options !== null && options.codec !== undefined ? options.codec : MODELED_DRE_ES_CODEC;
      if (typeof codec !== 'object' || codec === null || typeof codec.serialize !== 'function') return Promise.resolve(inputErr(guardAmc('options')));
      let text: Result<string>;
      try {
        text = codec.serialize(dre);
      } catch {
        text = err(issueRoc('DRE-ES', 'le codec a levé une exception'));
      }
      const body: Result<unknown> = text.ok ? ok({ format: codec.id, dreEs: text.value }) : text;
      return send('DRE-ES', svc(amc, 'dreEs'), body, false, parseEnvoi);
    },
    suivrePec(amc, idPec) {
      const issuesId: Issue[] = [];
      const id = guardString(idPec, ['idPec'], issuesId, { pattern: /^[0-9A-Za-z._:-]{1,64}$/, expected: 'id de PEC' });
      const u = svc(amc, 'pec');
      return send('PEC', u.ok ? ok(`${u.value.replace(/\/$/, '')}/${encodeURIComponent(id ?? '')}`) : u, issuesId.length ? inputErr(issuesId) : ok({ idPec: id }), true, parsePecResponse);
    },
  });
}

function guardMissing(k: string): Result<never> {
  const issues: Issue[] = [];
  guardString(undefined, ['config', k === 'ADRi' ? 'adriUrl' : 'annuaireUrl'], issues, { expected: 'URL https://…' });
  return inputErr(issues);
}

function guardAmc(name = 'amc'): Issue[] {
  const issues: Issue[] = [];
  guardObject(null, [name], issues);
  return issues;
}

const issueAdr = createIssueFactory(ADR_CODES);
function issueRoc(expected: string, received: string): Issue {
  return issueAdr('ADR_ROC_FORMAT', { path: ['dre'], expected, received });
}

function parseEnvoi(json: unknown): Result<EnvoiDreEs> {
  const w = wireReader();
  const r = w.obj(json, []);
  const code = w.text(r, 'codeRetour', [], /^[0-9A-Z]{2,4}$/);
  const libelle = w.text(r, 'libelle', [], /^[^\u0000-\u001f]{0,200}$/, false);
  if (code !== undefined && code !== '00') return err(issueAdr('ADR_BUSINESS', { path: ['codeRetour'], expected: 'DRE-ES', received: `${code}${libelle ? ` ${libelle}` : ''}` }));
  const reference = w.text(r, 'reference', [], /^[0-9A-Za-z._:-]{1,64}$/);
  const noemie = r && field(r, 'retourNoemie');
  if (noemie !== undefined && typeof noemie !== 'string') w.text(r, 'retourNoemie', [], /^$/);
  if (w.issues.length > 0 || reference === undefined) return err(...(w.issues as [Issue, ...Issue[]]));
  if (noemie === undefined) return ok({ reference });
  const retour = parseRetourRoc(noemie as string);
  return retour.ok ? ok({ reference, retour: retour.value }) : retour;
}

function parseSim(json: unknown): Result<{ readonly montantEstime: Money }> {
  const w = wireReader();
  const r = w.obj(json, []);
  const m = w.centimes(r, 'montantEstime', []);
  return w.issues.length > 0 || m === undefined ? err(...(w.issues as [Issue, ...Issue[]])) : ok({ montantEstime: fromCentimes(m) });
}
