import * as E from 'fp-ts/lib/Either.js';
import type { Command } from '../commandCatalogue.ts';
import type { BranchId } from '../shared/ids.ts';
import type { Rejection } from '../shared/rejection.ts';
import type { DualControlCommand } from './approval/dualControl.ts';
import type { ApprovalState } from './approval/state.ts';
import { isBranchRole, type StaffRole } from './role.ts';
import type { StaffState } from './state.ts';

/**
 * Who may send a command: `by` the roles that may send it (for a command that needs a checker,
 * request it); `checkedBy` the roles that may approve it, when it needs a second person. The
 * approval commands take their roles from the command requested.
 */
export type Permission =
  | { readonly by: ReadonlyArray<StaffRole>; readonly checkedBy?: ReadonlyArray<StaffRole> }
  | { readonly by: 'requested command' };

/** A permission for every command type: the shape the table is checked against. */
export type PermissionTable = { readonly [K in Command['type']]: Permission };

const clerks = ['clerk', 'branchManager'] as const;
const cash = ['cashier'] as const;
const managers = ['branchManager'] as const;
const board = ['board'] as const;

/**
 * The permission table (docs/concepts/staff-and-roles.md gives the reasons). Auditors send
 * nothing: they read. The compiler refuses the table when a command type is missing.
 */
export const permissions = {
  // A cashier admits her too when her till takes the admission fee (cashAtTill).
  AdmitMember: { by: ['clerk', 'branchManager', 'cashier'] },
  ExitMember: { by: clerks },
  // A branch's members are its books: moving one is the branch manager's decision.
  TransferMember: { by: managers },
  // Who collects from whom is how the manager shares out the branch's field work.
  AssignFieldOfficer: { by: managers },
  PurchaseShares: { by: cash },
  RedeemShares: { by: cash },
  CreditDividend: { by: ['branchManager', 'board'] },
  RecordDividendPayableInCash: { by: ['branchManager', 'board'] },
  RedirectDividendToCash: { by: ['branchManager', 'board'] },
  PayDividendInCash: { by: cash },
  OpenSavingsAccount: { by: clerks },
  OpenRecurringDeposit: { by: clerks },
  OpenFixedDeposit: { by: clerks },
  MakeDeposit: { by: cash },
  Withdraw: { by: cash },
  PostInterest: { by: ['clerk', 'branchManager', 'board'] },
  MarkInstalmentMissed: { by: clerks },
  MatureDeposit: { by: clerks },
  CloseDepositEarly: { by: cash },
  CloseDepositAccount: { by: cash },
  // Placed and released by the Ledger as steps of a loan's approval and closing, in the name
  // of the manager who approves or closes it (a release undoes a placing a step refused).
  PlaceLien: { by: managers },
  ReleaseLien: { by: managers },
  // A nominee is the member's own choice, recorded at the counter like an account opening.
  NominateNominee: { by: clerks },
  // Taking a guarantor's savings for a written-off loan is a manager's decision; she records
  // the recovery it pays as the next step of the same process (recoverFromGuarantor).
  CallGuarantee: { by: managers },
  // A dormant account's money moves again only on a manager's word (deposit/dormancy.ts).
  ReactivateAccount: { by: managers },
  ApplyForLoan: { by: ['clerk'] },
  ApproveLoan: { by: managers },
  RejectLoan: { by: managers },
  DisburseLoan: { by: cash },
  RecordRepayment: { by: cash },
  ChargePenalty: { by: clerks },
  ChargeFee: { by: clerks },
  // Computed from the product's rules for the date: nothing is typed in but the date.
  ApplyCharges: { by: clerks },
  ApplyDepositCharges: { by: clerks },
  WaiveInterest: { by: managers, checkedBy: ['branchManager', 'board'] },
  WriteOffLoan: { by: managers, checkedBy: board },
  RecordRecovery: { by: ['cashier', 'branchManager'] },
  CloseLoan: { by: clerks },
  DisburseTranche: { by: cash },
  // The request's maker is named in the command; the manager who sends it is its checker.
  RescheduleLoan: { by: ['branchManager', 'board'] },
  // Paid out of the top-up's own disbursement, at the same counter.
  PayOffByTopUp: { by: cash },
  ReverseEvent: { by: ['clerk', 'cashier', 'branchManager'],
    checkedBy: ['branchManager', 'board'] },
  ConfigureSociety: { by: board },
  BeginYearClose: { by: board },
  CloseFinancialYear: { by: board },
  DeclareDividend: { by: board, checkedBy: board },
  RecordDividendAllocation: { by: board },
  RecordYearEndAccruals: { by: board },
  SetLoanLossProvision: { by: board },
  ChangeSocietySettings: { by: board },
  EndDividendRun: { by: board },
  // A savings rate is the society's policy, set for every branch at once.
  ChangeProductRate: { by: board },
  // A standing instruction is the member's own request, recorded at the counter.
  GiveStandingInstruction: { by: clerks },
  PauseStandingInstruction: { by: clerks },
  ResumeStandingInstruction: { by: clerks },
  CancelStandingInstruction: { by: clerks },
  // Steps of runStandingInstructions, beside the withdrawal and payment a cashier sends.
  RecordStandingInstructionExecuted: { by: cash },
  RecordStandingInstructionRefused: { by: cash },
  // A branch's cash: the vault is the manager's, a till its cashier's; the till's side of a
  // member's cash is a step of cashAtTill, sent with the counter's own command.
  TakeOverVaultCash: { by: managers },
  TransferBranchCash: { by: ['cashier', 'branchManager'] },
  SendCashToBranch: { by: managers },
  ReceiveCashFromBranch: { by: managers },
  MoveTillCash: { by: cash },
  ReleaseTillCash: { by: cash },
  CountTillCash: { by: ['cashier', 'branchManager'] },
  CloseBranchDay: { by: ['cashier', 'branchManager'] },
  AppointStaff: { by: board },
  RevokeStaff: { by: board },
  RequestApproval: { by: 'requested command' },
  ApproveRequest: { by: 'requested command' },
  DeclineRequest: { by: 'requested command' },
} as const satisfies PermissionTable;

