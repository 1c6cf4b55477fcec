import * as t from 'io-ts';
import { LoanId, LoanIdInput, MemberId, ProductId } from '../shared/ids.ts';
import { DateString, PositiveCountInput, PositiveMoneyInput } from '../shared/codecs.ts';
import { closed, commandCodec, commandFields } from '../shared/shape.ts';
import { closedWithOptional } from '../shared/closedWithOptional.ts';
import { GuaranteesInput } from './guarantors.ts';
import { ReverseEvent } from '../shared/correction.ts';
import { FeeReason, LoanRejectionReason, PenaltyReason } from './events.ts';

const loan = { loanId: LoanId };

/**
 * Record a member's application; the actor is the maker. `guarantors` (optional, none when
 * left out) names members who guarantee it, each from a savings account of her own.
 */
export const ApplyForLoan = closed({
  type: t.literal('ApplyForLoan'),
  data: closedWithOptional({
    ...commandFields,
    // A new loan id has the shape of an id; later commands name the loan as the log holds it.
    loanId: LoanIdInput, memberId: MemberId, productId: ProductId, principal: PositiveMoneyInput,
    repayments: PositiveCountInput, firstRepaymentOn: t.union([DateString, t.null]),
  }, { guarantors: GuaranteesInput }, 'ApplyForLoanData'),
}, 'ApplyForLoan');
export type ApplyForLoan = t.TypeOf<typeof ApplyForLoan>;

/** Approve an application for `principal` (at most what was applied for); the checker acts. */
export const ApproveLoan = commandCodec('ApproveLoan', { ...loan, principal: PositiveMoneyInput });
export type ApproveLoan = t.TypeOf<typeof ApproveLoan>;

/** Turn an application down. */
export const RejectLoan = commandCodec('RejectLoan', { ...loan, reason: LoanRejectionReason });
export type RejectLoan = t.TypeOf<typeof RejectLoan>;

/** Pay the approved loan out on `on`; the schedule is computed and fixed. */
export const DisburseLoan = commandCodec('DisburseLoan', loan);
export type DisburseLoan = t.TypeOf<typeof DisburseLoan>;

/** Receive a repayment of `amount`. */
export const RecordRepayment = commandCodec('RecordRepayment', {
  ...loan, amount: PositiveMoneyInput,
});
export type RecordRepayment = t.TypeOf<typeof RecordRepayment>;

/** Charge a penalty. */
export const ChargePenalty = commandCodec('ChargePenalty', {
  ...loan, amount: PositiveMoneyInput, reason: PenaltyReason,
});
export type ChargePenalty = t.TypeOf<typeof ChargePenalty>;

/** Charge a fee. */
export const ChargeFee = commandCodec('ChargeFee', {
  ...loan, amount: PositiveMoneyInput, reason: FeeReason,
});
export type ChargeFee = t.TypeOf<typeof ChargeFee>;

/** Waive interest that is due. */
export const WaiveInterest = commandCodec('WaiveInterest', { ...loan, amount: PositiveMoneyInput });
export type WaiveInterest = t.TypeOf<typeof WaiveInterest>;

/** Write the loan off. */
export const WriteOffLoan = commandCodec('WriteOffLoan', loan);
export type WriteOffLoan = t.TypeOf<typeof WriteOffLoan>;

/** Record money recovered after a write-off. */
export const RecordRecovery = commandCodec('RecordRecovery', {
  ...loan, amount: PositiveMoneyInput,
});
export type RecordRecovery = t.TypeOf<typeof RecordRecovery>;

/** Close a loan that is settled, or written off. */
export const CloseLoan = commandCodec('CloseLoan', loan);
export type CloseLoan = t.TypeOf<typeof CloseLoan>;

/** The loan's commands, by type. */
export const loanCommands = {
  ApplyForLoan, ApproveLoan, RejectLoan, DisburseLoan, RecordRepayment, ChargePenalty,
  ChargeFee, WaiveInterest, WriteOffLoan, RecordRecovery, CloseLoan, ReverseEvent,
} as const;
export type LoanCommand =
  | ApplyForLoan | ApproveLoan | RejectLoan | DisburseLoan | RecordRepayment | ChargePenalty
  | ChargeFee | WaiveInterest | WriteOffLoan | RecordRecovery | CloseLoan | ReverseEvent;
