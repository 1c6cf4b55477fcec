// A small co-operative run through the domain's deciders: commands routed to their streams,
// events stored with metadata, stream revisions and global positions, as a store would. Only
// accepted commands leave events, so every history is one the domain can produce.
import * as E from 'fp-ts/lib/Either.js';
import {
  accountHistory, datedBalances, createDepositDecider, createLoanDecider, createMemberDecider,
  createShareDecider, createSocietyDecider, createStandingInstructionDecider, decodeCommand,
  depositEvents, eventIdFor, routeCommand, schemaVersionOf, SignedMoneyInput, type Command,
  type DecidableCommand, type DepositEvent, type DepositState, type DomainEvent, type LoanFact,
  type MemberState, type LoanState, type ProductCatalogue, type ShareState, streamNameFor,
  topUpFactOf, creditedSavingsOf, dividendSavingsFact, standingCredit, type AccountId,
  standingCredits, latestOn, type BusinessDate, DateString,
} from '@usha/domain';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import type { SocietyState, TdsFacts } from '@usha/domain';
import { tdsFactsOf } from './tdsFactsOf.ts';

type AnyDecider = {
  initialState: unknown;
  evolve: (s: unknown, e: DomainEvent) => unknown;
  decide: (c: DecidableCommand, s: unknown) =>
    E.Either<{ type: string }, ReadonlyArray<DomainEvent>>;
};

const deciders = (products: ProductCatalogue): Record<string, AnyDecider> => {
  const config = { products };
  // Each decider takes the commands routed to its aggregate only; the router guarantees it.
  const wrap = <C, S>(d: {
    initialState: S; evolve: (s: S, e: never) => S;
    decide: (c: C, s: S) => E.Either<{ type: string }, ReadonlyArray<DomainEvent>>;
  }): AnyDecider => d as unknown as AnyDecider;
  return {
    member: wrap(createMemberDecider(config)), shares: wrap(createShareDecider(config)),
    deposit: wrap(createDepositDecider(config)), loan: wrap(createLoanDecider(config)),
    society: wrap(createSocietyDecider(config)),
    standing: wrap(createStandingInstructionDecider()),
  };
};

/**
 * What a command's facts take from the test: a year's net profit and the books' first entry
 * (both need the books; the second for every year-end command), the TDS facts.
 */
export interface SimulatorGiven {
  readonly netProfit?: string;
  readonly booksFirstEntryOn?: string | null;
  readonly tds?: TdsFacts;
}

/** A store-like log fed by commands. */
export interface Simulator {
  readonly events: ProjectedEvent[];
  /**
   * Runs a command given as a literal; returns the events it produced (none if rejected). Its
   * facts are read from the log so far, as the Ledger reads them; a year's net profit, which
   * needs the books, is given.
   */
  run(type: Command['type'], data: Record<string, unknown>,
    given?: SimulatorGiven): ReadonlyArray<ProjectedEvent>;
  /** A stream's state as its decider folds it (undefined: nothing stored there yet). */
  stateOf(stream: string): unknown;
  /** The type of the last command's rejection; undefined when it was accepted. */
  lastRejection(): string | undefined;
}

// The books' first entry a year-end command is decided with: given, null if none.
const yearOrderGiven = (type: string, given: SimulatorGiven | undefined) => {
  const first = given?.booksFirstEntryOn;
  if (first === undefined) throw new Error(`${type}: give the books' first entry (or null)`);
  const on = first === null ? E.right(null) : DateString.decode(first);
  if (E.isLeft(on)) throw new Error(`${type}: the books' first entry is not a date`);
  return { booksFirstEntryOn: on.right };
};

