import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { PartEventType, PartState } from '../../src/ledger/index';
import {
  allowedEvents,
  applyEvent,
  applyEvents,
  FINAL_STATES,
  isPartEvent,
  isPartState,
  PART_EVENTS,
  PART_STATES,
  PART_TRANSITIONS,
} from '../../src/ledger/index';
import { expectIssue, expectOk } from '../helpers/expectIssue';

describe('applyEvent', () => {
  it('follows the lifecycle of issue 6 §3', () => {
    const path: [PartEventType, PartState][] = [
      ['mise_en_lot', 'en_lot'],
      ['transmission', 'transmise'],
      ['arl_negatif', 'arl_negative'],
      ['transmission', 'transmise'],
      ['arl_positif', 'arl_positive'],
      ['traitement_caisse', 'traitement_caisse'],
      ['differe', 'differee'],
      ['paiement_partiel', 'partiellement_payee'],
      ['paiement', 'payee'],
    ];
    let state: PartState = 'a_emettre';
    for (const [event, expected] of path) {
      state = expectOk(applyEvent(state, event));
      expect(state).toBe(expected);
    }
  });

  it('recycles only from rejetee and voids only from a_emettre', () => {
    expect(expectOk(applyEvent('rejetee', 'recyclage'))).toBe('recyclee');
    expect(expectOk(applyEvent('a_emettre', 'annulation'))).toBe('annulee');
    expectIssue(applyEvent('transmise', 'recyclage'), 'LEDGER_INVALID_TRANSITION', ['event']);
    expectIssue(applyEvent('en_lot', 'annulation'), 'LEDGER_INVALID_TRANSITION');
  });

  it('never treats a positive ARL as a payment and refuses a re-send after it', () => {
    expect(expectOk(applyEvent('transmise', 'arl_positif'))).not.toBe('payee');
    const refused = expectIssue(applyEvent('arl_positive', 'transmission'), 'LEDGER_INVALID_TRANSITION');
    expect(refused.received).toBe('arl_positive --transmission-->');
    expect(refused.expected).toContain('paiement');
  });

  it('names final states', () => {
    expect([...FINAL_STATES].sort()).toEqual(['annulee', 'payee', 'recyclee']);
    expect(expectIssue(applyEvent('payee', 'rejet'), 'LEDGER_INVALID_TRANSITION').expected).toContain('état final');
  });

  it('guards states and events', () => {
    expect(isPartState('payee')).toBe(true);
    expect(isPartState('paid')).toBe(false);
    expect(isPartEvent('rejet')).toBe(true);
    expect(isPartEvent(3)).toBe(false);
    expect(allowedEvents('en_lot')).toEqual(['transmission']);
  });
});

describe('applyEvents', () => {
  it('skips events already applied (same id) and stops at the first refusal', () => {
    const start = { state: 'transmise' as PartState, applied: new Set<string>() };
    const once = expectOk(applyEvents(start, [{ id: 'ARL1', event: 'arl_positif' }, { id: 'RSP1', event: 'paiement' }]));
    expect(once.state).toBe('payee');
    expect(expectOk(applyEvents(once, [{ id: 'RSP1', event: 'paiement' }])).state).toBe('payee');
    expectIssue(applyEvents(start, [{ id: 'a', event: 'arl_positif' }, { id: 'b', event: 'recyclage' }]), 'LEDGER_INVALID_TRANSITION', [1, 'event']);
  });
});

describe('properties', () => {
  const stateArb = fc.constantFrom(...PART_STATES);
  const eventArb = fc.constantFrom(...PART_EVENTS);

  test.prop([stateArb, fc.array(eventArb, { maxLength: 40 })])('never reaches a state outside the table', (start, events) => {
    let state = start;
    for (const e of events) {
      const r = applyEvent(state, e);
      if (r.ok) {
        expect(PART_TRANSITIONS[state][e]).toBe(r.value);
        state = r.value;
      } else {
        expect(PART_TRANSITIONS[state][e]).toBeUndefined();
      }
      expect(PART_STATES).toContain(state);
    }
  });

  test.prop([fc.array(fc.record({ id: fc.string({ maxLength: 4 }), event: eventArb }), { maxLength: 30 })])(
    'applying an event list twice = once (idempotence by event id)',
    (events) => {
      const start = { state: 'a_emettre' as PartState, applied: new Set<string>() };
      const once = applyEvents(start, events);
      if (!once.ok) return;
      const twice = expectOk(applyEvents(once.value, events));
      expect(twice.state).toBe(once.value.state);
      expect([...twice.applied]).toEqual([...once.value.applied]);
    },
  );

  test.prop([fc.anything(), fc.anything()])('never throws on junk', (s, e) => {
    expect(() => applyEvent(s as PartState, e as PartEventType)).not.toThrow();
  });

  it('every state is reachable from a_emettre', () => {
    const seen = new Set<PartState>(['a_emettre']);
    const queue: PartState[] = ['a_emettre'];
    while (queue.length > 0) {
      const s = queue.shift() as PartState;
      for (const next of Object.values(PART_TRANSITIONS[s])) if (!seen.has(next)) (seen.add(next), queue.push(next));
    }
    expect([...seen].sort()).toEqual([...PART_STATES].sort());
  });
});
