// Generated two-year histories for yearClose.properties.test.ts: up to three members saving,
// withdrawing, paying a recurring deposit, borrowing and repaying on random days from 1 April
// 2025 to 31 March 2027, with each year closed on a random day of the April after it.
import fc from 'fast-check';
import { addDays, businessDate } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { Ledger } from '../ledger/createLedger.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { memoryStore, ok, testLedger } from '../testSupport.ts';

/** The first day of the histories; day n of an operation is n days after it. */
export const FIRST_DAY = '2025-04-01';
/** The years the histories cover, in order. */
export const YEARS = ['2025-26', '2026-27'] as const;

/** One operation of a generated history, on day `day` (from FIRST_DAY). */
export type Op =
  | { readonly kind: 'deposit' | 'withdraw' | 'repay'; readonly member: number;
    readonly day: number; readonly amount: number }
  | { readonly kind: 'instalment'; readonly member: number; readonly day: number }
  | { readonly kind: 'post'; readonly member: number; readonly quarter: number }
  | { readonly kind: 'loan'; readonly member: number; readonly day: number;
    readonly principal: number; readonly repayments: number; readonly product: 'LN' | 'LP' };

/** A generated history: members (with or without savings, a recurring deposit), operations. */
export interface History {
  readonly members: ReadonlyArray<{ readonly savings: number | null;
    readonly rdInstalment: number | null }>;
  readonly ops: ReadonlyArray<Op>;
  /** Days after 31 March of each year on which it is closed (1 = 1 April). */
  readonly closeAfterDays: readonly [number, number];
}

const DAYS = 730; // 1 April 2025 to 31 March 2027; neither year has a 29 February
const member = fc.integer({ min: 0, max: 2 });
const day = fc.integer({ min: 0, max: DAYS - 1 });
// Weighted so that a history has money moving in most months and a loan or two.
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({
    kind: fc.constantFrom('deposit' as const, 'withdraw' as const),
    member, day, amount: fc.integer({ min: 1, max: 6000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('repay' as const), member, day,
    amount: fc.integer({ min: 1, max: 6000 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('instalment' as const), member, day }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('post' as const), member,
    quarter: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('loan' as const), member, day,
    principal: fc.integer({ min: 1000, max: 50000 }), repayments: fc.integer({ min: 3, max: 12 }),
    product: fc.constantFrom('LN' as const, 'LP' as const) }) },
);

/** Histories of one to three members and `minOps` to `maxOps` operations. */
export const histories = (minOps = 10, maxOps = 40): fc.Arbitrary<History> => fc.record({
  members: fc.array(fc.record({
    savings: fc.option(fc.integer({ min: 100, max: 20000 }), { nil: null, freq: 4 }),
    rdInstalment: fc.option(fc.integer({ min: 100, max: 2000 }), { nil: null, freq: 3 }),
  }), { minLength: 1, maxLength: 3 }),
  ops: fc.array(op, { minLength: minOps, maxLength: maxOps }),
  closeAfterDays: fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 })),
});

const QUARTER_ENDS = ['2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30',
  '2026-09-30', '2026-12-31', '2027-03-31'];
const dateOf = (n: number) => addDays(businessDate(FIRST_DAY), n);
const mid = (i: number) => `M-${String(i + 1).padStart(4, '0')}`;

/** A dated command (or a few) to the Ledger; its outcome is not looked at. */
interface Step { readonly on: string; readonly run: (l: Ledger<undefined>) => Promise<unknown> }