/** A simulator over a product catalogue. */
export const simulator = (products: ProductCatalogue, prefix = ''): Simulator => {
  const ds = deciders(products);
  const states = new Map<string, unknown>();
  const revisions = new Map<string, bigint>();
  const events: ProjectedEvent[] = [];
  let n = 0;
  let rejection: string | undefined;
  const stateOf = <S>(kind: string, memberId: string): S[] => [...states.entries()]
    .filter(([stream, st]) => stream.startsWith(`${kind}-`) &&
      Reflect.get(Object(st), 'memberId') === memberId)
    .map(([, st]) => st as S);
  const depositEventsOf = (stream: string) => events.filter((e): e is
    ProjectedEvent & DepositEvent => e.stream === stream && Object.hasOwn(depositEvents, e.type));
  const historyOf = (stream: string) => accountHistory(depositEventsOf(stream));
  // Her state on her own stream, and the member of an existing account or loan.
  const memberOf = (memberId: string) => ({ member: (states.get(`member-${memberId}`)
    ?? { status: 'none' }) as MemberState });
  // The society configured in this log, if any (one society: the first stream of its kind).
  const societyOf = () => [...states.entries()]
    .find(([stream]) => stream.startsWith('society-'))?.[1] as SocietyState | undefined;
  // A savings account's product rate changes, as the Ledger reads them (rateStepsOf.ts).
  const rateStepsOf = (stream: string) => {
    const a = states.get(stream) as DepositState | undefined;
    const society = societyOf();
    const steps = a === undefined || a.status === 'none' || a.kind !== 'savings'
      || society?.status !== 'configured' ? undefined : society.rateSteps?.[a.productId];
    return steps === undefined || steps.length === 0 ? {} : { rateSteps: steps };
  };
  const sharesAt = (stream: string) =>
    (states.get(stream) ?? { status: 'none' }) as ShareState;
  const savingsFactOf = (accountId: AccountId) => dividendSavingsFact(accountId,
    (states.get(streamNameFor.deposit(accountId)) ?? { status: 'none' }) as DepositState);
  const ownerOf = (stream: string) =>
    memberOf(String(Reflect.get(Object(states.get(stream)), 'memberId')));
  // The facts a command is decided with, from the states and events of the log so far.
  const withFacts = (c: Command, stream: string, given?: SimulatorGiven):
    DecidableCommand => {
    switch (c.type) {
      case 'ExitMember': {
        const m = c.data.memberId;
        return { ...c, facts: { loans: stateOf<LoanFact>('loan', m),
          shares: stateOf<ShareState>('shares', m)[0] ?? { status: 'none' },
          deposits: stateOf<DepositState>('deposit', m) } };
      }
      // The last date of her accounts, loans and shares, as the Ledger reads it (fetchFacts).
      case 'TransferMember': {
        const m = c.data.memberId;
        const lastOn = (st: { readonly status: string; readonly lastOn?: BusinessDate }) =>
          st.status === 'none' ? [] : st.lastOn === undefined ? [] : [st.lastOn];
        const held = [...stateOf<DepositState>('deposit', m), ...stateOf<LoanState>('loan', m),
          ...stateOf<ShareState>('shares', m)];
        return { ...c, facts: { accountsLastOn: latestOn(held.flatMap(lastOn)) } };
      }
      case 'PurchaseShares': case 'OpenSavingsAccount': case 'OpenRecurringDeposit':
      case 'OpenFixedDeposit': case 'ApplyForLoan':
        return { ...c, facts: memberOf(c.data.memberId) };
      case 'ApproveLoan': return { ...c, facts: ownerOf(stream) };
      // A dividend deposit also reads her credits to the account (fetchFacts).
      case 'MakeDeposit': {
        const owner = String(Reflect.get(Object(states.get(stream)), 'memberId'));
        return { ...c, facts: { ...memberOf(owner), ...(c.data.source === 'dividend'
          ? { dividendCredits: standingCredits(sharesAt(`shares-${owner}`),
            c.data.accountId) } : {}) } };
      }
      // A top-up is decided on the loan it pays off, as the Ledger reads it (fetchFacts).
      case 'DisburseLoan': {
        const old = c.data.topUpOf;
        const s = old === undefined ? undefined : states.get(streamNameFor.loan(old));
        const topUp = s === undefined ? undefined : topUpFactOf(s as LoanState, c.data.on);
        return { ...c, facts: { ...ownerOf(stream), ...(topUp === undefined ? {} : { topUp }) } };
      }
      case 'RedeemShares':
        return { ...c, facts: { loans: stateOf<LoanFact>('loan', c.data.memberId) } };
      // The TDS facts given, else as the Ledger reads them from the society and her accounts.
      case 'PostInterest': case 'MatureDeposit': case 'CloseDepositEarly': {
        const tds = given?.tds ?? tdsFactsOf(events, societyOf(),
          String(Reflect.get(Object(states.get(stream)), 'memberId')), c.data.on);
        return { ...c, facts: { history: historyOf(stream),
          ...(tds === undefined ? {} : { tds }),
          ...(c.type === 'PostInterest' ? rateStepsOf(stream) : {}) } };
      }
      case 'ApplyDepositCharges':
        return { ...c, facts: { balances: datedBalances(depositEventsOf(stream)) } };
      case 'CloseFinancialYear': {
        const p = SignedMoneyInput.decode(given?.netProfit);
        if (E.isLeft(p)) throw new Error('CloseFinancialYear: give the net profit');
        return { ...c, facts: { netProfit: p.right, ...yearOrderGiven(c.type, given) } };
      }
      case 'BeginYearClose': case 'RecordYearEndAccruals': case 'SetLoanLossProvision':
        return { ...c, facts: yearOrderGiven(c.type, given) };
      case 'DeclareDividend': throw new Error('DeclareDividend is not simulated');
      // Its accounts as read from their streams, as the Ledger reads them (fetchFacts).
      case 'GiveStandingInstruction': {
        const none = { status: 'none' } as const;
        const from = states.get(streamNameFor.deposit(c.data.fromAccountId)) ?? none;
        const to = c.data.what === 'rd-instalment'
          ? { kind: 'deposit' as const, state: (states.get(
            streamNameFor.deposit(c.data.toAccountId)) ?? none) as DepositState }
          : { kind: 'loan' as const, state: (states.get(
            `loan-${c.data.toAccountId}`) ?? none) as LoanState };
        return { ...c, facts: { from: from as DepositState, to } };
      }
      // The savings account the year's credit names, as its stream holds it (fetchFacts).
      case 'RedirectDividendToCash': {
        const credit = standingCredit(sharesAt(stream), c.data.financialYear);
        return { ...c, facts: credit === undefined ? {}
          : { savings: savingsFactOf(credit.savingsAccountId) } };
      }
      case 'ReverseEvent': {
        const id = c.data.aggregate === 'shares'
          ? creditedSavingsOf(sharesAt(stream), c.data.eventId) : undefined;
        if (id === undefined) return c;
        const decided = { ...c, facts: { savings: savingsFactOf(id) } };
        return decided;
      }
      case 'ReleaseTillCash': throw new Error('branch cash is not simulated');
      default: return c;
    }
  };
  return {
    events,
    stateOf: (stream) => states.get(stream),
    lastRejection: () => rejection,
    run: (type, data, given) => {
      n += 1;
      const commandId = `${prefix}k${n}`;
      const decoded = decodeCommand({ type, data: { commandId, actor: 'clerk-1', ...data } });
      if (E.isLeft(decoded)) throw new Error(decoded.left.message);
      const c = decoded.right;
      const { aggregate, stream } = routeCommand(c);
      const d = ds[aggregate];
      if (d === undefined) throw new Error(`no decider for ${aggregate}`);
      const before = states.has(stream) ? states.get(stream) : d.initialState;
      const r = d.decide(withFacts(c, stream, given), before);
      rejection = E.isLeft(r) ? r.left.type : undefined;
      if (E.isLeft(r)) return [];
      let s = before;
      const out: ProjectedEvent[] = [];
      r.right.forEach((e, i) => {
        s = d.evolve(s, e);
        const revision = (revisions.get(stream) ?? -1n) + 1n;
        revisions.set(stream, revision);
        const position = { commit: BigInt(events.length + 1) * 10n,
          prepare: BigInt(events.length + 1) * 10n };
        const stored: ProjectedEvent = {
          ...e,
          metadata: { eventId: eventIdFor(c.data.commandId, i),
            commandId: c.data.commandId, actor: c.data.actor, effectiveOn: c.data.on,
            schemaVersion: schemaVersionOf(e.type) },
          position, stream, revision,
        } as ProjectedEvent;
        events.push(stored);
        out.push(stored);
      });
      states.set(stream, s);
      return out;
    },
  };
};
