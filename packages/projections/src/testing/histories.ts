// Generated histories of a small co-operative (three members, two branches), built by running
// the deciders over generated commands, so that every history is a valid one.
import fc from 'fast-check';
import {
  addDays, businessDate, loanInstalmentDue, minorOf, moneyString, ProductCatalogue,
  rdInstalmentDue, steppedSavingsInterestCalculator, topUpFactOf, type Command, type DepositState,
  type LoanState, type RateStep, type ShareState, type TdsSettings,
} from '@usha/domain';
import { products as domainProducts } from '@usha/domain/testing';
import { allProjections } from '../allProjections.ts';
import { firstEntryOn, incomeStatement } from '../books/reports.ts';
import { financialYearLabel } from '../books/financialYearLabel.ts';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { simulator, type SimulatorGiven } from './simulator.ts';

/**
 * The domain's test products and LT: LN paid out in up to three tranches on the progressive
 * engine, recalculated to a smaller EMI when principal is paid ahead, able to top up a loan;
 * RD charges Rs 10 for each instalment missed.
 */
export const products: ProductCatalogue = (() => {
  const d = ProductCatalogue.decode({ ...domainProducts, LT: { ...domainProducts.LN, id: 'LT',
    scheduleType: 'progressive', interestRecalculation: 'reduce-emi', maxTranches: 3,
    allowTopUp: true, excessRepayment: 'prepay-principal' },
  RD: { ...domainProducts.RD, missedInstalmentPenalty: { amount: '10.00' } } });
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
  | { readonly k: 'rate'; readonly rate: string; readonly days: number }
  // Member m: leaves (shares redeemed, deposits closed, then her exit), closes her latest term
  // deposit early, pays her recurring deposit late (and is charged for what she missed), or
  // gives a standing instruction paying her recurring deposit or loan from her savings.
  | { readonly k: 'exit' | 'closeEarly' | 'charge' | 'instruct'; readonly m: number }
  // The next member's savings pledged for member m's loan; later, that loan written off and
  // the guarantee called.
  | { readonly k: 'lien' | 'call'; readonly m: number };

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
  const run = (type: Command['type'], data: Record<string, unknown>, given?: SimulatorGiven) => {
    ran(type, data, given);
  };
  // The same, with the events it stored.
  function ran(type: Command['type'], data: Record<string, unknown>,
    given?: SimulatorGiven): ReadonlyArray<ProjectedEvent> {
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
  // Standing instructions given, each run on its target's due dates, as the daily run does.
  const instructions: Array<{ readonly id: string; readonly m: number;
    readonly what: 'rd-instalment' | 'loan-instalment'; readonly to: string }> = [];
  // The savings account each loan's lien is held on.
  const liens = new Map<string, number>();
  const none = { loans: 0, outstanding: '0.00' };
  const closeYear = (endsOn: string) => {
    const fy = financialYearLabel(endsOn);
    // Each decided on the books' first entry, as the Ledger reads it (the first close's order).
    const first = { booksFirstEntryOn: firstEntryOn(live.states.books) };
    // The entries a close needs, of zero: these books are kept before accruals and provision.
    run('RecordYearEndAccruals', { on: endsOn, societyId: 'U', financialYear: fy,
      depositInterestPayable: '0.00', loanInterestReceivable: '0.00',
      loanInterestNotRecognised: '0.00' }, first);
    run('SetLoanLossProvision', { on: endsOn, societyId: 'U', financialYear: fy,
      byClass: { standard: none, subStandard: none, doubtful: none, loss: none } }, first);
    const net = incomeStatement(live.states.books, { financialYear: fy }).netProfit;
    run('CloseFinancialYear', { on, societyId: 'U', financialYear: fy },
      { netProfit: net < 0n ? `-${rs(-net)}` : rs(net), ...first });
  };
  for (const s of ss) {
    const start = on;
    for (let d = 1; d <= s.gap; d += 1) {
      const day = addDays(start, d);
      if (instructions.length > 0) {
        on = day;
        runInstructions();
      }
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
      case 'deposit': case 'withdraw':
        return void savings(o.k === 'deposit' ? 'cash' : 'out', m, rs(o.paise));
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
      case 'exit': return exit(m);
      case 'closeEarly': {
        const last = termDeposits(mem).findLast((id) => depositOf(id).status === 'open');
        return last === undefined ? undefined : run('CloseDepositEarly', { on, accountId: last });
      }
      case 'charge': {
        const rd = termDeposits(mem).findLast((id) => id.startsWith('RD-'));
        if (rd === undefined) return;
        run('MakeDeposit', { on, accountId: rd, amount: '500', source: 'cash' });
        return run('ApplyDepositCharges', { on, accountId: rd });
      }
      case 'instruct': return instruct(m);
      case 'lien': return lien(m, loanId);
      case 'call': return call(m);
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

  // Money into (cash or transfer) or out of member m's savings, kept in the interest model;
  // whether it was stored.
  function savings(how: 'cash' | 'transfer' | 'out', m: number, amount: string): boolean {
    const out = ran(how === 'out' ? 'Withdraw' : 'MakeDeposit', { on, accountId: `A${m}`,
      amount, ...(how === 'out' ? {} : { source: how }) });
    const e = out[0];
    if (e?.type !== 'Deposited' && e?.type !== 'Withdrawn') return false;
    moves[m]?.push({ on, id: e.data.eventId, amount: how === 'out' ? `-${amount}` : amount });
    return true;
  }

  function depositOf(id: string): DepositState {
    return (sim.stateOf(`deposit-${id}`) ?? { status: 'none' }) as DepositState;
  }
  function loanOf(id: string): LoanState {
    return (sim.stateOf(`loan-${id}`) ?? { status: 'none' }) as LoanState;
  }
  // A member's recurring and fixed deposits, in the order opened.
  function termDeposits(mem: string): string[] {
    return sim.events.flatMap((e) => (e.type === 'RecurringDepositOpened'
      || e.type === 'FixedDepositOpened') && e.data.memberId === mem ? [e.data.accountId] : []);
  }

  // She leaves as the domain allows: her loans paid off, her shares redeemed, each deposit
  // closed (a term deposit early, or at maturity), then her exit. A payoff or redemption
  // refused (her shares still locked in) leaves her a member with the rest as it was.
  function exit(m: number): void {
    const mem = `M${m}`;
    for (let n = 1; n <= (loans[m] ?? 0); n += 1) {
      const id = loanIdOf(m, n);
      const payoff = topUpFactOf(loanOf(id), on)?.payoff;
      if (isActive(id) && payoff !== undefined) {
        run('RecordRepayment', { on, loanId: id, amount: payoff });
      }
      if (isActive(id)) return;
    }
    const sh = (sim.stateOf(`shares-${mem}`) ?? { status: 'none' }) as ShareState;
    const emptied = sh.status === 'open' && sh.shares === 0; // by a correction of her purchase
    if (sh.status === 'open' && !emptied && ran('RedeemShares', { on, accountId: `S${m}`,
      memberId: mem, shares: sh.shares, forExit: true }).length === 0) return;
    for (const id of [`A${m}`, ...termDeposits(mem)]) {
      const d = depositOf(id);
      if (d.status === 'none' || d.status === 'closed') continue;
      if (d.status === 'open' && d.kind !== 'savings') {
        if (d.maturesOn !== null && on < d.maturesOn) {
          run('CloseDepositEarly', { on, accountId: id });
          continue;
        }
        run('MatureDeposit', { on, accountId: id });
      }
      run('CloseDepositAccount', { on, accountId: id });
    }
    // An account a correction emptied: her exit tried first, as a clerk who sees no shares to
    // redeem might (refused while it is open), then the account closed with zero redeemed.
    if (emptied) {
      run('ExitMember', { on, memberId: mem });
      run('RedeemShares', { on, accountId: `S${m}`, memberId: mem, shares: 0, forExit: true });
    }
    run('ExitMember', { on, memberId: mem });
  }

  // From her savings into her latest recurring deposit if open, else into her loan if active.
  function instruct(m: number): void {
    const rd = termDeposits(`M${m}`).findLast((id) => id.startsWith('RD-')
      && depositOf(id).status === 'open');
    const loanId = loanIdOf(m, loans[m] ?? 0);
    const to = rd ?? (isActive(loanId) ? loanId : undefined);
    if (to === undefined) return;
    const id = `SI-${m}${String(instructions.length + 1).padStart(3, '0')}`;
    const what = rd === undefined ? 'loan-instalment' as const : 'rd-instalment' as const;
    if (accepted('GiveStandingInstruction', { on, instructionId: id, fromAccountId: `A${m}`,
      toAccountId: to, what, startOn: on, endOn: null })) instructions.push({ id, m, what, to });
  }

  // Each instruction due on `on` paid as the Ledger's standingDue does: from her savings into
  // its target, paid back if the target refuses, and the date recorded executed or refused. A
  // target that takes no more payments (closed, paid up) ends the instruction.
  function runInstructions(): void {
    for (const si of instructions) {
      const s = sim.stateOf(`standing-${si.id}`);
      if (Reflect.get(Object(s), 'status') !== 'active') continue;
      const due = si.what === 'rd-instalment' ? rdInstalmentDue(depositOf(si.to), on)
        : loanInstalmentDue(loanOf(si.to), on);
      if (due.kind === 'not_due') continue;
      const base = { on, instructionId: si.id };
      if (due.kind === 'refused') {
        run('RecordStandingInstructionRefused', { ...base, amount: '0.00', reason: due.reason });
        run('CancelStandingInstruction', base);
        continue;
      }
      const amount = rs(due.amount);
      let refusal: string | undefined;
      if (!savings('out', si.m, amount)) refusal = sim.lastRejection();
      else {
        const paid = si.what === 'rd-instalment'
          ? ran('MakeDeposit', { on, accountId: si.to, amount, source: 'transfer' })
          : ran('RecordRepayment', { on, loanId: si.to, amount });
        if (paid.length === 0) {
          refusal = sim.lastRejection();
          savings('transfer', si.m, amount);
        }
      }
      run(refusal === undefined ? 'RecordStandingInstructionExecuted'
        : 'RecordStandingInstructionRefused', { ...base, amount,
        ...(refusal === undefined ? {} : { reason: refusal }) });
    }
  }

  // The next member's savings pledged for member m's active loan, Rs 300.
  function lien(m: number, loanId: string): void {
    const g = (m + 1) % 3;
    if (!isActive(loanId) || liens.has(loanId)) return;
    if (accepted('PlaceLien', { on, accountId: `A${g}`, loanId, amount: '300' })) {
      liens.set(loanId, g);
    }
  }

  // Member m's pledged loan written off (if still active) and the guarantor's lien called, up
  // to Rs 150 and what is still recoverable, as recoverFromGuarantor does: the call, then the
  // recovery on the loan, the money paid back in cash if the loan refuses it.
  function call(m: number): void {
    const loanId = [...liens.keys()].findLast((id) => id.startsWith(`LN-${m}`));
    const g = loanId === undefined ? undefined : liens.get(loanId);
    if (loanId === undefined || g === undefined) return;
    if (isActive(loanId)) run('WriteOffLoan', { on, loanId });
    const loan = loanOf(loanId);
    const held = depositOf(`A${g}`);
    if (loan.status !== 'written_off' || held.status === 'none') return;
    const limits = [15_000n, loan.totals.writtenOff - loan.totals.recovered,
      held.liens[loanId] ?? 0n];
    const amount = limits.reduce((a, b) => (b < a ? b : a));
    if (amount <= 0n) return;
    const called = ran('CallGuarantee', { on, accountId: `A${g}`, loanId, amount: rs(amount) });
    const w = called[0];
    if (w?.type !== 'Withdrawn') return;
    moves[g]?.push({ on, id: w.data.eventId, amount: `-${rs(amount)}` });
    if (!accepted('RecordRecovery', { on, loanId, amount: rs(amount) })) {
      savings('cash', g, rs(amount));
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

// Members' later life, at steps of the history, apart from `steps` too: exits, early
// closings, recurring deposits (paid late and charged, or paid by standing instruction); loans
// guaranteed by another member's savings, the guarantee called some steps later.
const lives = fc.array(fc.record({ at: fc.nat(), m: fc.nat(2),
  k: fc.constantFrom('exit' as const, 'closeEarly' as const, 'charge' as const,
    'instruct' as const, 'recurring' as const) }), { maxLength: 6 });
const guarantees = fc.array(fc.record({ at: fc.nat(), later: fc.integer({ min: 1, max: 25 }),
  m: fc.nat(2) }), { maxLength: 2 });

/**
 * Generated histories, about half of them in a society that deducts TDS, some with interest
 * postings reversed (and their tax given back), some with SB's rate changed, some with members
 * leaving, closing term deposits early, charged for missed instalments, paying by standing
 * instruction, or with a guarantor's pledge called.
 */
export const histories = (max = 90): fc.Arbitrary<ProjectedEvent[]> =>
  fc.tuple(steps(max), tdsSettings, unposts, rateChanges, lives, guarantees).map(
    ([s, tds, us, rcs, ls, gs]) => {
    const all = [...s];
    for (const u of us) {
      all.splice(u.at % (all.length + 1), 0, { gap: 1, op: { k: 'unpost', m: u.m } });
    }
    for (const r of rcs) {
      all.splice(r.at % (all.length + 1), 0,
        { gap: 0, op: { k: 'rate', rate: r.rate, days: r.days } });
    }
    // An exit near the end: her shares are locked in for a year.
    for (const l of ls) {
      all.splice(l.k === 'exit' ? Math.max(0, all.length - (l.at % 8))
        : l.at % (all.length + 1), 0, { gap: 1, op: { k: l.k, m: l.m } });
    }
    for (const g of gs) {
      const at = g.at % (all.length + 1);
      all.splice(at, 0, { gap: 1, op: { k: 'lien', m: g.m } });
      all.splice(Math.min(all.length, at + g.later), 0, { gap: 1, op: { k: 'call', m: g.m } });
    }
    return historyOf(all, products, '', tds);
  });
