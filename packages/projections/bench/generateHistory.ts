// A deterministic history of a large co-operative, written as NDJSON one event a line: members
// admitted, shares bought, savings deposited and withdrawn, interest posted each quarter, loans
// disbursed with their schedules and repaid, a few reversals. Valid against the catalogue's
// codecs (generateHistory.test.ts decodes a sample). Streams to a file: memory stays flat.
import { openSync, writeSync, closeSync } from 'node:fs';
import {
  addDays, addMonths, businessDate, loanSchedule, moneyString, schemaVersionOf,
  type BusinessDate,
} from '@usha/domain';

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export const random = (seed: number) => () => {
  let t = (seed += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

interface Template { readonly rows: ReadonlyArray<{ principal: bigint; interest: bigint;
  balance: bigint; days: number }>; readonly totalInterest: bigint }

const terms = {
  rateAnnualPercent: '12', interestMethod: 'declining-balance', amortization: 'equal-installments',
  interestPeriod: 'same-as-repayment', repayments: 12, every: 1, frequency: 'months',
  firstRepaymentOn: null, daysInYear: 365, daysInMonth: 30, installmentMultipleOf: '0.01',
  rounding: 'half-even', graceOnPrincipal: 0, graceOnInterestPayment: 0,
  graceOnInterestCharged: 0, allocationOrder: ['penalties', 'fees', 'interest', 'principal'],
  excessRepayment: 'reject', scheduleType: 'cumulative', downPaymentPercent: '0',
  interestRecalculation: 'none', maxTranches: 1,
} as const;

const template = (rupees: number): Template => {
  const s = loanSchedule({
    principal: String(rupees), rateAnnualPercent: terms.rateAnnualPercent,
    interestMethod: terms.interestMethod, amortization: terms.amortization,
    interestPeriod: terms.interestPeriod, repayments: terms.repayments, every: terms.every,
    frequency: terms.frequency, disbursedOn: '2024-04-01', daysInYear: terms.daysInYear,
    daysInMonth: terms.daysInMonth, currencyDigits: 2,
    installmentMultipleOf: terms.installmentMultipleOf, rounding: terms.rounding,
    graceOnPrincipal: 0, graceOnInterestPayment: 0, graceOnInterestCharged: 0,
  });
  return {
    rows: s.installments.map((i) => ({ principal: i.principal.minor, interest: i.interest.minor,
      balance: i.balance.minor, days: i.days })),
    totalInterest: s.totalInterest.minor,
  };
};

/** What a generated history holds. */
export interface GeneratedHistory {
  readonly events: number;
  readonly members: number;
  readonly bytes: number;
}

/**
 * Writes `events` events for `members` members to `file`, their business dates spread over
 * `years` years from 1 April 2024 (the same events whatever the spread: only dates differ).
 */
export const generateHistory = (
  file: string, o: { events: number; members: number; years: number; seed?: number },
): GeneratedHistory => {
  const rnd = random(o.seed ?? 42);
  const fd = openSync(file, 'w');
  const start = businessDate('2024-04-01');
  // Events are generated on a 365-day clock, then the date is stretched over the years.
  const dateOf = (day: number): BusinessDate => addDays(start, Math.floor(day * o.years));
  const templates = [5000, 10000, 20000].map(template);
  const balance = new Float64Array(o.members); // paise, exact integers below 2^53
  const loanLeft = new Int32Array(o.members); // instalments left; -1 none
  const loanTemplate = new Int8Array(o.members);
  const loanStart = new Int32Array(o.members);
  const loanNo = new Int32Array(o.members);
  const lastMoney: string[] = new Array<string>(o.members).fill('');
  loanLeft.fill(-1);
  let n = 0;
  let bytes = 0;
  let buffer = '';
  const emit = (type: string, on: BusinessDate, data: Record<string, unknown>) => {
    const commandId = `c${n}`;
    const eventId = `${commandId}.0`;
    const payload = 'eventId' in data ? { ...data, eventId } : data;
    buffer += `${JSON.stringify({ type, data: payload, metadata: { eventId, commandId,
      actor: 'clerk-1', effectiveOn: on, schemaVersion: schemaVersionOf(type) } })}\n`;
    n += 1;
    if (buffer.length > 1 << 20) flush();
    return eventId;
  };
  const flush = () => {
    bytes += writeSync(fd, buffer);
    buffer = '';
  };
  const m$ = (paise: number | bigint) => moneyString(BigInt(paise));
  // Admissions over the first 30 days; then each member acts on random days.
  const perMemberPerDay = (o.events / o.members - 4) / 365;
  for (let day = 0; day < 365 && n < o.events; day += 1) {
    const on = dateOf(day);
    for (let i = 0; i < o.members && n < o.events; i += 1) {
      const memberId = `M${i}`;
      const accountId = `A${i}`;
      if (day === Math.floor((i * 30) / o.members)) {
        emit('MemberAdmitted', on, { memberId, branchId: `B${i % 48}`, on,
          shareProductId: 'SH', sharesSubscribed: 5 });
        emit('SharesPurchased', on, { eventId: '', accountId: `S${i}`, memberId,
          branchId: `B${i % 48}`,
          productId: 'SH', on, shares: 10, faceValue: '10.00', amount: '100.00',
          sharesAfter: 10 });
        emit('SavingsAccountOpened', on, { accountId, memberId, branchId: `B${i % 48}`,
          productId: 'SB', on,
          rateAnnualPercent: '4', minimumBalance: '100.00' });
        continue;
      }
      if (day < Math.floor((i * 30) / o.members)) continue;
      if (loanLeft[i] !== undefined && (loanLeft[i] ?? -1) > 0
        && (day - (loanStart[i] ?? 0)) % 30 === 0) {
        repay(i, on);
        continue;
      }
      if (rnd() >= perMemberPerDay) continue;
      const r = rnd();
      if (r < 0.6 || (balance[i] ?? 0) < 100000) {
        const paise = 10000 + Math.floor(rnd() * 200000);
        balance[i] = (balance[i] ?? 0) + paise;
        lastMoney[i] = emit('Deposited', on, { eventId: '', accountId, memberId, on,
          amount: m$(paise), source: 'cash', instalmentNumber: null,
          balanceAfter: m$(balance[i] ?? 0) });
      } else if (r < 0.85) {
        const paise = Math.floor((balance[i] ?? 0) / 4);
        balance[i] = (balance[i] ?? 0) - paise;
        lastMoney[i] = emit('Withdrawn', on, { eventId: '', accountId, memberId, on,
          amount: m$(paise), balanceAfter: m$(balance[i] ?? 0) });
      } else if (r < 0.93 && (loanLeft[i] ?? -1) <= 0) {
        disburse(i, on, day);
      } else if (r < 0.96 && lastMoney[i] !== '') {
        emit('EventReversed', on, { aggregate: 'deposit', aggregateId: accountId, memberId, on,
          reversedEventId: lastMoney[i], reversedEventType: 'Deposited', reason: 'entry_error' });
        lastMoney[i] = '';
      } else {
        const paise = Math.floor((balance[i] ?? 0) / 100);
        if (paise <= 0) continue;
        balance[i] = (balance[i] ?? 0) + paise;
        const from = addDays(on, -90);
        emit('InterestPosted', on, { eventId: '', accountId, memberId, on,
          periodFrom: from < start ? start : from, periodTo: on, amount: m$(paise),
          balanceAfter: m$(balance[i] ?? 0) });
      }
    }
  }
  flush();
  closeSync(fd);
  return { events: n, members: o.members, bytes };

  function disburse(i: number, on: BusinessDate, day: number) {
    const k = Math.floor(rnd() * 3);
    const t = templates[k];
    if (t === undefined) return;
    loanNo[i] = (loanNo[i] ?? 0) + 1;
    const loanId = `L${i}-${loanNo[i] ?? 0}`;
    const memberId = `M${i}`;
    const principal = [500000, 1000000, 2000000][k] ?? 0;
    emit('LoanApplied', on, { loanId, memberId, branchId: `B${i % 48}`, productId: 'LN', on,
      principal: m$(principal),
      repayments: 12, firstRepaymentOn: null, recordedBy: 'clerk-1' });
    emit('LoanApproved', on, { loanId, memberId, on, principal: m$(principal),
      approvedBy: 'mgr-1' });
    const installments = t.rows.map((row, j) => ({
      n: j + 1, dueOn: addMonths(on, j + 1), days: row.days, principal: m$(row.principal),
      interest: m$(row.interest), total: m$(row.principal + row.interest),
      balance: m$(row.balance),
    }));
    emit('LoanDisbursed', on, { loanId, memberId, productId: 'LN', on, principal: m$(principal),
      terms, schedule: { installments, totalPrincipal: m$(principal),
        totalInterest: m$(t.totalInterest), totalDue: m$(BigInt(principal) + t.totalInterest) },
      topUpOf: null });
    loanLeft[i] = 12;
    loanTemplate[i] = k;
    loanStart[i] = day;
  }

  function repay(i: number, on: BusinessDate) {
    const t = templates[loanTemplate[i] ?? 0];
    const j = 12 - (loanLeft[i] ?? 0);
    const row = t?.rows[j];
    if (row === undefined) return;
    loanLeft[i] = (loanLeft[i] ?? 0) - 1;
    emit('RepaymentReceived', on, { eventId: '', loanId: `L${i}-${loanNo[i] ?? 0}`,
      memberId: `M${i}`, on, amount: m$(row.principal + row.interest),
      allocation: { penalties: '0.00', fees: '0.00', interest: m$(row.interest),
        principal: m$(row.principal) },
      prepayment: '0.00', principalOutstandingAfter: m$(row.balance) });
  }
};
