// A co-operative's year, FY 2025-26, through the Ledger: the society configured, members
// admitted across five branches (opaque ids in the log, names only in the directory), shares
// bought, savings and recurring deposits, loans disbursed and repaid (some late, some not at
// all), interest posted every quarter, the year closed on the accrual basis (interest payable
// and receivable, a provision for loans gone bad) with its statutory reserve, a dividend
// declared and credited to savings. Every command is sent by the member of staff whose role
// the permission table names, at the member's branch (examples/societyStaff.ts): the Ledger
// is opened with `requireStaff`, as a society in production runs it. Loans are at 18% a year
// on the declining balance: with 7% paid on recurring deposits and the bad loans provided
// for, 12% left the society at a loss.
// Deterministic: every choice comes from a seeded PRNG, drawn before anything runs, and
// business dates only move forward.
import { minorOf, moneyString } from '@usha/domain';
import {
  isAccepted, type CommandOutcome, type Ledger, type ProcessOutcome,
} from '@usha/ledger';
import { seededRandom, type SeededRandom } from './seededRandom.ts';
import { appointRoster, rosterFor, type Roster } from './societyStaff.ts';

const loan = {
  kind: 'loan', rateAnnualPercent: '18', minPrincipal: '1000.00', maxPrincipal: '50000.00',
  minRepayments: 3, maxRepayments: 24, frequency: 'months', every: 1,
  interestMethod: 'declining-balance', amortization: 'equal-installments',
  interestPeriod: 'same-as-repayment', daysInYear: 365, daysInMonth: 30,
  installmentMultipleOf: '0.01', rounding: 'half-even', graceOnPrincipal: 0,
  graceOnInterestPayment: 0, graceOnInterestCharged: 0,
  allocationOrder: ['penalties', 'fees', 'interest', 'principal'], excessRepayment: 'reject',
};

/** The society's products, as data (the Ledger decodes them). */
export const products = {
  SH: { kind: 'share', id: 'SH', faceValue: '10.00', minimumShares: 5, maximumShares: 500,
    lockInMonths: 12, minimumSharesWhileBorrowing: 10 },
  SB: { kind: 'savings', id: 'SB', rateAnnualPercent: '4', dayCount: 'actual/365',
    compounding: 'quarterly', posting: 'quarterly', minimumBalance: '100.00',
    rounding: 'half-even' },
  RD: { kind: 'recurring', id: 'RD', rateAnnualPercent: '7', dayCount: 'actual/365',
    compounding: 'quarterly', minTermMonths: 6, maxTermMonths: 60, minimumInstalment: '100.00',
    prematureClosurePenaltyPercent: '1', rounding: 'half-even' },
  LN: { ...loan, id: 'LN' },
};

export const societyId = 'USHA';
export const financialYear = '2025-26';
const yearStart = '2025-04-01';
const yearEnd = '2026-03-31';
/** The board meets the day after the year ends: close, declare, credit. */
export const closeOn = '2026-04-01';
const quarterEnds = ['2025-06-30', '2025-09-30', '2025-12-31'];
const branches = ['SONAGACHI', 'KALIGHAT', 'KHIDIRPUR', 'BOWBAZAR', 'RAMBAGAN'];
const firstNames = ['Asha', 'Rina', 'Mala', 'Shefali', 'Putul', 'Mamata', 'Sabita', 'Kajal',
  'Bharati', 'Mina', 'Lakshmi', 'Sonali', 'Anita', 'Gita', 'Rekha', 'Champa', 'Tapati',
  'Jharna', 'Bulbul', 'Purnima'];
const surnames = ['Das', 'Mondal', 'Sardar', 'Bibi', 'Khatun', 'Roy', 'Ghosh', 'Naskar',
  'Halder', 'Paul', 'Biswas', 'Sheikh'];

const day = 86_400_000;
const addDays = (d: string, n: number): string =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * day).toISOString().slice(0, 10);
// Days of the month are at most 28 here, so a month later is always the same day.
const addMonths = (d: string, n: number): string => {
  const [y = 0, m = 1, dd = 1] = d.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, dd)).toISOString().slice(0, 10);
};