const opStep = (h: History, o: Op, i: number, loans: ReadonlyMap<number, string>): Step => {
  // An operation names one of the history's members, whatever their number.
  const member = o.member % h.members.length;
  const m = mid(member);
  const by = (on: string, actor = 'clerk-1', suffix = '') =>
    ({ commandId: `op-${i}${suffix}`, actor, on });
  const on = o.kind === 'post' ? QUARTER_ENDS[o.quarter] ?? FIRST_DAY : dateOf(o.day);
  switch (o.kind) {
    case 'deposit': return { on, run: (l) => l.makeDeposit({ ...by(on, 'cashier-1'),
      accountId: `SB-${m}`, amount: String(o.amount), source: 'cash' }) };
    case 'withdraw': return { on, run: (l) => l.withdraw({ ...by(on, 'cashier-1'),
      accountId: `SB-${m}`, amount: String(o.amount) }) };
    case 'instalment': return { on, run: (l) => l.makeDeposit({ ...by(on, 'cashier-1'),
      accountId: `RD-${m}`, amount: String(h.members[member]?.rdInstalment ?? 100),
      source: 'cash' }) };
    case 'post': return { on, run: (l) => l.execute({ type: 'PostInterest',
      data: { ...by(on), accountId: `SB-${m}`, periodTo: on } }) };
    case 'loan': {
      const loanId = loans.get(i) ?? '';
      const principal = String(o.principal);
      return { on, run: async (l) => {
        const apply = await l.applyForLoan({ ...by(on, 'clerk-1', '-apply'), loanId,
          memberId: m, productId: o.product, principal, repayments: o.repayments,
          firstRepaymentOn: null });
        if (apply.status !== 'accepted') return apply;
        await l.approveLoan({ ...by(on, 'manager-1', '-approve'), loanId, principal });
        return l.disburseLoan({ ...by(on, 'cashier-1', '-disburse'), loanId });
      } };
    }
    case 'repay': {
      // The member's latest loan applied for on or before the day, if any.
      const earlier = h.ops.flatMap((x, k) => x.kind === 'loan' &&
        x.member % h.members.length === member &&
        x.day <= o.day ? [{ day: x.day, k }] : []).sort((a, b) => a.day - b.day || a.k - b.k);
      const loanId = loans.get(earlier.at(-1)?.k ?? -1);
      return { on, run: (l) => loanId === undefined ? Promise.resolve(undefined)
        : l.recordRepayment({ ...by(on, 'cashier-1'), loanId, amount: String(o.amount) }) };
    }
  }
};

/** The members' admission (10 shares each), savings and recurring deposits, on FIRST_DAY. */
const openings = async (l: Ledger<undefined>, h: History) => {
  const by = (commandId: string, actor = 'clerk-1') => ({ commandId, actor, on: FIRST_DAY });
  ok(await l.configureSociety({ ...by('cfg', 'board-1'), societyId: 'USHA',
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  for (const [i, x] of h.members.entries()) {
    const m = mid(i);
    ok(await l.admitMember({ ...by(`${m}-admit`), memberId: m, branchId: 'SONAGACHI',
      shareProductId: 'SH', shares: 10 }));
    ok(await l.purchaseShares({ ...by(`${m}-shares`), accountId: `SH-${m}`, memberId: m,
      productId: 'SH', shares: 10 }));
    if (x.savings !== null) {
      ok(await l.openSavingsAccount({ ...by(`${m}-sb`), accountId: `SB-${m}`, memberId: m,
        productId: 'SB' }));
      ok(await l.makeDeposit({ ...by(`${m}-sb-in`, 'cashier-1'), accountId: `SB-${m}`,
        amount: String(x.savings), source: 'cash' }));
    }
    if (x.rdInstalment !== null) {
      // 24 months from 1 April 2025: it matures on 1 April 2027, after the histories.
      ok(await l.openRecurringDeposit({ ...by(`${m}-rd`), accountId: `RD-${m}`, memberId: m,
        productId: 'RD', instalment: String(x.rdInstalment), termMonths: 24 }));
    }
  }
};

/** A generated history run: its store, its Ledger and each year's close, in year order. */
export interface Run {
  readonly store: EventStore<LedgerEvent>;
  readonly ledger: Ledger<undefined>;
  readonly closes: ReadonlyArray<ProcessOutcome>;
}

/** How a history is run: its years closed or not, and a check made right after each close. */
export interface RunOptions {
  readonly close?: boolean;
  readonly afterClose?: (l: Ledger<undefined>, fy: string) => Promise<void>;
}

/**
 * Runs a history in date order (operations the Ledger refuses are simply not in it), each
 * year closed on its day, after the operations dated that day (unless `close` is false).
 */
export const runHistory = async (h: History, opts: RunOptions = {}): Promise<Run> => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  await openings(ledger, h);
  const loans = new Map<number, string>();
  h.ops.forEach((o, i) => {
    if (o.kind === 'loan') loans.set(i, `L-${String(i + 1).padStart(4, '0')}`);
  });
  const closes: ProcessOutcome[] = [];
  const steps: Step[] = h.ops.map((o, i) => opStep(h, o, i, loans));
  if (opts.close !== false) YEARS.forEach((fy, y) => {
    const on = dateOf(365 * (y + 1) - 1 + (h.closeAfterDays[y] ?? 1));
    steps.push({ on, run: async (l) => {
      closes.push(await l.closeFinancialYear({ commandId: `close-${fy}`, actor: 'board-1',
        on, societyId: 'USHA', financialYear: fy }));
      await opts.afterClose?.(l, fy);
    } });
  });
  // A stable sort: same-day operations keep their order, and each close comes after them.
  for (const s of steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))) {
    await s.run(ledger);
  }
  return { store, ledger, closes };
};
