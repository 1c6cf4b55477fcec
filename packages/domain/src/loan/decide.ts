import * as E from 'fp-ts/lib/Either.js';
import type { Decider, WithFacts } from '../shared/decider.ts';
import type { Rejection } from '../shared/rejection.ts';
import { eventIdFor } from '../shared/ids.ts';
import { minorOf, moneyString } from '../shared/codecs.ts';
import { reversiblePosting, type ReverseEvent } from '../shared/correction.ts';
import { productOf, type ProductCatalogue } from '../products/productCatalogue.ts';
import type * as C from './commands.ts';
import type { LoanEvent } from './events.ts';
import { evolveLoan, initialLoanState, outstandingPrincipal, type LoanState } from './state.ts';
import { loanIn } from './loanIn.ts';
import { duesOn, totalDue } from './dues.ts';
import { disburse } from './disburse.ts';
import { repay } from './repay.ts';
import { disburseTranche } from './tranche.ts';
import { reschedule } from './reschedule.ts';
import { payOffByTopUp } from './topUp.ts';
import { recalculationWithout } from './recalculate.ts';
import type { WithPeriod } from '../periodFact.ts';
import type { WithBranchDay } from '../branch/branchDayFact.ts';
import { inOpenBooks } from '../branch/openBooks.ts';
import { admittedMember, type MembershipFacts } from '../member/membership.ts';
import type { LoanFacts } from './facts.ts';
import { appliedWithinLimits, approvedWithinLimits } from './limitsAtDecision.ts';
import { applyLoanCharges } from '../charges/applyLoanCharges.ts';

type Result = E.Either<Rejection, ReadonlyArray<LoanEvent>>;
type KnownLoan = Exclude<LoanState, { status: 'none' }>;

const apply = (
  ps: ProductCatalogue, c: C.ApplyForLoan['data'], f: MembershipFacts, s: LoanState,
): Result => {
  if (s.status !== 'none') {
    return E.left({ type: 'already_exists', aggregate: 'loan', id: s.loanId });
  }
  const member = admittedMember(c.memberId, f, c.on);
  if (E.isLeft(member)) return member;
  const p = productOf(ps, c.productId, 'loan');
  if (E.isLeft(p)) return p;
  const { minPrincipal, maxPrincipal, minRepayments, maxRepayments } = p.right;
  const principal = minorOf(c.principal);
  if (principal < minorOf(minPrincipal) || principal > minorOf(maxPrincipal)) {
    return E.left({
      type: 'amount_out_of_range', minimum: minPrincipal, maximum: maxPrincipal,
      requested: c.principal,
    });
  }
  if (c.repayments < minRepayments || c.repayments > maxRepayments) {
    return E.left({
      type: 'term_out_of_range', minimum: minRepayments, maximum: maxRepayments,
      requested: c.repayments,
    });
  }
  return E.right([{ type: 'LoanApplied', data: {
    loanId: c.loanId, memberId: c.memberId, branchId: member.right.branchId,
    productId: c.productId, on: c.on, principal: c.principal, repayments: c.repayments,
    firstRepaymentOn: c.firstRepaymentOn,
    recordedBy: c.actor,
  } }]);
};

