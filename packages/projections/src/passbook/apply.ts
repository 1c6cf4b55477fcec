import { streamNameFor, type MemberId } from '@usha/domain';
import { minor } from '../core/minor.ts';
import type { ResolvedEvent, ReversedPosting } from '../core/projectedEvent.ts';
import { UnresolvedReversalError } from '../core/unresolvedReversal.ts';
import { rupees } from './rupees.ts';
import { scheduleText } from './scheduleText.ts';
import type { PassbookAccount, PassbookKind, PassbookState } from './state.ts';

// The page an event dated `on` makes or moves: a page as of that date.
const page = (
  s: PassbookState, on: string, accountId: string, memberId: MemberId, kind: PassbookKind,
): PassbookAccount => {
  let a = s.accounts.get(accountId);
  if (a === undefined) {
    // Her admission fee is printed before her share account has an id: that page, keyed by her
    // share stream, becomes the share account's first lines.
    const early = kind === 'shares' ? streamNameFor.shares(memberId) : undefined;
    const held = early === undefined ? undefined : s.accounts.get(early);
    a = { accountId, memberId, kind, balance: held?.balance ?? 0n, lines: held?.lines ?? [],
      firstOn: held !== undefined && held.firstOn < on ? held.firstOn : on };
    if (early !== undefined && held !== undefined) s.accounts.delete(early);
    s.accounts.set(accountId, a);
  } else if (on < a.firstOn) {
    a.firstOn = on; // an event dated before the page's first, recorded after it
  }
  return a;
};

// A line moving the balance by `delta`; `shown` is what the line prints (a repayment shows
// all it paid, while a loan's balance moves by the principal only).
const line = (
  a: PassbookAccount, on: string, particulars: string, delta: bigint, shown = delta,
): void => {
  a.balance += delta;
  const out = a.kind === 'loan' ? shown > 0n : shown < 0n;
  const abs = shown < 0n ? -shown : shown;
  // A line dated before lines already there (interest to 31 March posted by the year's close
  // after April's events) goes in its date's place, so a page as of a date ends on the balance
  // of that date; the lines after it carry its amount too.
  const last = a.lines[a.lines.length - 1];
  const at = last === undefined || last.on <= on ? -1 : a.lines.findIndex((l) => l.on > on);
  const place = at === -1 ? a.lines.length : at;
  const before = place === 0 ? 0n : a.lines[place - 1]!.balance;
  const moved = a.lines.slice(place).map((l) => ({ ...l, balance: l.balance + delta }));
  a.lines.splice(place, a.lines.length - place, {
    on, particulars, withdrawal: out ? abs : 0n, deposit: out ? 0n : abs,
    balance: at === -1 ? a.balance : before + delta,
  }, ...moved);
};

const sourceText = { cash: 'By cash', transfer: 'By transfer', dividend: 'By dividend',
  interest_transfer: 'By interest transfer' } as const;

const r = rupees;
// How a passbook names the rule a charge was taken by.
const chargeText = {
  late_payment: 'late payment', below_minimum_balance: 'below minimum balance',
  missed_instalment: 'missed instalment', admission_fee: 'admission fee',
} as const;

