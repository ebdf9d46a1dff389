/**
 * Prise en charge (PEC): a request to the AMC before optical, dental or hospital care, with its
 * statuses. The Inter-AMC contract is members-only: request, answer and status cycle are
 * modeled (déposée → en cours → accordée / partielle / refusée; annulée or expirée at the end).
 *
 * @see Association Inter-AMC, services en ligne des AMC (demande de prise en charge optique, dentaire, hospitalisation: spécifications réservées aux membres, modélisées)
 */
import { field, guardArray, guardEnum, guardInteger, guardMoney, guardObject, guardString, inputErr } from '../core/guard/index';
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import type { Money } from '../core/money/index';
import { fromCentimes } from '../core/money/index';
import { ADR_CODES } from './codes';
import type { DemandeAmcBase } from './demande';
import { guardDemandeBase } from './demande';
import { wireReader } from './wire';

const issue = createIssueFactory(ADR_CODES);

/** Kind of care a PEC is asked for. */
export type TypePec = 'optique' | 'dentaire' | 'hospitalisation';

/** Status of a PEC (modeled). */
export type StatutPec = 'deposee' | 'en_cours' | 'accordee' | 'partielle' | 'refusee' | 'annulee' | 'expiree';

/** All PEC statuses. */
export const PEC_STATUTS: readonly StatutPec[] = /* @__PURE__ */ Object.freeze(['deposee', 'en_cours', 'accordee', 'partielle', 'refusee', 'annulee', 'expiree']);

/** Allowed transitions of the modeled PEC cycle. */
export const PEC_TRANSITIONS: Readonly<Record<StatutPec, readonly StatutPec[]>> = /* @__PURE__ */ Object.freeze({
  deposee: ['en_cours', 'accordee', 'partielle', 'refusee', 'annulee'],
  en_cours: ['accordee', 'partielle', 'refusee', 'annulee'],
  accordee: ['annulee', 'expiree'],
  partielle: ['annulee', 'expiree'],
  refusee: [],
  annulee: [],
  expiree: [],
});

/** A PEC request. */
export interface DemandePec extends DemandeAmcBase {
  readonly type: TypePec;
  /** Planned acts or devices (code LPP / CCAM / GHS…, amount). */
  readonly lignes: readonly { readonly code: string; readonly quantite: number; readonly montant: Money }[];
}

/** A PEC as the AMC answers it. */
export interface Pec {
  readonly id: string;
  readonly type: TypePec;
  readonly statut: StatutPec;
  /** Amount the AMC agrees to pay (zero until accordée / partielle). */
  readonly montantAccorde: Money;
  /** End of validity of the agreement, when given (AAAA-MM-JJ). */
  readonly finValidite?: string;
}

/**
 * Builds the modeled PEC request body.
 *
 * @param demande - Type, attestation fields, bénéficiaire, PS / établissement, date of care, lines.
 * @returns The body, or `INPUT_*` issues.
 */
export function buildPecRequest(demande: DemandePec): Result<Readonly<Record<string, unknown>>> {
  const issues: Issue[] = [];
  const b = guardDemandeBase(demande, 'demande', issues);
  const d = guardObject(demande, ['demande'], []);
  const type = d && guardEnum(field(d, 'type'), ['optique', 'dentaire', 'hospitalisation'], ['demande', 'type'], issues);
  const lignes = d && guardArray(field(d, 'lignes'), ['demande', 'lignes'], issues, { min: 1, max: 99 });
  const out = (lignes ?? []).map((l, i) => {
    const o = guardObject(l, ['demande', 'lignes', i], issues);
    const code = o && guardString(field(o, 'code'), ['demande', 'lignes', i, 'code'], issues, { pattern: /^[0-9A-Z.+ ]{1,13}$/, expected: 'code' });
    const q = o && guardInteger(field(o, 'quantite'), ['demande', 'lignes', i, 'quantite'], issues, { min: 1, max: 99 });
    const m = o && guardMoney(field(o, 'montant'), ['demande', 'lignes', i, 'montant'], issues, { min: 0 });
    return { code, quantite: q, montant: m?.centimes };
  });
  if (issues.length > 0 || !b || !type) return inputErr(issues);
  return ok({ ...b, type, lignes: out });
}

/**
 * Parses the modeled PEC answer `{ idPec, type, statut, montantAccorde?, finValidite? }`.
 *
 * @param json - The parsed JSON body.
 * @returns The PEC, or `ADR_RESPONSE_FIELD` issues.
 */
export function parsePecResponse(json: unknown): Result<Pec> {
  const w = wireReader();
  const r = w.obj(json, []);
  const id = w.text(r, 'idPec', [], /^[0-9A-Za-z._:-]{1,64}$/);
  const type = w.text(r, 'type', [], /^(optique|dentaire|hospitalisation)$/) as TypePec | undefined;
  const statut = w.text(r, 'statut', [], /^(deposee|en_cours|accordee|partielle|refusee|annulee|expiree)$/) as StatutPec | undefined;
  const montant = w.centimes(r, 'montantAccorde', [], false) ?? 0;
  const fin = w.date(r, 'finValidite', [], false);
  if (w.issues.length > 0) return err(...(w.issues as [Issue, ...Issue[]]));
  return ok({ id: id!, type: type!, statut: statut!, montantAccorde: fromCentimes(montant), ...(fin ? { finValidite: fin } : {}) });
}

/**
 * Applies a new status to a PEC along the modeled cycle.
 *
 * @param pec - The current PEC.
 * @param suivant - The new status (and the amount for accordée / partielle).
 * @returns The updated PEC, or `ADR_PEC_TRANSITION`.
 */
export function applyPecStatut(pec: Pec, suivant: { readonly statut: StatutPec; readonly montantAccorde?: Money }): Result<Pec> {
  const issues: Issue[] = [];
  const p = guardObject(pec, ['pec'], issues);
  const from = p && guardEnum(field(p, 'statut'), PEC_STATUTS, ['pec', 'statut'], issues);
  const s = guardObject(suivant, ['suivant'], issues);
  const to = s && guardEnum(field(s, 'statut'), PEC_STATUTS, ['suivant', 'statut'], issues);
  const m = s && guardMoney(field(s, 'montantAccorde'), ['suivant', 'montantAccorde'], issues, { required: false, min: 0 });
  if (issues.length > 0 || !p || !from || !to) return inputErr(issues);
  if (!PEC_TRANSITIONS[from].includes(to)) return err(issue('ADR_PEC_TRANSITION', { path: ['suivant', 'statut'], expected: to, received: from }));
  return ok({ ...(p as unknown as Pec), statut: to, ...(m ? { montantAccorde: fromCentimes(m.centimes) } : {}) });
}