const approve = (
  ps: ProductCatalogue, c: C.ApproveLoan['data'], f: MembershipFacts, state: LoanState,
): Result => {
  const l = loanIn(state, c, ['applied']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const member = admittedMember(s.memberId, f, c.on);
  if (E.isLeft(member)) return member;
  if (c.actor === s.recordedBy) {
    return E.left({ type: 'same_user_cannot_approve', recordedBy: s.recordedBy, actor: c.actor });
  }
  const applied = moneyString(s.appliedPrincipal);
  if (minorOf(c.principal) > s.appliedPrincipal) {
    return E.left({ type: 'approved_above_applied', applied, approved: c.principal });
  }
  const p = productOf(ps, s.productId, 'loan');
  if (E.isLeft(p)) return p;
  if (minorOf(c.principal) < minorOf(p.right.minPrincipal)) {
    return E.left({
      type: 'amount_out_of_range', minimum: p.right.minPrincipal,
      maximum: p.right.maxPrincipal, requested: c.principal,
    });
  }
  return E.right([{ type: 'LoanApproved', data: {
    loanId: s.loanId, memberId: s.memberId, on: c.on, principal: c.principal, approvedBy: c.actor,
  } }]);
};

const rejectApplication = (c: C.RejectLoan['data'], state: LoanState): Result => {
  const l = loanIn(state, c, ['applied']);
  if (E.isLeft(l)) return l;
  return E.right([{ type: 'LoanRejected', data: {
    loanId: l.right.loanId, memberId: l.right.memberId, on: c.on, reason: c.reason,
    rejectedBy: c.actor,
  } }]);
};

const chargePenalty = (c: C.ChargePenalty['data'], state: LoanState): Result => {
  const l = loanIn(state, c, ['active']);
  if (E.isLeft(l)) return l;
  return E.right([{ type: 'PenaltyCharged', data: {
    eventId: eventIdFor(c.commandId, 0), loanId: l.right.loanId, memberId: l.right.memberId,
    on: c.on, amount: c.amount, reason: c.reason, rule: null,
  } }]);
};

const chargeFee = (c: C.ChargeFee['data'], state: LoanState): Result => {
  const l = loanIn(state, c, ['active']);
  if (E.isLeft(l)) return l;
  return E.right([{ type: 'FeeCharged', data: {
    eventId: eventIdFor(c.commandId, 0), loanId: l.right.loanId, memberId: l.right.memberId,
    on: c.on, amount: c.amount, reason: c.reason, rule: null,
  } }]);
};

const waive = (c: C.WaiveInterest['data'], state: LoanState): Result => {
  const l = loanIn(state, c, ['active']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const interestDue = duesOn(s.schedule, s.totals, c.on).interest;
  if (minorOf(c.amount) > interestDue) {
    return E.left({
      type: 'waiver_exceeds_interest_due', interestDue: moneyString(interestDue),
      requested: c.amount,
    });
  }
  return E.right([{ type: 'InterestWaived', data: {
    eventId: eventIdFor(c.commandId, 0), loanId: s.loanId, memberId: s.memberId, on: c.on,
    amount: c.amount,
  } }]);
};

const writeOff = (c: C.WriteOffLoan['data'], state: LoanState): Result => {
  const l = loanIn(state, c, ['active']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const d = duesOn(s.schedule, s.totals, c.on);
  return E.right([{ type: 'LoanWrittenOff', data: {
    loanId: s.loanId, memberId: s.memberId, on: c.on,
    principal: moneyString(outstandingPrincipal(s.totals)), interest: moneyString(d.interest),
    penalties: moneyString(d.penalties), fees: moneyString(d.fees),
  } }]);
};

const recover = (c: C.RecordRecovery['data'], state: LoanState): Result => {
  const l = loanIn(state, c, ['written_off']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const recoverable = s.totals.writtenOff - s.totals.recovered;
  if (minorOf(c.amount) > recoverable) {
    return E.left({
      type: 'recovery_exceeds_written_off', recoverable: moneyString(recoverable),
      requested: c.amount,
    });
  }
  return E.right([{ type: 'RecoveryReceived', data: {
    eventId: eventIdFor(c.commandId, 0), loanId: s.loanId, memberId: s.memberId, on: c.on,
    amount: c.amount,
  } }]);
};

const close = (c: C.CloseLoan['data'], state: LoanState): Result => {
  const l = loanIn(state, c, ['active', 'written_off']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const closed = (reason: 'repaid' | 'written_off'): Result => E.right([{ type: 'LoanClosed',
    data: { loanId: s.loanId, memberId: s.memberId, on: c.on, reason } }]);
  if (s.status === 'written_off') return closed('written_off');
  const principal = outstandingPrincipal(s.totals);
  const due = totalDue(duesOn(s.schedule, s.totals, c.on));
  if (principal > 0n || due > 0n) {
    return E.left({
      type: 'loan_not_settled', principalOutstanding: moneyString(principal),
      due: moneyString(due),
    });
  }
  return closed('repaid');
};

const reverse = (c: ReverseEvent['data'], state: LoanState): Result => {
  if (c.aggregate !== 'loan') {
    return E.left({
      type: 'wrong_aggregate', aggregate: 'loan', expected: 'loan', got: c.aggregate,
    });
  }
  const l = loanIn(state, { loanId: c.aggregateId, on: c.on }, ['active', 'written_off']);
  if (E.isLeft(l)) return l;
  const s = l.right;
  const p = reversiblePosting(s.postings, c.eventId);
  if (E.isLeft(p)) return p;
  const { eventType, effect } = p.right;
  const t = s.totals;
  const why = s.status === 'written_off' && eventType !== 'RecoveryReceived'
    ? 'the loan has been written off since'
    : t.penaltiesCharged - (effect.penaltiesCharged ?? 0n) < t.penaltiesPaid
      ? 'the penalty has been paid'
      : t.feesCharged - (effect.feesCharged ?? 0n) < t.feesPaid ? 'the fee has been paid'
        : undefined;
  if (why !== undefined) {
    return E.left({ type: 'not_reversible', eventId: c.eventId, eventType, why });
  }
  // A repayment that moved a recalculating schedule moves it back when it is reversed.
  const recalculated = eventType === 'RepaymentReceived'
    ? recalculationWithout(s, { commandId: c.commandId, eventId: c.eventId, on: c.on })
    : E.right([]);
  if (E.isLeft(recalculated)) return recalculated;
  return E.right([{ type: 'EventReversed', data: {
    aggregate: 'loan', aggregateId: s.loanId, memberId: s.memberId, on: c.on,
    reversedEventId: c.eventId, reversedEventType: eventType, reason: c.reason,
  } }, ...recalculated.right]);
};

/** A loan command with the facts it is decided on and the closed period it is decided in. */
export type LoanDecision = WithFacts<C.LoanCommand, LoanFacts> & WithPeriod
  & WithBranchDay;

/**
 * The loan decider: application to closure, with maker-checker approval; tranches,
 * reschedules, recalculation and top-ups change the schedule on the way.
 */
export const createLoanDecider = (config: { readonly products: ProductCatalogue }):
  Decider<LoanDecision, LoanEvent, LoanState> => ({
  initialState: initialLoanState,
  evolve: evolveLoan,
  decide: (command, state) => {
    // Closed books take nothing new, whatever the stream's state: a closed year (PeriodFact),
    // a closed day of her branch (BranchDayFact).
    const open = inOpenBooks(command);
    if (E.isLeft(open)) return open;
    const ps = config.products;
    switch (command.type) {
      case 'ApplyForLoan': return appliedWithinLimits(ps, command.data, command.facts,
        apply(ps, command.data, command.facts, state));
      case 'ApproveLoan': return approvedWithinLimits(ps, command.data, command.facts, state,
        approve(ps, command.data, command.facts, state));
      case 'RejectLoan': return rejectApplication(command.data, state);
      case 'DisburseLoan': return disburse(ps, command.data, command.facts, state);
      case 'RecordRepayment': return repay(command.data, state);
      case 'ChargePenalty': return chargePenalty(command.data, state);
      case 'ChargeFee': return chargeFee(command.data, state);
      case 'ApplyCharges': return applyLoanCharges(ps, command.data, state);
      case 'WaiveInterest': return waive(command.data, state);
      case 'WriteOffLoan': return writeOff(command.data, state);
      case 'RecordRecovery': return recover(command.data, state);
      case 'CloseLoan': return close(command.data, state);
      case 'ReverseEvent': return reverse(command.data, state);
      case 'DisburseTranche': return disburseTranche(command.data, state);
      case 'RescheduleLoan': return reschedule(command.data, state);
      case 'PayOffByTopUp': return payOffByTopUp(command.data, state);
    }
  },
});