// The effect of a money event on its page, times `sign` (-1n prints its reversal).
const money = (
  a: PassbookAccount, p: ReversedPosting, on: string, sign: bigint, prefix: string,
): void => {
  const x = sign * p.amount;
  switch (p.type) {
    case 'SharesPurchased': return line(a, on, `${prefix}By ${p.shares} shares`, x);
    case 'SharesRedeemed': return line(a, on, `${prefix}To ${p.shares} shares redeemed`, -x);
    case 'DividendCredited': return line(a, on, `${prefix}Dividend ${r(p.amount)} to savings`, 0n);
    case 'Deposited':
      return line(a, on, `${prefix}${sourceText[p.source ?? 'cash']}`
        + (p.instalment ? ' (instalment)' : ''), x);
    case 'Withdrawn': return line(a, on, `${prefix}To cash`, -x);
    case 'InterestPosted':
      return line(a, on, `${prefix}By interest from ${p.periodFrom ?? '?'}`, x);
    case 'RepaymentReceived':
      return line(a, on, `${prefix}By repayment: principal ${r(p.principal)}, interest `
        + `${r(p.interest)}, penalties ${r(p.penalties)}, fees ${r(p.fees)}`,
      -sign * p.principal, -x);
    case 'PenaltyCharged': return line(a, on, `${prefix}Penalty charged ${r(p.amount)}`, 0n);
    case 'FeeCharged': return line(a, on, `${prefix}Fee charged ${r(p.amount)}`, 0n);
    case 'InterestWaived': return line(a, on, `${prefix}Interest waived ${r(p.amount)}`, 0n);
    case 'RecoveryReceived': return line(a, on, `${prefix}By recovery`, 0n, -x);
    case 'DepositChargeApplied': return line(a, on, `${prefix}To charge`, -x);
    // Society income, not share capital: a line of its own, her shares' balance as it was.
    case 'AdmissionFeeCharged':
      return line(a, on, `${prefix}Admission fee ${r(p.amount)} in cash`, 0n);
  }
};

const posting = (
  type: ReversedPosting['type'], on: string, amount: bigint, more: Partial<ReversedPosting> = {},
): ReversedPosting => ({
  type, on, amount, shares: 0, source: null, instalment: false, periodFrom: null,
  penalties: 0n, fees: 0n, interest: 0n, principal: 0n, ...more,
});

const kindOf = { deposit: 'savings', loan: 'loan', shares: 'shares', member: 'shares' } as const;

/** Applies one event to the passbooks of the members chosen, in place. */
export const applyPassbook = (s: PassbookState, e: ResolvedEvent): PassbookState => {
  const on = e.metadata.effectiveOn;
  if (s.through === null || on > s.through) s.through = on;
  if (e.type === 'ProductRateChanged') return rateChanged(s, e.data);
  if (!('memberId' in e.data) || (s.members !== null && !s.members.has(e.data.memberId))) {
    return s;
  }
  switch (e.type) {
    case 'SharesPurchased': case 'SharesRedeemed': {
      const d = e.data;
      money(page(s, on, d.accountId, d.memberId, 'shares'),
        posting(e.type, on, minor(d.amount), { shares: d.shares }), d.on, 1n, '');
      break;
    }
    case 'DividendCredited': case 'Withdrawn': {
      const d = e.data;
      const a = page(s, on, d.accountId, d.memberId,
        e.type === 'Withdrawn' ? 'savings' : 'shares');
      money(a, posting(e.type, on, minor(d.amount)), d.on, 1n, '');
      break;
    }
    case 'Deposited': {
      const d = e.data;
      money(page(s, on, d.accountId, d.memberId, 'savings'), posting(e.type, on, minor(d.amount),
        { source: d.source, instalment: d.instalmentNumber !== null }), d.on, 1n, '');
      break;
    }
    case 'InterestPosted': {
      const d = e.data;
      money(page(s, on, d.accountId, d.memberId, 'savings'),
        posting(e.type, on, minor(d.amount), { periodFrom: d.periodFrom }), d.on, 1n, '');
      break;
    }
    default: others(s, e);
  }
  return s;
};

