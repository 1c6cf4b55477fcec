// Generated histories of a small co-operative (three members, two branches), built by running
// the deciders over generated commands, so that every history is a valid one.
import fc from 'fast-check';
import {
  addDays, businessDate, minorOf, moneyString, ProductCatalogue,
  steppedSavingsInterestCalculator, type Command, type RateStep, type TdsSettings,
} from '@usha/domain';
import { products as domainProducts } from '@usha/domain/testing';
import { allProjections } from '../allProjections.ts';
import { incomeStatement } from '../books/reports.ts';
import { financialYearLabel } from '../books/financialYearLabel.ts';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { simulator } from './simulator.ts';

/**
 * The domain's test products and LT: LN paid out in up to three tranches on the progressive
 * engine, recalculated to a smaller EMI when principal is paid ahead, able to top up a loan.
 */
export const products: ProductCatalogue = (() => {
  const d = ProductCatalogue.decode({ ...domainProducts, LT: { ...domainProducts.LN, id: 'LT',
    scheduleType: 'progressive', interestRecalculation: 'reduce-emi', maxTranches: 3,
    allowTopUp: true, excessRepayment: 'prepay-principal' } });
  if (d._tag === 'Left') throw new Error('the LT product does not decode');
  return d.right;
})();

/** One step of a history: days to wait, then an operation. */
export type Op =
  | { readonly k: 'deposit' | 'withdraw' | 'repay' | 'penalty' | 'fee' | 'waive' | 'recover';
    readonly m: number; readonly paise: number }
  | { readonly k: 'buy' | 'redeem'; readonly m: number; readonly shares: number }
  | { readonly k: 'loan'; readonly m: number; readonly rupees: number; readonly weekly: boolean }
  | { readonly k: 'writeoff' | 'fixed' | 'mature' | 'dividend'; readonly m: number }
  | { readonly k: 'recurring' | 'miss'; readonly m: number }
  | { readonly k: 'reverse'; readonly pick: number }
  // Member m's latest interest posting reversed (with its tax given back), to be posted again.
  | { readonly k: 'unpost'; readonly m: number }
  | { readonly k: 'transfer'; readonly m: number; readonly to: number }
  // A loan of the product LT (paid out in tranches, recalculated when principal is paid ahead):
  // its first tranche, a later one, a reschedule, a top-up by a new LT loan.
  | { readonly k: 'trancheLoan' | 'topUp'; readonly m: number; readonly rupees: number }
  | { readonly k: 'tranche'; readonly m: number; readonly paise: number }
  | { readonly k: 'reschedule'; readonly m: number; readonly change: number }
  // SB's rate changed from `days` days on (a rate in force already, or an earlier day than the
  // last change's, is refused like any rejected command here).
  | { readonly k: 'rate'; readonly rate: string; readonly days: number };

