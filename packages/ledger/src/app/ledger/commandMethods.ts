import type { CommandOutcome } from '../commands/outcome.ts';
import type { CommandRequest, CommandType } from '../commands/commandRequest.ts';

type Send = <T extends CommandType>(type: T, request: CommandRequest<T>) =>
  Promise<CommandOutcome>;
type Method<T extends CommandType> = (request: CommandRequest<T>) => Promise<CommandOutcome>;

/** A method per command: the request without the fields the Ledger fills in. */
export interface CommandMethods {
  readonly admitMember: Method<'AdmitMember'>;
  readonly exitMember: Method<'ExitMember'>;
  readonly transferMember: Method<'TransferMember'>;
  readonly assignFieldOfficer: Method<'AssignFieldOfficer'>;
  readonly purchaseShares: Method<'PurchaseShares'>;
  readonly redeemShares: Method<'RedeemShares'>;
  readonly redirectDividendToCash: Method<'RedirectDividendToCash'>;
  readonly payDividendInCash: Method<'PayDividendInCash'>;
  readonly reverseEvent: Method<'ReverseEvent'>;
  readonly openSavingsAccount: Method<'OpenSavingsAccount'>;
  readonly openRecurringDeposit: Method<'OpenRecurringDeposit'>;
  readonly openFixedDeposit: Method<'OpenFixedDeposit'>;
  readonly makeDeposit: Method<'MakeDeposit'>;
  readonly withdraw: Method<'Withdraw'>;
  readonly reactivateAccount: Method<'ReactivateAccount'>;
  readonly placeLien: Method<'PlaceLien'>;
  readonly releaseLien: Method<'ReleaseLien'>;
  readonly postInterest: Method<'PostInterest'>;
  readonly markInstalmentMissed: Method<'MarkInstalmentMissed'>;
  readonly matureDeposit: Method<'MatureDeposit'>;
  readonly closeDepositEarly: Method<'CloseDepositEarly'>;
  readonly closeDepositAccount: Method<'CloseDepositAccount'>;
  readonly applyForLoan: Method<'ApplyForLoan'>;
  readonly approveLoan: Method<'ApproveLoan'>;
  readonly rejectLoan: Method<'RejectLoan'>;
  readonly disburseLoan: Method<'DisburseLoan'>;
  readonly disburseTranche: Method<'DisburseTranche'>;
  readonly rescheduleLoan: Method<'RescheduleLoan'>;
  readonly recordRepayment: Method<'RecordRepayment'>;
  readonly chargePenalty: Method<'ChargePenalty'>;
  readonly chargeFee: Method<'ChargeFee'>;
  /** The penalties the loan product's rules give for the date, each recorded once. */
  readonly applyCharges: Method<'ApplyCharges'>;
  /** The charges a deposit product's rule gives for the date, each recorded once. */
  readonly applyDepositCharges: Method<'ApplyDepositCharges'>;
  readonly waiveInterest: Method<'WaiveInterest'>;
  readonly writeOffLoan: Method<'WriteOffLoan'>;
  readonly recordRecovery: Method<'RecordRecovery'>;
  readonly closeLoan: Method<'CloseLoan'>;
  readonly configureSociety: Method<'ConfigureSociety'>;
  readonly changeSocietySettings: Method<'ChangeSocietySettings'>;
  readonly changeProductRate: Method<'ChangeProductRate'>;
  readonly declareDividend: Method<'DeclareDividend'>;
  readonly appointStaff: Method<'AppointStaff'>;
  readonly revokeStaff: Method<'RevokeStaff'>;
  readonly requestApproval: Method<'RequestApproval'>;
  readonly declineRequest: Method<'DeclineRequest'>;
  readonly takeOverVaultCash: Method<'TakeOverVaultCash'>;
  readonly transferBranchCash: Method<'TransferBranchCash'>;
  readonly sendCashToBranch: Method<'SendCashToBranch'>;
  readonly receiveCashFromBranch: Method<'ReceiveCashFromBranch'>;
  readonly countTillCash: Method<'CountTillCash'>;
  readonly closeBranchDay: Method<'CloseBranchDay'>;
  readonly giveStandingInstruction: Method<'GiveStandingInstruction'>;
  readonly pauseStandingInstruction: Method<'PauseStandingInstruction'>;
  readonly resumeStandingInstruction: Method<'ResumeStandingInstruction'>;
  readonly cancelStandingInstruction: Method<'CancelStandingInstruction'>;
}

