/**
 * `sesam-billing/adr`: rights and AMC services. INSi (re-exported from `sesam-billing/insi`: the
 * public SOAP contract), ADRi (AMO rights at the date of care, payment guarantee control), apCV
 * (the Vitale app's expiring context), Annuaire AMC, IDB / CLC with the payment guarantee and
 * annulation, prise en charge (PEC), the ROC hospital sequence. Pure: the HTTPS adapters are in
 * `sesam-billing/adr/node`. ADRi, apCV, Annuaire, IDB/CLC, PEC and ROC contracts are not public:
 * they are modeled (see docs/spec-map.md).
 */
export * from '../insi/index';
export { ADR_CODES } from './codes';
export type { AdrCode } from './codes';
export type { AdriDemande, AdriPort, DroitsAdri, MutuelleAdri, PeriodeCouverture, PeriodeDroits } from './adri';
export { buildAdriRequest, parseAdriResponse } from './adri';
export type { DroitsAuJour } from './droitsAuJour';
export { computeDroitsAuJour } from './droitsAuJour';
export type { FseDroitsInput, GarantieDroits, SourceGarantie } from './garantie';
export { captureDroitsLus, checkDroitsGarantis, markFseFromAdri } from './garantie';
export type { ApcvContexte, ApcvDecoder, CanalApcv, DecisionApcv, SecurisationApcv } from './apcv';
export { acquireApcvContexte, buildApcvSecurisation, decideApcvRenewal, validateApcvContexte } from './apcv';
export type { AmcResolue, CleAnnuaireAmc, EntreeAnnuaireAmc, RoutageDre, ServiceAmc } from './annuaire';
export { parseAnnuaireResponse, resolveAmc, serviceUrl } from './annuaire';
export type { DemandeAmcBase } from './demande';
export type { DecompteAmc, DroitsAmc, Guarantee, ResultatClc, StatutGarantie, SuiteClc } from './selamc';
export { buildClcRequest, buildIdbRequest, decideSuiteClc, parseClcResponse, parseIdbResponse } from './selamc';
export { buildAnnulationRequest, parseAnnulationResponse } from './annulation';
export type { DemandePec, Pec, StatutPec, TypePec } from './pec';
export { applyPecStatut, buildPecRequest, parsePecResponse, PEC_STATUTS, PEC_TRANSITIONS } from './pec';
export type { DossierRoc, EtapeRoc, EvenementRoc } from './roc';
export { advanceRoc, DOSSIER_ROC_INITIAL } from './roc';
export type { DreEs, DreEsCodec, FactureRapprocheeRoc, LigneDreEs, RapprochementRoc, RetourFactureRoc, RetourRoc, SejourRoc, StatutRapprochementRoc } from './rocFacturation';
export { buildDreEs, buildRetourRoc, DRE_ES_MAX_CHARS, MODELED_DRE_ES_CODEC, parseRetourRoc, reconcileRoc, RETOUR_ROC_MAX_CHARS } from './rocFacturation';
export { parseSoapEnvelope, SOAP_MAX_CHARS } from './soap';
export * from './attestation/index';
