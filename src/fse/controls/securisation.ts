/**
 * Securing-mode controls: each mode's mandatory data (S: Vitale card data; F: source of rights;
 * D: motif and the justificatif to send later), the CPS for all, the securing date, and for an
 * apCV invoice (mode F, rights from the app) a context still valid at the securing instant.
 *
 * @see Norme B2 inter-régimes (cahier des charges CNAM), type 1 zone 81 (top certification S/F/D); ameli.fr « Facturation en mode dégradé »
 */
import type { Fse } from '../model';
import { isSecuringMode } from '../securing';
import type { FseControl } from './types';
import { ALWAYS, control } from './types';

const TYPES_CPS = new Set(['0', '1', '2', '3', '4']);
const SOURCES = new Set(['adri', 'attestation-papier', 'apcv']);
const MOTIFS = new Set(['carte-absente', 'carte-illisible', 'lecteur-indisponible', 'autre']);
const blank = (s: string | undefined): boolean => s === undefined || s.trim() === '';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const isApcv = (fse: Fse): boolean => fse.securisation.mode === 'F' && fse.securisation.sourceDroits === 'apcv';

function missingVitale(fse: Fse): string[] {
  const s = fse.securisation;
  if (s.mode !== 'S') return [];
  const v = s.vitale as Partial<typeof s.vitale> | undefined;
  if (v === undefined) return ['vitale'];
  return (['typeCarte', 'numeroSerie', 'dateLecture'] as const).filter((k) => blank(v[k]));
}

/** Securing-mode controls of an FSE. */
export const SECURISATION_CONTROLS: readonly FseControl[] = [
  control('FSE_SECURISATION_MODE_UNKNOWN', 'Mode de sécurisation S, F ou D', ALWAYS, (fse) =>
    isSecuringMode(fse.securisation.mode) ? undefined : { path: ['securisation', 'mode'], received: fse.securisation.mode }),
  control('FSE_CPS_MISSING', 'Données de la carte CPS présentes', ALWAYS, (fse) => {
    const cps = fse.securisation.cps as Partial<Fse['securisation']['cps']> | undefined;
    const ok = cps !== undefined && TYPES_CPS.has(cps.typeCarte ?? '') && Number.isInteger(cps.numeroSituation) && (cps.numeroSituation ?? 0) >= 1;
    return ok ? undefined : { path: ['securisation', 'cps'] };
  }),
  control('FSE_VITALE_DATA_MISSING', 'Mode S : données de la carte Vitale', (fse) => fse.securisation.mode === 'S', (fse) => {
    const missing = missingVitale(fse);
    return missing.length === 0 ? undefined : { path: ['securisation', 'vitale'], received: missing.join(', ') };
  }),
  control('FSE_SANS_VITALE_SOURCE_MISSING', 'Mode F : source des droits', (fse) => fse.securisation.mode === 'F', (fse) =>
    fse.securisation.mode === 'F' && SOURCES.has(fse.securisation.sourceDroits) ? undefined : { path: ['securisation', 'sourceDroits'] }),
  control('FSE_APCV_CONTEXTE_EXPIRE', 'Mode F apCV : contexte de l’application renouvelé, valide à la sécurisation', (fse, ctx) => ctx.securingAt !== undefined && isApcv(fse), (fse, ctx) => {
    const s = fse.securisation;
    if (s.mode !== 'F') return undefined;
    const at = ctx.securingAt ?? '';
    const fin = s.finValiditeDroits;
    if (blank(s.referenceDroits) || fin === undefined || !ISO_INSTANT.test(fin)) return { path: ['securisation', 'finValiditeDroits'], expected: at, received: 'contexte absent' };
    const t = Date.parse(fin);
    const a = Date.parse(at);
    // An unreadable securing instant is FSE_SECURISATION_DATE's business; an unreadable end of validity is no context.
    if (!Number.isFinite(t)) return { path: ['securisation', 'finValiditeDroits'], expected: at, received: 'contexte absent' };
    return Number.isFinite(a) && t <= a ? { path: ['securisation', 'finValiditeDroits'], expected: at, received: `expiré le ${fin}` } : undefined;
  }),
  control('FSE_DEGRADE_MOTIF_MISSING', 'Mode D : motif du dégradé', (fse) => fse.securisation.mode === 'D', (fse) =>
    fse.securisation.mode === 'D' && MOTIFS.has(fse.securisation.motif) ? undefined : { path: ['securisation', 'motif'] }),
  control('FSE_DEGRADE_JUSTIFICATIF_PENDING', 'Mode D : justificatif papier ou SCOR à transmettre', (fse) => fse.securisation.mode === 'D', (fse) => {
    const s = fse.securisation;
    if (s.mode !== 'D') return undefined;
    const j = s.justificatif as Partial<typeof s.justificatif> | undefined;
    return j !== undefined && j.statut === 'transmis' ? undefined : { path: ['securisation', 'justificatif'], received: j?.support ?? 'papier ou SCOR' };
  }),
  control('FSE_SECURISATION_DATE', 'Sécurisation après l’élaboration', (_fse, ctx) => ctx.securingAt !== undefined, (fse, ctx) => {
    const day = (ctx.securingAt ?? '').slice(0, 10);
    return day < fse.identification.dateElaboration ? { path: ['securisation'], expected: fse.identification.dateElaboration, received: day } : undefined;
  }),
];