type Behaviour = 'prompt' | 'late' | 'defaulter';

/** One member's year, drawn before anything runs. */
interface MemberPlan {
  readonly memberId: string;
  readonly name: string;
  readonly branchId: string;
  readonly admitOn: string;
  readonly shares: number;
  readonly opening: number;
  readonly monthly: ReadonlyArray<{ on: string; deposit: number; withdraw: number }>;
  readonly recurring: { on: string; instalment: number } | null;
  readonly loan: { on: string; principal: number; repayments: number; behaviour: Behaviour;
    lateDays: number; paysFirst: number } | null;
}

const planMember = (rnd: SeededRandom, i: number): MemberPlan => {
  const memberId = `M-${String(i + 1).padStart(4, '0')}`;
  const payDay = String(rnd.int(1, 28)).padStart(2, '0');
  const first = `2025-04-${payDay}`;
  const opening = rnd.int(10, 60) * 50;
  let balance = opening;
  const monthly = Array.from({ length: 11 }, (_, k) => {
    const deposit = rnd.chance(0.7) ? rnd.int(2, 20) * 50 : 0;
    balance += deposit;
    const wanted = rnd.chance(0.2) ? rnd.int(2, 16) * 50 : 0;
    // Never below Rs 300: the product's minimum is Rs 100, and no withdrawal is refused.
    const withdraw = Math.max(0, Math.min(wanted, balance - 300));
    balance -= withdraw;
    return { on: addMonths(first, k + 1), deposit, withdraw };
  });
  const recurring = i === 0 || rnd.chance(0.35)
    ? { on: addMonths(first, 1), instalment: rnd.int(2, 10) * 50 } : null;
  const borrows = i === 0 || rnd.chance(0.3);
  const r = rnd.next();
  const loan = borrows ? {
    on: addMonths(first, rnd.int(1, 5)), principal: rnd.int(3, 15) * 1000,
    repayments: rnd.pick([10, 12]),
    behaviour: (i === 0 || r < 0.72 ? 'prompt' : r < 0.9 ? 'late' : 'defaulter') as Behaviour,
    lateDays: rnd.int(8, 40), paysFirst: rnd.int(1, 3),
  } : null;
  return {
    memberId, name: `${rnd.pick(firstNames)} ${rnd.pick(surnames)}`, branchId: rnd.pick(branches),
    admitOn: addDays(yearStart, rnd.int(0, 29)), shares: rnd.int(10, 20), opening, monthly,
    recurring, loan,
  };
};

/** What the year did. */
export interface YearSummary {
  readonly members: number;
  readonly commands: number;
  readonly loans: number;
  readonly latePayers: number;
  readonly defaulters: number;
  readonly recurringDeposits: number;
  /** The member whose passbook the demo prints. */
  readonly showcaseMember: string;
  /** Who was appointed; the appointments are not among `commands` (the year's business). */
  readonly roster: Roster;
  readonly close: ProcessOutcome;
  readonly dividends: ProcessOutcome;
}

type Task = () => Promise<void>;

/**
 * Runs FY 2025-26 for `members` members on the Ledger (which needs a directory for the names).
 * Business dates advance one day at a time; on each day the members' commands run side by side,
 * `lanes` members at a time (each member's in order), so the file store commits them in groups.
 * @example const summary = await runCooperativeYear(ledger, { members: 300, seed: 2025 })
 */
