/**
 * The invoice state machine, per part (AMO and AMC tracked apart), as a pure function over a
 * table of allowed transitions exported as data. Documented with a diagram in
 * docs/guides/invoice-lifecycle.md.
 *
 * Why these edges (issue 6 §3, ARL : format non public, modélisé (docs/spec-map.md)): a negative ARL means "re-send the file", so
 * `arl_negative --transmission--> transmise`; a positive ARL is only a file acknowledgement, never
 * a payment; an RSP may arrive when the ARL was never read, so RSP events are accepted from
 * `transmise` too; `differee`, `traitement_caisse` and `signalee` wait for another RSP;
 * `rejetee` leaves only by recycling (a new number, linked).
 */
import type { Issue, Result } from '../core/issues/index';
import { createIssueFactory, err, ok } from '../core/issues/index';
import { field, guardArray, guardEnum, guardObject, guardString, INPUT_CODES, inputErr, kindOf } from '../core/guard/index';
import { LEDGER_CODES } from './codes';
import type { PartEventType, PartState } from './model';

const issue = createIssueFactory(LEDGER_CODES);
const inputIssue = createIssueFactory(INPUT_CODES);

/** Every part state, in lifecycle order. */
export const PART_STATES: readonly PartState[] = /* @__PURE__ */ Object.freeze([
  'a_emettre',
  'en_lot',
  'transmise',
  'arl_positive',
  'arl_negative',
  'payee',
  'partiellement_payee',
  'rejetee',
  'signalee',
  'differee',
  'traitement_caisse',
  'recyclee',
  'annulee',
]);

/** Every event. */
export const PART_EVENTS: readonly PartEventType[] = /* @__PURE__ */ Object.freeze([
  'mise_en_lot',
  'transmission',
  'arl_positif',
  'arl_negatif',
  'paiement',
  'paiement_partiel',
  'rejet',
  'signalement',
  'differe',
  'traitement_caisse',
  'recyclage',
  'annulation',
]);

/** The RSP (NOEMIE) outcomes: 198 / 199 état P / R / D, 294 rejects, 290 signalements. */
const RSP = {
  paiement: 'payee',
  paiement_partiel: 'partiellement_payee',
  rejet: 'rejetee',
  signalement: 'signalee',
  differe: 'differee',
  traitement_caisse: 'traitement_caisse',
} as const satisfies Partial<Record<PartEventType, PartState>>;

/** Allowed transitions: state → event → next state. Anything absent is refused. */
export const PART_TRANSITIONS: Readonly<Record<PartState, Readonly<Partial<Record<PartEventType, PartState>>>>> =
  Object.freeze({
    a_emettre: { mise_en_lot: 'en_lot', annulation: 'annulee' },
    en_lot: { transmission: 'transmise' },
    // Re-send without ARL (file lost) stays `transmise`.
    transmise: { transmission: 'transmise', arl_positif: 'arl_positive', arl_negatif: 'arl_negative', ...RSP },
    arl_negative: { transmission: 'transmise' },
    arl_positive: { ...RSP },
    signalee: { ...RSP },
    differee: { ...RSP },
    traitement_caisse: { ...RSP },
    partiellement_payee: { paiement: 'payee', paiement_partiel: 'partiellement_payee' },
    rejetee: { recyclage: 'recyclee' },
    payee: {},
    recyclee: {},
    annulee: {},
  });

/** States a part never leaves. */
export const FINAL_STATES: readonly PartState[] = /* @__PURE__ */ Object.freeze(
  PART_STATES.filter((s) => Object.keys(PART_TRANSITIONS[s]).length === 0),
);

/**
 * Tells whether a value is a part state.
 *
 * @param value - Anything.
 * @returns `true` for one of `PART_STATES`.
 */
export function isPartState(value: unknown): value is PartState {
  return typeof value === 'string' && (PART_STATES as readonly string[]).includes(value);
}

/**
 * Tells whether a value is a part event.
 *
 * @param value - Anything.
 * @returns `true` for one of `PART_EVENTS`.
 */
export function isPartEvent(value: unknown): value is PartEventType {
  return typeof value === 'string' && (PART_EVENTS as readonly string[]).includes(value);
}