// The reschedules a generated history asks for: each field alone, and two together.
const changes: ReadonlyArray<Record<string, unknown>> = [
  { rateAnnualPercent: '10' }, { extraRepayments: 2 }, { moratoriumPeriods: 1 },
  { interestOnlyPeriods: 1 }, { rateAnnualPercent: '15', extraRepayments: 1 },
];

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('deposit' as const),
    m: fc.nat(2), paise: fc.integer({ min: 100, max: 2_000_000 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('withdraw' as const),
    m: fc.nat(2), paise: fc.integer({ min: 100, max: 1_000_000 }) }) },
  { weight: 9, arbitrary: fc.record({ k: fc.constant('repay' as const),
    m: fc.nat(2), paise: fc.integer({ min: 100, max: 300_000 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constantFrom('penalty' as const, 'fee' as const,
    'waive' as const, 'recover' as const), m: fc.nat(2),
    paise: fc.integer({ min: 1, max: 20_000 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constantFrom('buy' as const, 'redeem' as const),
    m: fc.nat(2), shares: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('loan' as const), m: fc.nat(2),
    rupees: fc.integer({ min: 1000, max: 30000 }), weekly: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constantFrom('writeoff' as const, 'fixed' as const,
    'mature' as const, 'dividend' as const), m: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('reverse' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constantFrom('recurring' as const, 'miss' as const),
    m: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('transfer' as const), m: fc.nat(2),
    to: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constantFrom('trancheLoan' as const,
    'topUp' as const), m: fc.nat(2), rupees: fc.integer({ min: 2000, max: 30000 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('tranche' as const), m: fc.nat(2),
    paise: fc.integer({ min: 10_000, max: 600_000 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('reschedule' as const), m: fc.nat(2),
    change: fc.nat(changes.length - 1) }) },
);

/** Steps of a history: up to `max` operations a few days apart. */
export const steps = (max = 90): fc.Arbitrary<ReadonlyArray<{ gap: number; op: Op }>> =>
  fc.array(fc.record({ gap: fc.integer({ min: 0, max: 14 }), op }),
    { minLength: Math.min(30, max), maxLength: max });

const rs = (paise: number | bigint) => moneyString(BigInt(paise));
const quarterEnds = new Set(['03-31', '06-30', '09-30', '12-31']);

/**
 * TDS as a society may set it, with thresholds low enough for these small accounts' interest
 * to cross them in their first year (a rupee's tax needs Rs 5 to Rs 20 of interest); none for
 * a society configured without it.
 */
export const tdsSettings: fc.Arbitrary<TdsSettings | undefined> = fc.option(fc.record({
  enabled: fc.constant(true),
  thresholdPerYear: fc.constantFrom(0n, 5_000n, 30_000n).map(moneyString),
  ratePercent: fc.constantFrom('10', '7.5', '20'),
}), { nil: undefined, freq: 2 });

/**
 * Runs steps into a history (events with metadata, positions, streams and revisions), in a
 * society that deducts TDS as `tds` says (left out: it does not).
 */
export const historyOf = (
  ss: ReadonlyArray<{ gap: number; op: Op }>, catalogue: ProductCatalogue = products,
  prefix = '', tds?: TdsSettings,
): ProjectedEvent[] => {
  const sim = simulator(catalogue, prefix);
  const books = allProjections();
  let live = books.initialState();
  const run = (type: Command['type'], data: Record<string, unknown>,
    given?: { readonly netProfit: string }) => {
    ran(type, data, given);
  };
  // The same, with the events it stored.
  function ran(type: Command['type'], data: Record<string, unknown>,
    given?: { readonly netProfit: string }): ReadonlyArray<ProjectedEvent> {
    const out = sim.run(type, data, given);
    for (const e of out) live = books.apply(live, e);
    return out;
  }
  const accepted = (type: Command['type'], data: Record<string, unknown>): boolean => {
    const before = sim.events.length;
    run(type, data);
    return sim.events.length > before;
  };
  const sb = { rateAnnualPercent: '4', method: 'daily-balance', compounding: 'quarterly',
    posting: 'quarterly', daysInYear: 365, postOn: 'period-end', currencyDigits: 2,
    rounding: 'half-even' } as const;
  // SB's rate changes so far; a posting to a day earns at those in force by then.
  const rateSteps: RateStep[] = [];
  const calcTo = (periodTo: string) => steppedSavingsInterestCalculator(sb,
    rateSteps.filter((x) => x.effectiveFrom <= periodTo));
  const moves: Array<Array<{ on: string; amount: string; id: string }>> = [[], [], []];
  const posted = [0n, 0n, 0n];
  const loans = [0, 0, 0];
  // Each member's latest LT loan: the one a 'tranche' op pays out more of.
  const ltLoans: Array<string | undefined> = [undefined, undefined, undefined];
  // What the log says of a loan: whether it is active, and its next due date from `on`.
  const ofLoan = (id: string) => sim.events.filter((e) => 'loanId' in e.data
    && e.data.loanId === id);
  const isActive = (id: string): boolean => ofLoan(id).reduce((a, e) =>
    (e.type === 'LoanDisbursed' ? true : e.type === 'LoanClosed'
      || e.type === 'LoanWrittenOff' ? false : a), false);
  const nextDue = (id: string): string | undefined => {
    let dues: ReadonlyArray<{ dueOn: string }> = [];
    for (const e of ofLoan(id)) if ('schedule' in e.data) dues = e.data.schedule.installments;
    return dues.find((i) => i.dueOn >= on)?.dueOn;
  };
  // Ids of the shape a command takes (letters and a number): member m's n-th loan.
  const loanIdOf = (m: number, n: number) => `LN-${m}${String(n).padStart(3, '0')}`;
  let on = businessDate('2024-04-01');
  run('ConfigureSociety', { on, societyId: 'U', statutoryReservePercent: '25',
    dividendRateCapPercent: '15', ...(tds === undefined ? {} : { tds }) });
  for (let m = 0; m < 3; m += 1) {
    run('AdmitMember', { on, memberId: `M${m}`, branchId: m === 2 ? 'B2' : 'B1',
      shareProductId: 'SH', shares: 5 });
    run('PurchaseShares', { on, accountId: `S${m}`, memberId: `M${m}`, productId: 'SH',
      shares: 10 });
    run('OpenSavingsAccount', { on, accountId: `A${m}`, memberId: `M${m}`, productId: 'SB' });
  }
  const postInterest = (periodTo: string) => {
    for (let m = 0; m < 3; m += 1) {
      const txs = (moves[m] ?? []).filter((t) => t.on <= periodTo);
      const total = calcTo(periodTo).postings(txs, { from: '2024-04-01', to: periodTo }).postings
        .reduce((a, p) => a + p.interest.minor, 0n);
      const amount = total - (posted[m] ?? 0n);
      if (amount <= 0n) continue;
      const before = sim.events.length;
      run('PostInterest', { on: periodTo, accountId: `A${m}`, periodTo });
      const posting = sim.events[before];
      if (posting === undefined) continue;
      // The decider computes the figure from the account's history: it is this model's.
      if (posting.type !== 'InterestPosted' || posting.data.amount !== rs(amount)) {
        throw new Error(`interest on A${m} to ${periodTo}: model ${rs(amount)}`);
      }
      posted[m] = (posted[m] ?? 0n) + amount;
      // The tax deducted leaves the balance later interest is earned on, from the next day
      // (as Fineract's withholding-tax debit does).
      const tax = sim.events[before + 1];
      if (tax?.type === 'TdsDeducted') {
        moves[m]?.push({ on: addDays(tax.data.on, 1), amount: `-${tax.data.amount}`,
          id: `tds ${before}` });
      }
    }
  };
  const none = { loans: 0, outstanding: '0.00' };
  const closeYear = (endsOn: string) => {
    const fy = financialYearLabel(endsOn);
    // The entries a close needs, of zero: these books are kept before accruals and provision.
    run('RecordYearEndAccruals', { on: endsOn, societyId: 'U', financialYear: fy,
      depositInterestPayable: '0.00', loanInterestReceivable: '0.00',
      loanInterestNotRecognised: '0.00' });
    run('SetLoanLossProvision', { on: endsOn, societyId: 'U', financialYear: fy,
      byClass: { standard: none, subStandard: none, doubtful: none, loss: none } });
    const net = incomeStatement(live.states.books, { financialYear: fy }).netProfit;
    run('CloseFinancialYear', { on, societyId: 'U', financialYear: fy },
      { netProfit: net < 0n ? `-${rs(-net)}` : rs(net) });
  };
  for (const s of ss) {
    const start = on;
    for (let d = 1; d <= s.gap; d += 1) {
      const day = addDays(start, d);
      if (quarterEnds.has(day.slice(5))) {
        on = day;
        postInterest(day);
        if (day.endsWith('03-31')) {
          on = addDays(day, 1);
          closeYear(day);
        }
      }
    }
    const target = addDays(start, s.gap);
    if (target > on) on = target;
    apply(s.op);
  }
  return sim.events;

  function apply(o: Op): void {
    const mem = 'm' in o ? `M${o.m}` : 'M0';
    const m = 'm' in o ? o.m : 0;
    const loanId = loanIdOf(m, loans[m] ?? 0);
    switch (o.k) {
      case 'deposit': case 'withdraw': {
        const out = sim.events.length;
        run(o.k === 'deposit' ? 'MakeDeposit' : 'Withdraw', { on, accountId: `A${m}`,
          amount: rs(o.paise), ...(o.k === 'deposit' ? { source: 'cash' } : {}) });
        const e = sim.events[out];
        if (e !== undefined && (e.type === 'Deposited' || e.type === 'Withdrawn')) {
          moves[m]?.push({ on, id: e.data.eventId,
            amount: o.k === 'deposit' ? rs(o.paise) : `-${rs(o.paise)}` });
        }
        return;
      }
      case 'repay': return run('RecordRepayment', { on, loanId, amount: rs(o.paise) });
      case 'penalty': return run('ChargePenalty', { on, loanId, amount: rs(o.paise),
        reason: 'late_payment' });
      case 'fee':
        return run('ChargeFee', { on, loanId, amount: rs(o.paise), reason: 'processing' });
      case 'waive': return run('WaiveInterest', { on, loanId, amount: rs(o.paise) });
      case 'recover': return run('RecordRecovery', { on, loanId, amount: rs(o.paise) });
      case 'writeoff': return run('WriteOffLoan', { on, loanId });
      case 'buy': return run('PurchaseShares', { on, accountId: `S${m}`, memberId: mem,
        productId: 'SH', shares: o.shares });
      case 'redeem': return run('RedeemShares', { on, accountId: `S${m}`, memberId: mem,
        shares: o.shares, forExit: false });
      case 'loan': {
        loans[m] = (loans[m] ?? 0) + 1;
        const id = loanIdOf(m, loans[m] ?? 0);
        run('ApplyForLoan', { on, loanId: id, memberId: mem, productId: o.weekly ? 'LP' : 'LN',
          principal: `${o.rupees}`, repayments: 6, firstRepaymentOn: null });
        run('ApproveLoan', { on, actor: 'mgr-1', loanId: id, principal: `${o.rupees}` });
        return run('DisburseLoan', { on, loanId: id });
      }
      // One fixed deposit a member a day: `FD-<m><yymmdd>`.
      case 'fixed': return run('OpenFixedDeposit', { on,
        accountId: `FD-${m}${on.slice(2).replaceAll('-', '')}`,
        memberId: mem, productId: 'FD', principal: '5000', termMonths: 3 });
      case 'mature': {
        for (const e of sim.events) {
          if (e.type !== 'FixedDepositOpened' || e.data.memberId !== mem) continue;
          run('MatureDeposit', { on, accountId: e.data.accountId });
          run('CloseDepositAccount', { on, accountId: e.data.accountId });
        }
        return;
      }
      case 'dividend': {
        run('CreditDividend', { on, accountId: `S${m}`, memberId: mem,
          financialYear: financialYearLabel(on), amount: '12.34', savingsAccountId: `A${m}` });
        return;
      }
      // To her own branch is refused (already_at_branch), like any rejected command here.
      case 'transfer': return run('TransferMember', { on, memberId: mem, to: `B${o.to}` });
      case 'recurring': return run('OpenRecurringDeposit', { on,
        accountId: `RD-${m}${on.slice(2).replaceAll('-', '')}`,
        memberId: mem, productId: 'RD', instalment: '500', termMonths: 6 });
      case 'miss': {
        // The member's recurring deposits each miss their first instalment not paid or missed.
        for (const e of sim.events) {
          if (e.type !== 'RecurringDepositOpened' || e.data.memberId !== mem) continue;
          for (let n = 1; n <= 6; n += 1) {
            if (accepted('MarkInstalmentMissed', { on, accountId: e.data.accountId,
              instalmentNumber: n })) break;
          }
        }
        return;
      }
      case 'reverse': return reverse(o.pick);
      case 'rate': {
        for (const e of ran('ChangeProductRate', { on, societyId: 'U', productId: 'SB',
          effectiveFrom: addDays(on, o.days), rateAnnualPercent: o.rate })) {
          if (e.type === 'ProductRateChanged') rateSteps.push(e.data);
        }
        return;
      }
      case 'unpost': return unpost(m);
      case 'trancheLoan': case 'topUp': return ltLoan(m, o.rupees, o.k === 'topUp');
      case 'tranche': {
        const lt = ltLoans[m];
        return lt === undefined ? undefined
          : run('DisburseTranche', { on, loanId: lt, amount: rs(o.paise) });
      }
      // From her loan's next due date (a reschedule starts on one), by another user.
      case 'reschedule': {
        const from = nextDue(loanId);
        if (from === undefined) return;
        return run('RescheduleLoan', { on, actor: 'mgr-1', loanId, from,
          kind: o.change % 2 === 0 ? 'rescheduled' : 'restructured',
          change: changes[o.change] ?? {}, requestedBy: 'clerk-1' });
      }
    }
  }

  // A new LT loan of member m: half paid out now, the rest by 'tranche' ops; or, as a top-up of
  // her latest loan, all of it paid out and that loan paid off from it, as the Ledger's
  // topUpLoan process does.
  function ltLoan(m: number, rupees: number, topUp: boolean): void {
    const old = loanIdOf(m, loans[m] ?? 0);
    loans[m] = (loans[m] ?? 0) + 1;
    const id = loanIdOf(m, loans[m] ?? 0);
    ltLoans[m] = id;
    run('ApplyForLoan', { on, loanId: id, memberId: `M${m}`, productId: 'LT',
      principal: `${rupees}`, repayments: 6, firstRepaymentOn: null });
    run('ApproveLoan', { on, actor: 'mgr-1', loanId: id, principal: `${rupees}` });
    if (!topUp || !isActive(old)) {
      run('DisburseLoan', { on, loanId: id, amount: `${Math.ceil(rupees / 2)}` });
      return;
    }
    const paid = ran('DisburseLoan', { on, loanId: id, topUpOf: old });
    const payoff = paid.find((e) => e.type === 'LoanDisbursed');
    if (payoff?.type !== 'LoanDisbursed' || payoff.data.topUpOf === null) return;
    run('PayOffByTopUp', { on, loanId: old, byLoanId: id, amount: payoff.data.topUpOf.payoff });
  }

  // The posting's interest is owed again, and its tax, given back on the reversal's day, is
  // money in from the day after (a later posting taxes the interest afresh).
  function unpost(m: number): void {
    const last = sim.events.findLast((e) => e.type === 'InterestPosted'
      && e.data.accountId === `A${m}`);
    if (last?.type !== 'InterestPosted') return;
    const out = ran('ReverseEvent', { on, aggregate: 'deposit', aggregateId: `A${m}`,
      eventId: last.data.eventId, reason: 'wrong_amount' });
    if (out.length === 0) return;
    posted[m] = (posted[m] ?? 0n) - minorOf(last.data.amount);
    const back = out.find((e) => e.type === 'TdsReversed');
    if (back?.type === 'TdsReversed') {
      moves[m]?.push({ on: addDays(back.data.on, 1), amount: back.data.amount,
        id: `tds back ${on}` });
    }
  }

  function reverse(pick: number): void {
    const money = sim.events.filter((e) => 'eventId' in e.data && e.type !== 'InterestPosted');
    const e = money[pick % Math.max(1, money.length)];
    if (e === undefined || !('eventId' in e.data) || e.stream === undefined) return;
    const id = e.data.eventId;
    const [aggregate = '', ...rest] = e.stream.split('-');
    const before = sim.events.length;
    run('ReverseEvent', { on, aggregate, aggregateId: rest.join('-'), eventId: id,
      reason: 'entry_error' });
    if (sim.events.length === before) return;
    for (const list of moves) {
      const i = list.findIndex((t) => t.id === id);
      if (i >= 0) list.splice(i, 1);
    }
  }
};

// Interest postings reversed, each at a step of the history: apart from `steps`, so the fixed
// samples other tests take of it stay the same.
const unposts = fc.array(fc.record({ at: fc.nat(), m: fc.nat(2) }), { maxLength: 3 });

// SB's rate changed, at steps of the history, from the day or some weeks on: apart from
// `steps` too, and none in about half the histories.
const rateChanges = fc.array(fc.record({ at: fc.nat(), rate: fc.constantFrom('3', '5', '6.5',
  '4.25'), days: fc.constantFrom(0, 1, 15, 40) }), { maxLength: 2 });

/**
 * Generated histories, about half of them in a society that deducts TDS, some with interest
 * postings reversed (and their tax given back), some with SB's rate changed.
 */
export const histories = (max = 90): fc.Arbitrary<ProjectedEvent[]> =>
  fc.tuple(steps(max), tdsSettings, unposts, rateChanges).map(([s, tds, us, rcs]) => {
    const all = [...s];
    for (const u of us) {
      all.splice(u.at % (all.length + 1), 0, { gap: 1, op: { k: 'unpost', m: u.m } });
    }
    for (const r of rcs) {
      all.splice(r.at % (all.length + 1), 0,
        { gap: 0, op: { k: 'rate', rate: r.rate, days: r.days } });
    }
    return historyOf(all, products, '', tds);
  });
