import type * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { byTag } from './shared/shape.ts';
import { reportErrors, type FieldError } from './shared/reportErrors.ts';
import { peekString, plainInput } from './shared/plainInput.ts';
import { memberCommands, type MemberCommand } from './member/commands.ts';
import { shareCommands, type ShareCommand } from './shares/commands.ts';
import { depositCommands, type DepositCommand } from './deposit/commands.ts';
import { loanCommands, type LoanCommand } from './loan/commands.ts';
import { societyCommands, type SocietyCommand } from './society/commands.ts';
import { staffCommands, type StaffCommand } from './staff/commands.ts';
import { approvalCommands, type ApprovalCommand } from './staff/approval/commands.ts';
import {
  standingInstructionCommands, type StandingInstructionCommand,
} from './standingInstruction/commands.ts';
import { branchCommands, type BranchCommand } from './branch/commands.ts';
import type { AggregateKind } from './shared/streams.ts';
import { streamNameFor } from './shared/streams.ts';

/** Every command codec, by type. ReverseEvent is shared by shares, deposit and loan. */
export const commandCodecs = {
  ...memberCommands, ...shareCommands, ...depositCommands, ...loanCommands, ...societyCommands,
  ...staffCommands, ...approvalCommands, ...standingInstructionCommands,
  ...branchCommands,
} as const;

/** Any command of the domain. */
export type Command = MemberCommand | ShareCommand | DepositCommand | LoanCommand | SocietyCommand
  | StaffCommand | ApprovalCommand | StandingInstructionCommand | BranchCommand;
/** The codec of any command, decoded by its `type`. */
export const Command: t.Type<Command, unknown, unknown> = byTag('Command', 'type', commandCodecs);

/** Every command type, in catalogue order. */
export const commandTypes = Object.keys(commandCodecs);

/** Input that is not a command; names each field at fault (a bounded number of them). */
export class CommandDecodeError extends Error {
  override readonly name = 'CommandDecodeError';
  constructor(
    readonly commandType: unknown,
    readonly fields: ReadonlyArray<FieldError>,
    /** The input's `data.commandId` when it is a string, for the caller's records. */
    readonly commandId: string | undefined = undefined,
  ) {
    const what = typeof commandType === 'string' ? commandType : 'command';
    super(`${what}: ${fields.map((f) => f.message).join('; ')}`);
  }
}

const failure = (input: unknown, fields: ReadonlyArray<FieldError>) =>
  E.left(new CommandDecodeError(peekString(input, ['type']), fields,
    peekString(input, ['data', 'commandId'])));

/**
 * Decodes a command at the boundary; Left names the fields at fault, never throws, whatever
 * the input: it is first read into a plain copy (`plainInput`: no getter, proxy, cycle, bigint
 * or class instance gets past it), and the copy is decoded.
 * @example decodeCommand({ type: 'Withdraw', data: { ...amount: '12.345' } })
 *   // Left: 'Withdraw: data.amount: expected PositiveMoneyInput, got "12.345" (...)'
 */
export const decodeCommand = (input: unknown): E.Either<CommandDecodeError, Command> => {
  const plain = plainInput(input);
  if (E.isLeft(plain)) return failure(input, [plain.left]);
  const r = Command.decode(plain.right);
  return E.isRight(r) ? r : failure(plain.right, reportErrors(r.left));
};

/** The aggregate and stream a command is addressed to. */
export const routeCommand = (c: Command): { aggregate: AggregateKind; stream: string } => {
  switch (c.type) {
    case 'AdmitMember': case 'ExitMember': case 'TransferMember': case 'AssignFieldOfficer':
      return { aggregate: 'member', stream: streamNameFor.member(c.data.memberId) };
    case 'PurchaseShares': case 'RedeemShares': case 'CreditDividend':
    case 'RecordDividendPayableInCash': case 'RedirectDividendToCash': case 'PayDividendInCash':
      return { aggregate: 'shares', stream: streamNameFor.shares(c.data.memberId) };
    case 'OpenSavingsAccount': case 'OpenRecurringDeposit': case 'OpenFixedDeposit':
    case 'MakeDeposit': case 'Withdraw': case 'PostInterest': case 'MarkInstalmentMissed':
    case 'MatureDeposit': case 'CloseDepositEarly': case 'CloseDepositAccount':
    case 'PlaceLien': case 'ReleaseLien': case 'CallGuarantee': case 'ReactivateAccount':
    case 'ApplyDepositCharges':
      return { aggregate: 'deposit', stream: streamNameFor.deposit(c.data.accountId) };
    case 'ApplyForLoan': case 'ApproveLoan': case 'RejectLoan': case 'DisburseLoan':
    case 'RecordRepayment': case 'ChargePenalty': case 'ChargeFee': case 'WaiveInterest':
    case 'WriteOffLoan': case 'RecordRecovery': case 'CloseLoan': case 'DisburseTranche':
    case 'RescheduleLoan': case 'PayOffByTopUp': case 'ApplyCharges':
      return { aggregate: 'loan', stream: streamNameFor.loan(c.data.loanId) };
    case 'ConfigureSociety': case 'CloseFinancialYear': case 'DeclareDividend':
    case 'RecordDividendAllocation': case 'RecordYearEndAccruals':
    case 'SetLoanLossProvision': case 'ChangeSocietySettings': case 'EndDividendRun':
    case 'ChangeProductRate': case 'BeginYearClose':
      return { aggregate: 'society', stream: streamNameFor.society(c.data.societyId) };
    case 'AppointStaff': case 'RevokeStaff':
      return { aggregate: 'staff', stream: streamNameFor.staff(c.data.staffId) };
    case 'RequestApproval':
      return { aggregate: 'approval',
        stream: streamNameFor.approval(c.data.command.data.commandId) };
    case 'ApproveRequest': case 'DeclineRequest':
      return { aggregate: 'approval', stream: streamNameFor.approval(c.data.requestId) };
    // The share account is the member's share stream; a deposit account has its own.
    case 'NominateNominee':
      return c.data.account === 'shares'
        ? { aggregate: 'shares', stream: streamNameFor.shares(c.data.memberId) }
        : { aggregate: 'deposit', stream: streamNameFor.deposit(c.data.accountId) };
    case 'GiveStandingInstruction': case 'PauseStandingInstruction':
    case 'ResumeStandingInstruction': case 'CancelStandingInstruction':
    case 'RecordStandingInstructionExecuted': case 'RecordStandingInstructionRefused':
      return { aggregate: 'standing', stream: streamNameFor.standing(c.data.instructionId) };
    case 'TakeOverVaultCash': case 'TransferBranchCash': case 'SendCashToBranch':
    case 'ReceiveCashFromBranch': case 'MoveTillCash': case 'ReleaseTillCash':
    case 'CountTillCash': case 'CloseBranchDay':
      return { aggregate: 'branch', stream: streamNameFor.branch(c.data.branchId) };
    case 'ReverseEvent':
      return { aggregate: c.data.aggregate, stream: `${c.data.aggregate}-${c.data.aggregateId}` };
  }
};