const others = (s: PassbookState, e: ResolvedEvent): void => {
  const on = e.metadata.effectiveOn;
  switch (e.type) {
    case 'SavingsAccountOpened':
      page(s, on, e.data.accountId, e.data.memberId, 'savings').productId = e.data.productId;
      return;
    // Dormancy is derived and prints nothing; a manager's reactivation is a line of its own.
    case 'AccountReactivated':
      line(page(s, on, e.data.accountId, e.data.memberId, 'savings'), e.data.on,
        `Account reactivated (dormant since ${e.data.dormantSince})`, 0n);
      return;
    case 'RecurringDepositOpened':
      page(s, on, e.data.accountId, e.data.memberId, 'recurring');
      return;
    case 'FixedDepositOpened': {
      const d = e.data;
      line(page(s, on, d.accountId, d.memberId, 'fixed'), d.on, 'By fixed deposit',
        minor(d.principal));
      return;
    }
    case 'DepositChargeApplied': {
      const d = e.data;
      line(page(s, on, d.accountId, d.memberId, 'savings'), d.on,
        `To charge: ${chargeText[d.rule.rule]} ${d.rule.period}`, -minor(d.amount));
      return;
    }
    case 'TdsDeducted': {
      const a = page(s, on, e.data.accountId, e.data.memberId, 'savings');
      line(a, e.data.on, `To TDS at ${e.data.rate}%`, -minor(e.data.amount));
      return;
    }
    case 'TdsReversed': {
      const a = page(s, on, e.data.accountId, e.data.memberId, 'savings');
      line(a, e.data.on, `By TDS at ${e.data.rate}% given back (posting reversed)`,
        minor(e.data.amount));
      return;
    }
    case 'DepositMatured': {
      const a = page(s, on, e.data.accountId, e.data.memberId, 'fixed');
      line(a, e.data.on, 'By interest at maturity', minor(e.data.interest));
      return;
    }
    case 'DepositClosedEarly': {
      const a = page(s, on, e.data.accountId, e.data.memberId, 'fixed');
      line(a, e.data.on, 'By interest on early closure', minor(e.data.interest));
      line(a, e.data.on, 'To payout on closure', -minor(e.data.payout));
      return;
    }
    case 'DepositAccountClosed': {
      const a = page(s, on, e.data.accountId, e.data.memberId, 'savings');
      line(a, e.data.on, 'To payout on closure', -minor(e.data.payout));
      return;
    }
    case 'LoanDisbursed': {
      const d = e.data;
      const a = page(s, on, d.loanId, d.memberId, 'loan');
      const t = d.topUpOf;
      line(a, d.on, t === null ? 'To loan disbursed' : `To loan disbursed: ${t.loanId} paid off `
        + `${r(minor(t.payoff))}, paid out ${r(minor(d.principal) - minor(t.payoff))}`,
      minor(d.principal));
      return;
    }
    case 'LoanTrancheDisbursed': {
      const d = e.data;
      line(page(s, on, d.loanId, d.memberId, 'loan'), d.on, `To tranche ${d.tranche} disbursed`,
        minor(d.amount));
      return;
    }
    case 'LoanRescheduled': case 'LoanScheduleRecalculated':
      line(page(s, on, e.data.loanId, e.data.memberId, 'loan'), e.data.on, scheduleText(e), 0n);
      return;
    case 'LoanPaidOffByTopUp': {
      const d = e.data;
      const x = d.allocation;
      line(page(s, on, d.loanId, d.memberId, 'loan'), d.on, `By top-up loan ${d.byLoanId}: `
        + `principal ${r(minor(x.principal))}, interest ${r(minor(x.interest))}, penalties `
        + `${r(minor(x.penalties))}, fees ${r(minor(x.fees))}`,
      -minor(x.principal), -minor(d.amount));
      return;
    }
    case 'RepaymentReceived': {
      const d = e.data;
      const x = d.allocation;
      money(page(s, on, d.loanId, d.memberId, 'loan'), posting(e.type, d.on, minor(d.amount), {
        penalties: minor(x.penalties), fees: minor(x.fees), interest: minor(x.interest),
        principal: minor(x.principal) + minor(d.prepayment),
      }), d.on, 1n, '');
      return;
    }
    // Her admission fee prints on her share page, the one page every member has.
    case 'AdmissionFeeCharged': {
      const d = e.data;
      money(page(s, on, shareAccount(s, d.memberId), d.memberId, 'shares'),
        posting(e.type, d.on, minor(d.amount)), d.on, 1n, '');
      return;
    }
    case 'PenaltyCharged': case 'FeeCharged': case 'InterestWaived': case 'RecoveryReceived':
      money(page(s, on, e.data.loanId, e.data.memberId, 'loan'),
        posting(e.type, e.data.on, minor(e.data.amount)), e.data.on, 1n, '');
      return;
    // The share page shows the year's dividend decided in cash, then paid (no share moves).
    case 'DividendPayableInCash': case 'DividendPaidInCash': {
      const d = e.data;
      const what = e.type === 'DividendPaidInCash' ? 'paid' : 'payable';
      line(page(s, on, d.accountId, d.memberId, 'shares'), d.on,
        `Dividend ${d.financialYear} ${r(minor(d.amount))} ${what} in cash`, 0n);
      return;
    }
    // Her savings account closed before the credit was deposited: it is paid in cash instead.
    case 'DividendRedirectedToCash': {
      const d = e.data;
      line(page(s, on, d.accountId, d.memberId, 'shares'), d.on, `Dividend ${d.financialYear} `
        + `${r(minor(d.amount))} not deposited (${d.savingsAccountId} closed): payable in cash`,
      0n);
      return;
    }
    // A lien moves no money: the savings page shows it (and its release) as a line, so the
    // guarantor sees why part of her balance cannot be withdrawn.
    case 'LienPlaced': case 'LienReleased': {
      const d = e.data;
      const what = e.type === 'LienPlaced' ? 'held' : 'released';
      line(page(s, on, d.accountId, d.memberId, 'savings'), d.on,
        `Lien ${r(minor(d.amount))} for loan ${d.loanId} ${what}`, 0n);
      return;
    }
    // The log holds the directory's reference only: the line says a nominee was recorded, and
    // the passbook with names (the directory's) may print who.
    case 'NomineeNominated': {
      const d = e.data;
      line(page(s, on, d.accountId, d.memberId, d.account === 'shares' ? 'shares' : 'savings'),
        d.on, `Nominee recorded (${d.nomineeRef})`, 0n);
      return;
    }
    case 'GuaranteeCalled': guaranteeCalled(page(s, on, e.data.accountId, e.data.memberId,
      'savings'), e.data);
      return;
    case 'LoanWrittenOff': {
      const a = page(s, on, e.data.loanId, e.data.memberId, 'loan');
      line(a, e.data.on, 'Written off', -minor(e.data.principal), 0n);
      return;
    }
    case 'EventReversed': {
      const p = e.reversed;
      if (p === undefined) throw new UnresolvedReversalError(e.data.reversedEventId);
      if (p === null || e.data.aggregate === 'society') return;
      // A member's stream reverses her admission fee: on her share page, where it printed.
      const id = e.data.aggregate === 'shares' || e.data.aggregate === 'member'
        ? shareAccount(s, e.data.memberId) : e.data.aggregateId;
      const a = page(s, on, id, e.data.memberId, kindOf[e.data.aggregate]);
      money(a, p, e.data.on, -1n, `Reversal (${p.on}): `);
      return;
    }
    default: return;
  }
};

