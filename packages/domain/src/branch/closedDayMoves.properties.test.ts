// A branch's state holds its open days' till movements only: a day's close lets them go. The
// Ledger reads a closed day's movement back from the stream when a release names it
// (ReleaseTillFacts.move). These properties hold that this changes no decision, and that the
// state stays a day's movements however long the branch's history.
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emptyPersistentMap, mapEntries, mapGet, mapSet } from '../shared/persistentMap.ts';
import { minorOf } from '../shared/codecs.ts';
import { by, command } from '../testing/fixtures.ts';
import { createBranchCashDecider } from './decide.ts';
import type { BranchEvent } from './events.ts';
import type { AccountStepStatus } from './facts.ts';
import type { BranchCashState, TillMove } from './state.ts';

const decider = createBranchCashDecider();
const at = { branchId: 'SONAGACHI' };
// The business date `d` days after 1 June 2025.
const dayOf = (d: number) => new Date(Date.UTC(2025, 5, 1 + d)).toISOString().slice(0, 10);

// Every movement the stream ever took, by its step: the state as it was before a close let
// a day's movements go.
const everyMove = (events: ReadonlyArray<BranchEvent>) => events.reduce((m, e) => {
  if (e.type === 'TillCashMoved') {
    return mapSet(m, e.data.stepId, { tillId: e.data.tillId, purpose: e.data.purpose,
      amountMinor: minorOf(e.data.amount), accountStream: e.data.accountStream,
      released: false });
  }
  const held = e.type === 'TillCashReleased' ? mapGet(m, e.data.stepId) : undefined;
  return held === undefined || e.type !== 'TillCashReleased' ? m
    : mapSet(m, e.data.stepId, { ...held, released: true });
}, emptyPersistentMap<TillMove>());

// What the Ledger reads back for a release of a movement its state no longer holds: the
// stream from its end back to the movement, released if a release of it follows it.
const readBack = (
  events: ReadonlyArray<BranchEvent>, s: BranchCashState, stepId: string,
): TillMove | undefined => {
  if (s.closedThrough === null || mapGet(s.moves, stepId) !== undefined) return undefined;
  let released = false;
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i];
    if (e?.type === 'TillCashReleased' && e.data.stepId === stepId) released = true;
    if (e?.type === 'TillCashMoved' && e.data.stepId === stepId) {
      return { tillId: e.data.tillId, purpose: e.data.purpose,
        amountMinor: minorOf(e.data.amount), accountStream: e.data.accountStream, released };
    }
  }
  return undefined;
};

type Step =
  | { readonly kind: 'move'; readonly cashIn: boolean; readonly amount: number }
  | { readonly kind: 'release'; readonly pick: number; readonly step: AccountStepStatus }
  | { readonly kind: 'again'; readonly pick: number }
  | { readonly kind: 'close' }
  | { readonly kind: 'nextDay' };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('move' as const), cashIn: fc.boolean(),
    amount: fc.integer({ min: 1, max: 900 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('release' as const),
    pick: fc.nat(), step: fc.constantFrom<AccountStepStatus>('absent', 'stands', 'reversed') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('again' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'close' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'nextDay' as const }) },
);

// The commands of a run of days at one till: movements in and out, releases naming any
// earlier step (or none), the day's end (the till counted at its book if it moved, the day
// closed with its cash left in it overnight, then the next day), or the next day at once.
const commandsOf = (s: Step, i: number, day: number, steps: ReadonlyArray<string>,
  state: BranchCashState) => {
  const base = (id: string) => ({ ...by(id, dayOf(day), 'cashier-1'), ...at });
  switch (s.kind) {
    case 'move': return [command('MoveTillCash', { ...base(`c${i}`), tillId: 'T1',
      purpose: s.cashIn ? 'deposit' : 'withdrawal', amount: `${s.amount}.00`,
      accountStream: `deposit-A${i % 3}`, stepId: `s${i}:account` })];
    // A step moved again (cashAtTill never sends one: its till step is dated with its request).
    case 'again': {
      const stepId = steps[s.pick % Math.max(1, steps.length)];
      return stepId === undefined ? [] : [command('MoveTillCash', { ...base(`c${i}`),
        tillId: 'T1', purpose: 'deposit', amount: '1.00', accountStream: 'deposit-A0', stepId })];
    }
    case 'release': return [{ ...command('ReleaseTillCash', { ...base(`c${i}`),
      stepId: steps[s.pick % (steps.length + 1)] ?? 'never-moved' }),
    facts: { accountStep: s.step } }];
    case 'close': {
      const held = state.tills.get('T1' as never);
      const cash = held?.cashMinor ?? 0n;
      const close = command('CloseBranchDay', base(`x${i}`));
      return held?.uncounted !== true ? [close] : [command('CountTillCash', { ...base(`n${i}`),
        tillId: 'T1', counted: `${cash / 100n}.${String(cash % 100n).padStart(2, '0')}` }),
      close];
    }
    case 'nextDay': return [];
  }
};

