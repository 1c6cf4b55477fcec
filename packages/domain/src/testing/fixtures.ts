// Fixtures for tests of the domain and of packages built on it: products, and decoding of
// literal commands and events. Exported as `@usha/domain/testing`, never from the main entry.
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { ProductCatalogue } from '../products/productCatalogue.ts';
import { allocationOrders } from '../products/allocationOrder.ts';
import { decodeCommand, type Command } from '../commandCatalogue.ts';
import { decodeDomainEvent, DomainEvent, encodeDomainEvent } from '../catalogue.ts';
import { reportErrors } from '../shared/reportErrors.ts';
import { schemaVersionOf } from '../upcasting/registry.ts';
import type { MembershipFacts } from '../member/membership.ts';
import { evolveMember, initialMemberState } from '../member/state.ts';

/** Decodes a literal or throws naming the fields: for fixtures the test vouches for. */
export const must = <A>(
  codec: t.Type<A, unknown, unknown> | t.Decoder<unknown, A>, u: unknown,
): A => {
  const r = codec.decode(u);
  if (E.isLeft(r)) throw new Error(reportErrors(r.left).map((f) => f.message).join('; '));
  return r.right;
};

/** A command of a given type from a literal. */
export const command = <T extends Command['type']>(
  type: T, data: Record<string, unknown>,
): Extract<Command, { type: T }> => {
  const r = decodeCommand({ type, data });
  if (E.isLeft(r)) throw new Error(r.left.message);
  const c = r.right;
  if (!isType(c, type)) throw new Error(`decoded ${c.type}, wanted ${type}`);
  return c;
};
const isType = <T extends Command['type']>(
  c: Command, type: T,
): c is Extract<Command, { type: T }> =>
  c.type === type;

/** A command with the facts its decider takes beside it, as the Ledger reads them. */
export const withFacts = <C extends Command, F>(c: C, facts: F): C & { readonly facts: F } =>
  ({ ...c, facts });

/**
 * The facts of a member admitted at `branchId` who has not exited, as her stream holds them:
 * admitted long before any command of the tests (business dated before her admission is
 * refused).
 */
export const activeMember = (memberId = 'M1', branchId = 'SONAGACHI'): MembershipFacts => ({
  member: evolveMember(initialMemberState, event('MemberAdmitted', {
    memberId, branchId, on: '2000-04-01', shareProductId: 'SH', sharesSubscribed: 5,
  })),
});

/** A command decided on membership, for a member admitted at `branchId` (see activeMember). */
export const asMember = <C extends Command>(c: C, memberId = 'M1', branchId = 'SONAGACHI'):
  C & { readonly facts: MembershipFacts } => withFacts(c, activeMember(memberId, branchId));

/** An event of a given type from a literal. */
export const event = <T extends DomainEvent['type']>(
  type: T, data: Record<string, unknown>,
): Extract<DomainEvent, { type: T }> => {
  const e = must(DomainEvent, { type, data });
  if (!isEventType(e, type)) throw new Error(`decoded ${e.type}, wanted ${type}`);
  return e;
};
const isEventType = <T extends DomainEvent['type']>(
  e: DomainEvent, type: T,
): e is Extract<DomainEvent, { type: T }> => e.type === type;

const loanBase = {
  kind: 'loan', rateAnnualPercent: '12', minPrincipal: '1000.00', maxPrincipal: '50000.00',
  minRepayments: 3, maxRepayments: 24, frequency: 'months', every: 1,
  interestMethod: 'declining-balance', amortization: 'equal-installments',
  interestPeriod: 'same-as-repayment', daysInYear: 365, daysInMonth: 30,
  installmentMultipleOf: '0.01', rounding: 'half-even', graceOnPrincipal: 0,
  graceOnInterestPayment: 0, graceOnInterestCharged: 0,
};