/**
 * Commands that are steps of one of the Ledger's processes, sent by that process alone: each
 * is decided on its own stream only, and what makes it right is what the process checked
 * before it (a top-up's payoff withheld from its disbursement; a member's part of a declared
 * dividend; an instruction's payment made). Sent on their own they would close a loan with no
 * money, or credit a dividend never declared.
 */
export const processStepOf: { readonly [K in Command['type']]?: string } = {
  PayOffByTopUp: 'topUpLoan',
  CreditDividend: 'creditDividends',
  RecordDividendPayableInCash: 'creditDividends',
  RecordStandingInstructionExecuted: 'runStandingInstructions',
  RecordStandingInstructionRefused: 'runStandingInstructions',
  // A guarantor's savings are taken only for a loan written off, and pay its recovery next.
  CallGuarantee: 'recoverFromGuarantor',
  // A till's side of a member's cash, with its account's step next: alone, one cashier would
  // move a till's book with no member's money behind it. (Its release is also sent by hand,
  // for a reversed admission fee, and names a move already stored: not listed.)
  MoveTillCash: 'cashAtTill',
  // A run's end, with its counts: whether another run may pay the parts a run refused is
  // decided on the last end's refused count, so an end sent by hand (refused: 0) would keep
  // a member's unpaid part from her for good.
  EndDividendRun: 'creditDividends',
};

/**
 * The refusal of a process's step sent on its own (not by its process), whoever sends it;
 * undefined for any other command.
 * @example sentOutsideItsProcess(payOffByTopUp) // Left-side value: not_authorised, process_step
 */
export const sentOutsideItsProcess = (c: Command): Rejection | undefined =>
  processStepOf[c.type] === undefined ? undefined : { type: 'not_authorised',
    actor: c.data.actor, commandType: c.type, rolesAllowed: [], why: 'process_step' };

/**
 * The roles that may make the request a command names as its maker (its checker sends it):
 * a loan's reschedule, asked for at the counter, sent by the manager or the board.
 */
export const makerRoles: { readonly RescheduleLoan: ReadonlyArray<StaffRole> } = {
  RescheduleLoan: ['clerk', 'branchManager'],
};

// The maker a command names must be in post on its date, in a role that may make it, in the
// branch of the member it is about: a name that is no one, or someone who could not have
// asked, is refused as she would be (`not_authorised`, naming her as the actor).
const namedMakerRefusal = (c: Command, facts: AuthorisationFacts): Rejection | undefined => {
  if (c.type !== 'RescheduleLoan') return undefined;
  const roles = makerRoles.RescheduleLoan;
  const m = facts.maker ?? { status: 'none' as const };
  const no = (why: Why): Rejection => ({ type: 'not_authorised', actor: c.data.requestedBy,
    commandType: c.type, rolesAllowed: [...roles], why });
  if (m.status === 'none') return no('not_staff');
  if (m.status === 'revoked') return no('revoked');
  if (c.data.on < m.appointedOn) return no('not_yet_appointed');
  if (!roles.includes(m.role)) return no('role');
  if (isBranchRole(m.role)) {
    if (facts.branchId === undefined) return no('branch_unknown');
    if (facts.branchId !== m.branchId) return no('other_branch');
  }
  return undefined;
};