export const runCooperativeYear = async <S>(
  ledger: Ledger<S>, o: { readonly members: number; readonly seed: number;
    readonly lanes?: number },
): Promise<YearSummary> => {
  const rnd = seededRandom(o.seed);
  const plans = Array.from({ length: o.members }, (_, i) => planMember(rnd, i));
  const roster = rosterFor(branches);
  let commands = 0;
  const must = async (p: Promise<CommandOutcome>): Promise<CommandOutcome> => {
    const out = await p;
    commands += 1;
    if (!isAccepted(out)) {
      throw new Error(`${out.commandId ?? '?'}: ${JSON.stringify(out.rejection)}`);
    }
    return out;
  };
  // The agenda: for each date, each member's tasks in order.
  const agenda = new Map<string, Map<string, Task[]>>();
  const at = (on: string, memberId: string, task: Task) => {
    const byMember = agenda.get(on) ?? new Map<string, Task[]>();
    agenda.set(on, byMember);
    byMember.set(memberId, [...(byMember.get(memberId) ?? []), task]);
  };
  for (const p of plans) planTasks(ledger, p, { at, must, roster });
  const by = (commandId: string, on: string, actor = roster.board) => ({ commandId, actor, on });
  await appointRoster(ledger, roster, yearStart);
  await must(ledger.configureSociety({ ...by('society-config', yearStart), societyId,
    statutoryReservePercent: '25', dividendRateCapPercent: '15' }));
  for (let on = yearStart; on <= yearEnd; on = addDays(on, 1)) {
    const today = agenda.get(on);
    if (today !== undefined) {
      await inLanes(o.lanes ?? 32, [...today.values()], async (tasks) => {
        for (const t of tasks) await t();
      });
    }
    if (quarterEnds.includes(on)) {
      await inLanes(o.lanes ?? 32, plans, async (p) => {
        // A computed entry, no cash: the branch clerk posts it for her members.
        const clerk = roster.at(p.branchId, 'clerk');
        await must(ledger.postInterest({ ...by(`${p.memberId}-int-${on}`, on, clerk),
          accountId: `SB-${p.memberId.slice(2)}`, periodTo: on }));
      });
    }
  }
  const close = await ledger.closeFinancialYear({ ...by('close-2025-26', closeOn), societyId,
    financialYear });
  // Two board members sign the declaration: one requests it, the other approves, and the
  // Ledger then runs it in the first one's name. Counted once among the year's commands.
  const declaration = { type: 'DeclareDividend' as const, data: {
    ...by('dividend-2025-26', closeOn), societyId, financialYear, ratePercent: '10' } };
  await must(ledger.requestApproval({ ...by('request-dividend-2025-26', closeOn),
    command: declaration }));
  const approval = await ledger.approveRequest({
    ...by('approve-dividend-2025-26', closeOn, roster.secondBoard),
    requestId: 'dividend-2025-26' });
  if (approval.command === undefined || !isAccepted(approval.command)) {
    throw new Error(`dividend-2025-26: not declared: ${JSON.stringify(approval)}`);
  }
  const dividends = await ledger.creditDividends({ ...by('credit-2025-26', closeOn), societyId,
    financialYear });
  const loans = plans.flatMap((p) => (p.loan === null ? [] : [p.loan.behaviour]));
  return {
    members: plans.length, commands, loans: loans.length,
    latePayers: loans.filter((b) => b === 'late').length,
    defaulters: loans.filter((b) => b === 'defaulter').length,
    recurringDeposits: plans.filter((p) => p.recurring !== null).length,
    showcaseMember: plans[0]?.memberId ?? '', roster, close, dividends,
  };
};

interface Scheduler {
  readonly at: (on: string, memberId: string, task: Task) => void;
  readonly must: (p: Promise<CommandOutcome>) => Promise<CommandOutcome>;
  readonly roster: Roster;
}

