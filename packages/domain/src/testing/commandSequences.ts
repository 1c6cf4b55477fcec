// Command sequences for the domain's property tests: each arbitrary yields a list of commands
// for one aggregate, with rising dates, fresh command ids and reversals naming earlier events.
import fc from 'fast-check';
import { addDays, businessDate } from '../dates/businessDate.ts';
import { asMember, by, command, withFacts } from './fixtures.ts';
import type { DecidableCommand } from '../commandFacts.ts';
import type { DepositDecision } from '../deposit/decide.ts';
import type { ShareDecision } from '../shares/decide.ts';
import type { LoanDecision } from '../loan/decide.ts';
import { zeroTotals } from '../loan/state.ts';

const start = businessDate('2024-04-01');
const rupees = (maxMinor: number) =>
  fc.integer({ min: 1, max: maxMinor })
    .map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`);

type Op<C> = (id: string, on: string, ids: ReadonlyArray<string>) => C;

const sequence = <C extends DecidableCommand>(
  opening: (on: string) => C, ops: fc.Arbitrary<Op<C>>, max = 25, maxGapDays = 60,
) =>
  fc.array(fc.record({ gapDays: fc.integer({ min: 0, max: maxGapDays }), op: ops }),
    { minLength: 3, maxLength: max })
    .map((steps) => {
      let on: string = start;
      const out: C[] = [opening(on)];
      const ids = ['c0'];
      steps.forEach((s, i) => {
        on = addDays(businessDate(on), s.gapDays);
        const id = `c${i + 1}`;
        out.push(s.op(id, on, ids));
        ids.push(id);
      });
      return out;
    });

const pick = (ids: ReadonlyArray<string>, k: number) => ids[k % ids.length] ?? 'c0';
const reverse = (aggregate: string, aggregateId: string) =>
  fc.nat().map((k) => (id: string, on: string, ids: ReadonlyArray<string>) =>
    command('ReverseEvent', { ...by(id, on), aggregate, aggregateId,
      eventId: `${pick(ids, k)}.0`, reason: 'entry_error' }));

/** A savings account's life: deposits, withdrawals, interest, corrections, maybe a close. */
export const savingsCommands = sequence<DepositDecision>(
  (on) => asMember(command('OpenSavingsAccount', { ...by('c0', on), accountId: 'A1', memberId: 'M1',
    productId: 'SB' })),
  fc.oneof(
    { weight: 4, arbitrary: rupees(500000).map((amount) => (id: string, on: string) =>
      asMember(command('MakeDeposit', { ...by(id, on), accountId: 'A1', amount,
        source: 'cash' }))) },
    { weight: 4, arbitrary: rupees(500000).map((amount) => (id: string, on: string) =>
      command('Withdraw', { ...by(id, on), accountId: 'A1', amount })) },
    // The history is generated apart from the commands (as the amounts were): the decider
    // takes what the facts say, so the interest is any figure the engine gives for it.
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 50_000_000 }).map((paise) =>
      (id: string, on: string) => withFacts(command('PostInterest', { ...by(id, on),
        accountId: 'A1', periodTo: on }), { history: { rateAnnualPercent: '4',
        transactions: [{ on: start, minor: BigInt(paise) }], interestPostedMinor: 0n } })) },
    { weight: 2, arbitrary: reverse('deposit', 'A1') },
    { weight: 1, arbitrary: fc.constant((id: string, on: string) =>
      command('CloseDepositAccount', { ...by(id, on), accountId: 'A1' })) },
  ),
);

/** A share account's life: purchases, redemptions (some while borrowing), dividends, exits. */
export const shareCommands = sequence<ShareDecision>(
  (on) => asMember(command('PurchaseShares', { ...by('c0', on), accountId: 'S1', memberId: 'M1',
    productId: 'SH', shares: 5 })),
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 1, max: 200 })
      .map((shares) => (id: string, on: string) =>
        asMember(command('PurchaseShares', { ...by(id, on), accountId: 'S1', memberId: 'M1',
          productId: 'SH', shares }))) },
    { weight: 4, arbitrary: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.boolean(),
      fc.integer({ min: 0, max: 4 }).map((n) => n === 0))
      .map(([shares, borrowing, forExit]) => (id: string, on: string) =>
        withFacts(command('RedeemShares', { ...by(id, on), accountId: 'S1', memberId: 'M1',
          shares, forExit }), { loans: borrowing
          ? [{ totals: { ...zeroTotals, disbursed: 500000n } }] : [] })) },
    { weight: 1, arbitrary: rupees(10000).map((amount) => (id: string, on: string) =>
      command('CreditDividend', { ...by(id, on), accountId: 'S1', memberId: 'M1',
        financialYear: '2024-25', amount, savingsAccountId: 'A1' })) },
    { weight: 2, arbitrary: reverse('shares', 'M1') },
  ),
  25,
  120,
);

/** A loan's life after approval: repayments, charges, waivers, write-off, recovery, reversals. */
export const loanCommands = (productId: 'LN' | 'LP') => sequence<LoanDecision>(
  (on) => asMember(command('ApplyForLoan', { ...by('c0', on), loanId: 'L1', memberId: 'M1',
    productId,
    principal: '10000', repayments: 6, firstRepaymentOn: null })),
  fc.oneof(
    { weight: 1, arbitrary: fc.constant((id: string, on: string) =>
      asMember(command('ApproveLoan', { ...by(id, on, 'mgr-1'), loanId: 'L1',
        principal: '10000' }))) },
    { weight: 1, arbitrary: fc.constant((id: string, on: string) =>
      asMember(command('DisburseLoan', { ...by(id, on), loanId: 'L1' }))) },
    { weight: 6, arbitrary: rupees(400000).map((amount) => (id: string, on: string) =>
      command('RecordRepayment', { ...by(id, on), loanId: 'L1', amount })) },
    { weight: 1, arbitrary: rupees(10000).map((amount) => (id: string, on: string) =>
      command('ChargePenalty', { ...by(id, on), loanId: 'L1', amount, reason: 'late_payment' })) },
    { weight: 1, arbitrary: rupees(10000).map((amount) => (id: string, on: string) =>
      command('ChargeFee', { ...by(id, on), loanId: 'L1', amount, reason: 'processing' })) },
    { weight: 1, arbitrary: rupees(10000).map((amount) => (id: string, on: string) =>
      command('WaiveInterest', { ...by(id, on), loanId: 'L1', amount })) },
    { weight: 1, arbitrary: fc.constant((id: string, on: string) =>
      command('WriteOffLoan', { ...by(id, on), loanId: 'L1' })) },
    { weight: 1, arbitrary: rupees(400000).map((amount) => (id: string, on: string) =>
      command('RecordRecovery', { ...by(id, on), loanId: 'L1', amount })) },
    { weight: 2, arbitrary: reverse('loan', 'L1') },
  ),
  30,
);
