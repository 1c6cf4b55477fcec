import * as t from 'io-ts';
import { CashAtTillRequestCodec } from '../branch/cashAtTillRequest.ts';

/** The processes the Ledger runs across aggregates, by name. */
export const ProcessName = t.keyof({
  repayFromSavings: null, creditDividends: null, closeFinancialYear: null,
  approveWithLiens: null, closeLoanReleasingLiens: null, recoverFromGuarantor: null,
  topUpLoan: null, standingInstruction: null, cashAtTill: null,
}, 'ProcessName');
export type ProcessName = t.TypeOf<typeof ProcessName>;

/**
 * What a process's first stored step carries in its metadata: the process and its request,
 * from which every step is derived again. At open, the Ledger completes a process the log shows
 * started and not ended.
 */
export const ProcessRecord = t.type({
  name: ProcessName,
  request: t.record(t.string, t.string),
}, 'ProcessRecord');
export type ProcessRecord = t.TypeOf<typeof ProcessRecord>;

const common = { commandId: t.string, actor: t.string, on: t.string };

/** The request of each process, decoded when a process is resumed from the log. */
export const processRequests = {
  repayFromSavings: t.type({ ...common, loanId: t.string, accountId: t.string,
    amount: t.string }, 'RepayFromSavingsRequest'),
  creditDividends: t.type({ ...common, societyId: t.string, financialYear: t.string },
    'CreditDividendsRequest'),
  closeFinancialYear: t.type({ ...common, societyId: t.string, financialYear: t.string },
    'CloseYearRequest'),
  approveWithLiens: t.type({ ...common, loanId: t.string, principal: t.string },
    'ApproveWithLiensRequest'),
  closeLoanReleasingLiens: t.type({ ...common, loanId: t.string },
    'CloseLoanReleasingLiensRequest'),
  recoverFromGuarantor: t.type({ ...common, loanId: t.string, guarantorAccountId: t.string,
    amount: t.string }, 'RecoverFromGuarantorRequest'),
  topUpLoan: t.intersection([t.type({ ...common, loanId: t.string, topUpOf: t.string }),
    t.partial({ amount: t.string })], 'TopUpLoanRequest'),
  standingInstruction: t.intersection([t.type({ ...common, instructionId: t.string,
    amount: t.string }), t.partial({ refusedFor: t.string })], 'StandingDueRequest'),
  cashAtTill: CashAtTillRequestCodec,
} as const;

/** A process being run: its id (the command id of its request) and its record. */
export interface RunningProcess {
  readonly id: string;
  readonly record: ProcessRecord;
}

/** The record of a process: its name and its request's fields (all strings). */
export const processRecord = (
  name: ProcessName, request: Readonly<Record<string, string>>,
): ProcessRecord => ({ name, request: { ...request } });