// The withdrawal a guarantee call decided with it is the page's last line (one command, the
// same date): it is printed as the recovery it paid, not as cash.
const guaranteeCalled = (
  a: PassbookAccount, d: { on: string; loanId: string; amount: string; lienAfter: string },
): void => {
  const last = a.lines[a.lines.length - 1];
  const text = `To recovery of loan ${d.loanId} (guarantee; lien now ${d.lienAfter})`;
  if (last !== undefined && last.on === d.on && last.withdrawal === minor(d.amount)) {
    a.lines[a.lines.length - 1] = { ...last, particulars: text };
  } else {
    line(a, d.on, text, 0n);
  }
};

// A savings product's rate change prints on every page of the product, dated from when the
// new rate applies: the member sees why a period's interest differs from the last.
const rateChanged = (
  s: PassbookState,
  d: { productId: string; effectiveFrom: string; rateAnnualPercent: string;
    previousRateAnnualPercent: string },
): PassbookState => {
  for (const a of s.accounts.values()) {
    if (a.kind !== 'savings' || a.productId !== d.productId) continue;
    line(a, d.effectiveFrom, `Interest rate ${d.rateAnnualPercent}% a year from `
      + `${d.effectiveFrom} (was ${d.previousRateAnnualPercent}%)`, 0n);
  }
  return s;
};

const shareAccount = (s: PassbookState, memberId: MemberId): string => {
  for (const a of s.accounts.values()) {
    if (a.memberId === memberId && a.kind === 'shares') return a.accountId;
  }
  // No share account seen yet: the page is keyed by the member's share stream name.
  return streamNameFor.shares(memberId);
};