/** The methods, each sending its command through `send`. */
export const commandMethods = (send: Send): CommandMethods => ({
  admitMember: (r) => send('AdmitMember', r),
  exitMember: (r) => send('ExitMember', r),
  transferMember: (r) => send('TransferMember', r),
  assignFieldOfficer: (r) => send('AssignFieldOfficer', r),
  purchaseShares: (r) => send('PurchaseShares', r),
  redeemShares: (r) => send('RedeemShares', r),
  redirectDividendToCash: (r) => send('RedirectDividendToCash', r),
  payDividendInCash: (r) => send('PayDividendInCash', r),
  reverseEvent: (r) => send('ReverseEvent', r),
  openSavingsAccount: (r) => send('OpenSavingsAccount', r),
  openRecurringDeposit: (r) => send('OpenRecurringDeposit', r),
  openFixedDeposit: (r) => send('OpenFixedDeposit', r),
  makeDeposit: (r) => send('MakeDeposit', r),
  withdraw: (r) => send('Withdraw', r),
  reactivateAccount: (r) => send('ReactivateAccount', r),
  placeLien: (r) => send('PlaceLien', r),
  releaseLien: (r) => send('ReleaseLien', r),
  postInterest: (r) => send('PostInterest', r),
  markInstalmentMissed: (r) => send('MarkInstalmentMissed', r),
  matureDeposit: (r) => send('MatureDeposit', r),
  closeDepositEarly: (r) => send('CloseDepositEarly', r),
  closeDepositAccount: (r) => send('CloseDepositAccount', r),
  applyForLoan: (r) => send('ApplyForLoan', r),
  approveLoan: (r) => send('ApproveLoan', r),
  rejectLoan: (r) => send('RejectLoan', r),
  disburseLoan: (r) => send('DisburseLoan', r),
  disburseTranche: (r) => send('DisburseTranche', r),
  rescheduleLoan: (r) => send('RescheduleLoan', r),
  recordRepayment: (r) => send('RecordRepayment', r),
  chargePenalty: (r) => send('ChargePenalty', r),
  chargeFee: (r) => send('ChargeFee', r),
  applyCharges: (r) => send('ApplyCharges', r),
  applyDepositCharges: (r) => send('ApplyDepositCharges', r),
  waiveInterest: (r) => send('WaiveInterest', r),
  writeOffLoan: (r) => send('WriteOffLoan', r),
  recordRecovery: (r) => send('RecordRecovery', r),
  closeLoan: (r) => send('CloseLoan', r),
  configureSociety: (r) => send('ConfigureSociety', r),
  changeSocietySettings: (r) => send('ChangeSocietySettings', r),
  changeProductRate: (r) => send('ChangeProductRate', r),
  declareDividend: (r) => send('DeclareDividend', r),
  appointStaff: (r) => send('AppointStaff', r),
  revokeStaff: (r) => send('RevokeStaff', r),
  requestApproval: (r) => send('RequestApproval', r),
  declineRequest: (r) => send('DeclineRequest', r),
  takeOverVaultCash: (r) => send('TakeOverVaultCash', r),
  transferBranchCash: (r) => send('TransferBranchCash', r),
  sendCashToBranch: (r) => send('SendCashToBranch', r),
  receiveCashFromBranch: (r) => send('ReceiveCashFromBranch', r),
  countTillCash: (r) => send('CountTillCash', r),
  closeBranchDay: (r) => send('CloseBranchDay', r),
  giveStandingInstruction: (r) => send('GiveStandingInstruction', r),
  pauseStandingInstruction: (r) => send('PauseStandingInstruction', r),
  resumeStandingInstruction: (r) => send('ResumeStandingInstruction', r),
  cancelStandingInstruction: (r) => send('CancelStandingInstruction', r),
});