test('letting a closed day\'s movements go changes no decision: every command decides as on '
  + 'a state holding every movement, given the movement read back', () => {
  fc.assert(fc.property(fc.array(stepArb, { maxLength: 80, size: 'max' }), (plan) => {
    const open = command('TakeOverVaultCash', { ...by('v0', dayOf(0), 'manager-1'), ...at,
      amount: '100000.00' });
    const toTill = command('TransferBranchCash', { ...by('t0', dayOf(0), 'cashier-1'), ...at,
      fromTill: null, toTill: 'T1', amount: '500.00' });
    let events: BranchEvent[] = [];
    let state = decider.initialState;
    for (const c of [open, toTill]) {
      const d = decider.decide(c, state);
      if (E.isLeft(d)) throw new Error('set-up refused');
      events = [...events, ...d.right];
      state = d.right.reduce(decider.evolve, state);
    }
    let day = 0;
    const steps: string[] = [];
    const decideBoth = (c: ReturnType<typeof commandsOf>[number]) => {
      const read = c.type === 'ReleaseTillCash' ? readBack(events, state, c.data.stepId)
        : undefined;
      const pruned = decider.decide(read === undefined || c.type !== 'ReleaseTillCash' ? c
        : { ...c, facts: { ...c.facts, move: read } }, state);
      const whole = decider.decide(c, { ...state, moves: everyMove(events) });
      // The one decision that differs, and why the Ledger never meets it: a step of a closed
      // day moved again on a later day is taken (every movement kept refused it). Not stored.
      if (c.type === 'MoveTillCash' && mapGet(state.moves, c.data.stepId) === undefined
        && steps.includes(c.data.stepId)) {
        assert.equal(whole, E.left({ type: 'already_exists', aggregate: 'branch',
          id: c.data.stepId }));
        return;
      }
      assert.equal(pruned, whole);
      if (E.isRight(pruned)) {
        events = [...events, ...pruned.right];
        state = pruned.right.reduce(decider.evolve, state);
        if (c.type === 'MoveTillCash') steps.push(c.data.stepId);
      }
    };
    plan.forEach((s, i) => {
      if (s.kind === 'nextDay') day += 1;
      // Before the evolved state is read for the day's end: each command in turn.
      for (let k = 0; ; k += 1) {
        const c = commandsOf(s, i, day, steps, state)[k];
        if (c === undefined) break;
        decideBoth(c);
      }
      // A day closed: the next commands come the next day.
      if (s.kind === 'close') day += 1;
    });
  }), { numRuns: 300 });
});

test('a branch\'s state holds the movements of its days not yet closed, and none once its day '
  + 'closes, however many days came before', () => {
  fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 30 }),
    (days, perDay) => {
      let state = decider.initialState;
      const run = (c: Parameters<typeof decider.decide>[0]) => {
        const d = decider.decide(c, state);
        if (E.isLeft(d)) throw new Error(JSON.stringify(d.left));
        state = d.right.reduce(decider.evolve, state);
      };
      run(command('TakeOverVaultCash', { ...by('v0', dayOf(0), 'manager-1'), ...at,
        amount: '100.00' }));
      for (let d = 0; d < days; d += 1) {
        for (let k = 0; k < perDay; k += 1) {
          run(command('MoveTillCash', { ...by(`m${d}-${k}`, dayOf(d), 'cashier-1'), ...at,
            tillId: 'T1', purpose: 'deposit', amount: '10.00', accountStream: 'deposit-A1',
            stepId: `m${d}-${k}:account` }));
        }
        assert.is(mapEntries(state.moves).length, perDay);
        const book = state.tills.get('T1' as never)?.cashMinor ?? 0n;
        run(command('CountTillCash', { ...by(`n${d}`, dayOf(d), 'cashier-1'), ...at,
          tillId: 'T1', counted: `${book / 100n}.00` }));
        run(command('CloseBranchDay', { ...by(`x${d}`, dayOf(d), 'cashier-1'), ...at }));
        assert.is(mapEntries(state.moves).length, 0);
      }
    }), { numRuns: 60 });
});

test.run();