/** What a command is authorised on, besides its actor's appointment (read by the caller). */
export interface AuthorisationFacts {
  /**
   * The branch of the member the command (or the command requested) is about; null when it is
   * about the society as a whole; undefined when it could not be found (a branch role is then
   * refused: a branch cannot be checked that is not known).
   */
  readonly branchId: BranchId | null | undefined;
  /** For ApproveRequest and DeclineRequest: the request, as its stream holds it. */
  readonly request?: ApprovalState;
  /**
   * For a command that needs a checker: its request (`approval-<commandId>`) as its stream
   * holds it, and whether the request holds this very command (the same request hash).
   */
  readonly approval?: { readonly state: ApprovalState; readonly sameCommand: boolean };
  /**
   * For a command naming its maker (`RescheduleLoan`'s `requestedBy`): her appointment, as
   * her staff stream holds it.
   */
  readonly maker?: StaffState;
}

type Why = Extract<Rejection, { type: 'not_authorised' }>['why'];
type Refusal = E.Either<Rejection, never>;

const refuse = (c: Command, roles: ReadonlyArray<StaffRole>, why: Why): Refusal =>
  E.left({ type: 'not_authorised', actor: c.data.actor, commandType: c.type,
    rolesAllowed: [...roles], why });

/** The roles that may send a command type directly (or request it), from the table. */
export const rolesFor = (type: Command['type']): ReadonlyArray<StaffRole> => {
  const p: Permission = permissions[type];
  return p.by === 'requested command' ? [] : p.by;
};

/** The roles that may approve a command type; empty when it needs no checker. */
export const checkersFor = (type: Command['type']): ReadonlyArray<StaffRole> => {
  const p: Permission = permissions[type];
  return p.by === 'requested command' ? [] : p.checkedBy ?? [];
};

// The roles the actor needs for this command, and the command whose branch counts.
const needed = (c: Command, actor: string, f: AuthorisationFacts): ReadonlyArray<StaffRole> => {
  switch (c.type) {
    case 'RequestApproval': return rolesFor(c.data.command.type);
    case 'ApproveRequest': case 'DeclineRequest': {
      const r = f.request;
      if (r === undefined || r.status === 'none') return [];
      const checkers = checkersFor(r.command.type);
      // The maker may withdraw her own request: a decline is never a second signature.
      const maker = c.type === 'DeclineRequest' && r.makerId === actor;
      return maker ? [...new Set([...checkers, ...rolesFor(r.command.type)])] : checkers;
    }
    // The dividend run's credit to savings is a book entry, not cash: CreditDividend's roles.
    case 'MakeDeposit':
      return rolesFor(c.data.source === 'dividend' ? 'CreditDividend' : c.type);
    default: return rolesFor(c.type);
  }
};

const needsChecker = (c: Command): c is DualControlCommand => checkersFor(c.type).length > 0;

/**
 * Whether `actor` may send command `c`, by the permission table: she must be in post, hold a
 * role the table names, and, in a branch role, act on her own branch's member. A command that
 * needs a checker runs only once its request is approved (`approval_required` until then).
 * Pure: the caller reads the actor's staff stream and the facts.
 * @example authorise(writeOff, clerk, { branchId: 'B1' })
 *   // Left({ type: 'not_authorised', why: 'role', rolesAllowed: ['branchManager'], ... })
 */
export const authorise = (
  c: Command, actor: StaffState, facts: AuthorisationFacts,
): E.Either<Rejection, true> => {
  // An approval of a request not found is left to the decider (`not_found`).
  const unknownRequest = (c.type === 'ApproveRequest' || c.type === 'DeclineRequest')
    && (facts.request === undefined || facts.request.status === 'none');
  const roles = needed(c, c.data.actor, facts);
  if (actor.status === 'none') return refuse(c, roles, 'not_staff');
  if (actor.status === 'revoked') return refuse(c, roles, 'revoked');
  // In post from her appointment's date: nothing dated before it is hers to send.
  if (c.data.on < actor.appointedOn) return refuse(c, roles, 'not_yet_appointed');
  if (unknownRequest) return E.right(true);
  if (!roles.includes(actor.role)) return refuse(c, roles, 'role');
  if (isBranchRole(actor.role)) {
    if (facts.branchId === undefined) return refuse(c, roles, 'branch_unknown');
    if (facts.branchId !== actor.branchId) return refuse(c, roles, 'other_branch');
  }
  const maker = namedMakerRefusal(c, facts);
  if (maker !== undefined) return E.left(maker);
  if (needsChecker(c)) {
    const a = facts.approval;
    const ok = a !== undefined && a.sameCommand && a.state.status === 'approved'
      && a.state.makerId === c.data.actor;
    if (!ok) {
      return E.left({ type: 'approval_required', commandType: c.type,
        requestId: c.data.commandId,
        status: a === undefined || !a.sameCommand ? 'none' : a.state.status });
    }
  }
  return E.right(true);
};