/** The products the tests use. */
export const products: ProductCatalogue = must(ProductCatalogue, {
  SH: {
    kind: 'share', id: 'SH', faceValue: '10.00', minimumShares: 5, maximumShares: 500,
    lockInMonths: 12, minimumSharesWhileBorrowing: 10,
  },
  SB: {
    kind: 'savings', id: 'SB', rateAnnualPercent: '4', dayCount: 'actual/365',
    compounding: 'quarterly', posting: 'quarterly', minimumBalance: '100.00',
    rounding: 'half-even',
  },
  RD: {
    kind: 'recurring', id: 'RD', rateAnnualPercent: '7', dayCount: 'actual/365',
    compounding: 'quarterly', minTermMonths: 6, maxTermMonths: 60, minimumInstalment: '100.00',
    prematureClosurePenaltyPercent: '1', rounding: 'half-even',
  },
  FD: {
    kind: 'fixed', id: 'FD', rateAnnualPercent: '7.5', dayCount: 'actual/365',
    compounding: 'quarterly', minTermMonths: 3, maxTermMonths: 120, minimumPrincipal: '1000.00',
    prematureClosurePenaltyPercent: '1', rounding: 'half-even',
  },
  LN: {
    ...loanBase, id: 'LN', allocationOrder: [...allocationOrders.standard],
    excessRepayment: 'reject',
  },
  LP: {
    ...loanBase, id: 'LP', frequency: 'weeks', rateAnnualPercent: '24',
    allocationOrder: [...allocationOrders.interestFirst], excessRepayment: 'prepay-principal',
  },
});

/** Common command fields: a command id, a user and a date. */
export const by = (commandId: string, on: string, actor = 'clerk-1') => ({ commandId, actor, on });

/** The events of commands run in order; throws if one is rejected (for the `given` part). */
export const history = <C, Ev, S>(
  decider: {
    initialState: S; evolve: (s: S, e: Ev) => S;
    decide: (c: C, s: S) => E.Either<{ type: string }, ReadonlyArray<Ev>>;
  },
  commands: ReadonlyArray<C>,
): ReadonlyArray<Ev> => {
  let state = decider.initialState;
  const out: Ev[] = [];
  for (const c of commands) {
    const r = decider.decide(c, state);
    if (E.isLeft(r)) throw new Error(`given command rejected: ${JSON.stringify(r.left)}`);
    out.push(...r.right);
    state = r.right.reduce(decider.evolve, state);
  }
  return out;
};

/** One command run against a state: the state before and after, and what was decided. */
export interface Step<C, Ev, S> {
  readonly command: C;
  readonly before: S;
  readonly after: S;
  readonly outcome: E.Either<{ type: string }, ReadonlyArray<Ev>>;
}

/** Runs commands in order, keeping rejected ones out of the history. */
export const runCommands = <C, Ev, S>(
  decider: {
    initialState: S; evolve: (s: S, e: Ev) => S;
    decide: (c: C, s: S) => E.Either<{ type: string }, ReadonlyArray<Ev>>;
  },
  commands: ReadonlyArray<C>,
): { steps: ReadonlyArray<Step<C, Ev, S>>; events: ReadonlyArray<Ev>; state: S } => {
  let state = decider.initialState;
  const steps: Step<C, Ev, S>[] = [];
  const events: Ev[] = [];
  for (const c of commands) {
    const outcome = decider.decide(c, state);
    const before = state;
    if (E.isRight(outcome)) {
      events.push(...outcome.right);
      state = outcome.right.reduce(decider.evolve, state);
    }
    steps.push({ command: c, before, after: state, outcome });
  }
  return { steps, events, state };
};

/** Events after encode, JSON and decode (metadata at the current schema version), as stored. */
export const roundTrip = <Ev extends DomainEvent>(
  events: ReadonlyArray<Ev>, is: (e: DomainEvent) => e is Ev,
): ReadonlyArray<Ev> => {
  const json: unknown = JSON.parse(JSON.stringify(events.map(encodeDomainEvent)));
  if (!Array.isArray(json)) throw new Error('not an array');
  return json.map((e: unknown, i) => {
    const r = decodeDomainEvent({
      type: Reflect.get(Object(e), 'type'), data: Reflect.get(Object(e), 'data'),
      metadata: { eventId: `c${i}.0`, commandId: `c${i}`, actor: 'clerk-1',
        effectiveOn: '2024-04-01',
        schemaVersion: schemaVersionOf(String(Reflect.get(Object(e), 'type'))) },
    });
    if (E.isLeft(r)) throw r.left;
    const { metadata: _, ...decoded } = r.right;
    if (!is(decoded)) throw new Error(`unexpected ${decoded.type}`);
    return decoded;
  });
};