/**
 * Lists the events a state accepts.
 *
 * @param state - A part state.
 * @returns The accepted events (none for a value that is not a state).
 */
export function allowedEvents(state: PartState): readonly PartEventType[] {
  // Untyped callers: an unknown state accepts nothing.
  return isPartState(state) ? (Object.keys(PART_TRANSITIONS[state]) as PartEventType[]) : [];
}

/** Text of an untrusted value that never throws (objects without a usable toString included). */
function safeText(value: unknown): string {
  return typeof value === 'string' ? value : typeof value;
}

/**
 * Applies one event to a part state.
 *
 * @param state - The current state.
 * @param event - The event.
 * @param path - Issue path (default `['event']`).
 * @returns The next state, or `LEDGER_INVALID_TRANSITION` (expected = accepted events,
 *   received = `state --event-->`).
 * @example
 * applyEvent('transmise', 'arl_positif') // ok('arl_positive')
 * applyEvent('arl_positive', 'transmission') // err LEDGER_INVALID_TRANSITION
 */
export function applyEvent(state: PartState, event: PartEventType, path: Issue['path'] = ['event']): Result<PartState> {
  // Junk from untyped callers (JSON, JS) must not throw: only own string keys are looked up.
  const row =
    typeof state === 'string' && Object.hasOwn(PART_TRANSITIONS, state)
      ? (PART_TRANSITIONS[state] as Partial<Record<string, PartState>>)
      : undefined;
  const next = row !== undefined && typeof event === 'string' && Object.hasOwn(row, event) ? row[event] : undefined;
  if (next !== undefined) return ok(next);
  const accepted = row === undefined ? [] : Object.keys(row);
  return err(
    issue('LEDGER_INVALID_TRANSITION', {
      path,
      expected: accepted.length === 0 ? `aucun événement (état final ${safeText(state)})` : accepted.join(' | '),
      received: `${safeText(state)} --${safeText(event)}-->`,
    }),
  );
}

/** An event with the id that makes it idempotent (e.g. `${returnFileId}#${line}`). */
export interface IdentifiedEvent {
  readonly id: string;
  readonly event: PartEventType;
}

/** A part state with the ids of the events already applied to it. */
export interface TrackedState {
  readonly state: PartState;
  readonly applied: ReadonlySet<string>;
}

/**
 * Folds events into a tracked state, skipping those whose id was already applied (so folding a
 * list twice gives the same state as once). Stops at the first refused transition.
 *
 * @param start - The starting state and the ids already applied.
 * @param events - The events, in order.
 * @returns The new tracked state, or the refusal of the first invalid event (path `[index]`).
 */
export function applyEvents(start: TrackedState, events: readonly IdentifiedEvent[]): Result<TrackedState> {
  const issues: Issue[] = [];
  const s = guardObject(start, ['start'], issues);
  const first = s && guardEnum(field(s, 'state'), PART_STATES, ['start', 'state'], issues);
  const ids = s && field(s, 'applied');
  if (s !== undefined && !(ids instanceof Set)) issues.push(inputIssue('INPUT_TYPE', { path: ['start', 'applied'], expected: 'Set des identifiants appliqués', received: kindOf(ids) }));
  const list = guardArray(events, ['events'], issues);
  const checked: IdentifiedEvent[] = [];
  list?.forEach((e, k) => {
    const o = guardObject(e, ['events', k], issues);
    const id = o && guardString(field(o, 'id'), ['events', k, 'id'], issues, { min: 1, max: 200 });
    const event = o && guardEnum(field(o, 'event'), PART_EVENTS, ['events', k, 'event'], issues);
    if (id !== undefined && event !== undefined) checked.push({ id, event });
  });
  if (issues.length > 0 || first === undefined || list === undefined) return inputErr(issues);
  let state: PartState = first;
  const applied = new Set<string>([...(ids as Set<unknown>)].filter((x): x is string => typeof x === 'string'));
  for (const [index, e] of checked.entries()) {
    if (applied.has(e.id)) continue;
    const next = applyEvent(state, e.event, [index, 'event']);
    if (!next.ok) return next;
    state = next.value;
    applied.add(e.id);
  }
  return ok({ state, applied });
}
