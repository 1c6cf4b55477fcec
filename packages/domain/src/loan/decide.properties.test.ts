import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { products, roundTrip, runCommands } from '../testing/fixtures.ts';
import { loanCommands } from '../testing/commandSequences.ts';
import { minorOf } from '../shared/codecs.ts';
import { createLoanDecider } from './decide.ts';
import { loanEvents, type LoanEvent } from './events.ts';
import { outstandingPrincipal } from './state.ts';

const decider = createLoanDecider({ products });
const anyLoan = fc.constantFrom<'LN' | 'LP'>('LN', 'LP').chain(loanCommands);

// The principal an event moves, read from the events alone: what a projection would compute.
const principalMoved = (e: LoanEvent): bigint => {
  switch (e.type) {
    case 'LoanDisbursed': return minorOf(e.data.principal);
    case 'RepaymentReceived':
      return -(minorOf(e.data.allocation.principal) + minorOf(e.data.prepayment));
    case 'LoanWrittenOff': return -minorOf(e.data.principal);
    default: return 0n;
  }
};

test('outstanding principal is disbursed minus repaid minus written off, never negative', () => {
  fc.assert(fc.property(anyLoan, (commands) => {
    const { events, state } = runCommands(decider, commands);
    if (state.status === 'none') return;
    const byId = new Map<string, LoanEvent>();
    let fromEvents = 0n;
    for (const e of events) {
      if ('eventId' in e.data) byId.set(e.data.eventId, e);
      const reversed = e.type === 'EventReversed' ? byId.get(e.data.reversedEventId) : undefined;
      fromEvents += reversed ? -principalMoved(reversed) : principalMoved(e);
    }
    const t = state.totals;
    assert.is(outstandingPrincipal(t), t.disbursed - t.principalRepaid - t.writtenOff);
    assert.is(outstandingPrincipal(t), fromEvents);
    assert.ok(outstandingPrincipal(t) >= 0n);
  }), { numRuns: 300 });
});

test("a repayment's allocation sums exactly to the amount received", () => {
  fc.assert(fc.property(anyLoan, (commands) => {
    for (const e of runCommands(decider, commands).events) {
      if (e.type !== 'RepaymentReceived') continue;
      const a = e.data.allocation;
      const parts = [a.penalties, a.fees, a.interest, a.principal, e.data.prepayment];
      assert.is(parts.reduce((s, p) => s + minorOf(p), 0n), minorOf(e.data.amount));
    }
  }), { numRuns: 300 });
});

test('a rejected command emits nothing and changes nothing', () => {
  fc.assert(fc.property(anyLoan, (commands) => {
    for (const s of runCommands(decider, commands).steps) {
      if (E.isLeft(s.outcome)) assert.equal(s.after, s.before);
    }
  }), { numRuns: 200 });
});

test('folding the decided events, after a JSON round trip, reproduces the decider state', () => {
  fc.assert(fc.property(anyLoan, (commands) => {
    const { events, state } = runCommands(decider, commands);
    const replayed = roundTrip(events, (e): e is LoanEvent => Object.hasOwn(loanEvents, e.type));
    assert.equal(replayed.reduce(decider.evolve, decider.initialState), state);
  }), { numRuns: 200 });
});

test.run();