// Puts a member's commands on the agenda; loan repayments are added once the loan is paid out
// and its schedule is known. Each is sent by staff of the member's branch: the clerk records
// admissions, openings, applications and penalties, the cashier every rupee across the
// counter, the branch manager approves the loans her clerk recorded.
const planTasks = <S>(ledger: Ledger<S>, p: MemberPlan, { at, must, roster }: Scheduler) => {
  const m = p.memberId;
  const n = m.slice(2);
  const clerk = roster.at(p.branchId, 'clerk');
  const cashier = roster.at(p.branchId, 'cashier');
  const manager = roster.at(p.branchId, 'branchManager');
  const by = (what: string, on: string, actor: string) =>
    ({ commandId: `${m}-${what}-${on}`, actor, on });
  at(p.admitOn, m, async () => {
    const on = p.admitOn;
    await must(ledger.admitMember({ ...by('admit', on, clerk), memberId: m, branchId: p.branchId,
      shareProductId: 'SH', shares: p.shares }));
    await ledger.registerMember(m, { name: p.name });
    await must(ledger.purchaseShares({ ...by('shares', on, cashier), accountId: `SH-${n}`,
      memberId: m, productId: 'SH', shares: p.shares }));
    await must(ledger.openSavingsAccount({ ...by('open-sb', on, clerk), accountId: `SB-${n}`,
      memberId: m, productId: 'SB' }));
    await must(ledger.makeDeposit({ ...by('dep', on, cashier), accountId: `SB-${n}`,
      amount: String(p.opening), source: 'cash' }));
  });
  for (const mo of p.monthly) {
    if (mo.deposit > 0) {
      at(mo.on, m, async () => { await must(ledger.makeDeposit({ ...by('dep', mo.on, cashier),
        accountId: `SB-${n}`, amount: String(mo.deposit), source: 'cash' })); });
    }
    if (mo.withdraw > 0) {
      at(mo.on, m, async () => { await must(ledger.withdraw({ ...by('wd', mo.on, cashier),
        accountId: `SB-${n}`, amount: String(mo.withdraw) })); });
    }
  }
  const rd = p.recurring;
  if (rd !== null) {
    at(rd.on, m, async () => { await must(ledger.openRecurringDeposit({
      ...by('open-rd', rd.on, clerk), accountId: `RD-${n}`, memberId: m, productId: 'RD',
      instalment: String(rd.instalment), termMonths: 12 })); });
    for (let k = 0; addMonths(rd.on, k) <= yearEnd; k += 1) {
      const on = addMonths(rd.on, k);
      at(on, m, async () => { await must(ledger.makeDeposit({ ...by('rd', on, cashier),
        accountId: `RD-${n}`, amount: String(rd.instalment), source: 'cash' })); });
    }
  }
  const l = p.loan;
  if (l === null) return;
  at(l.on, m, async () => {
    const loanId = `L-${n}`;
    await must(ledger.applyForLoan({ ...by('apply', l.on, clerk), loanId, memberId: m,
      productId: 'LN', principal: String(l.principal), repayments: l.repayments,
      firstRepaymentOn: null }));
    await must(ledger.approveLoan({ ...by('approve', l.on, manager), loanId,
      principal: String(l.principal) }));
    const paid = await must(ledger.disburseLoan({ ...by('disburse', l.on, cashier), loanId }));
    const disbursed = isAccepted(paid)
      ? paid.events.map((e) => e.event).find((e) => e.type === 'LoanDisbursed') : undefined;
    if (disbursed?.type !== 'LoanDisbursed') throw new Error(`${loanId}: not disbursed`);
    for (const inst of disbursed.data.schedule.installments) {
      if (l.behaviour === 'defaulter' && inst.n > l.paysFirst) break;
      const late = l.behaviour === 'late';
      const on = late ? addDays(inst.dueOn, l.lateDays) : inst.dueOn;
      if (on > yearEnd) break;
      at(on, m, async () => {
        if (late) {
          await must(ledger.chargePenalty({ ...by(`penalty-${inst.n}`, on, clerk), loanId,
            amount: '50', reason: 'late_payment' }));
        }
        const amount = late ? moneyString(minorOf(inst.total) + 5000n) : inst.total;
        await must(ledger.recordRepayment({ ...by(`repay-${inst.n}`, on, cashier), loanId,
          amount }));
      });
    }
  });
};

// Runs `f` over the items, at most `lanes` at a time.
const inLanes = async <A>(
  lanes: number, items: ReadonlyArray<A>, f: (a: A) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      if (item !== undefined) await f(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, items.length) }, lane));
};
