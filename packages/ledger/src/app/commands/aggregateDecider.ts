import * as E from 'fp-ts/lib/Either.js';
import {
  DayOutOfRangeError, InvalidDateError, createDepositDecider, createLoanDecider,
  createMemberDecider, createShareDecider,
  createSocietyDecider, depositCommands, depositEvents, loanCommands, loanEvents,
  memberCommands, memberEvents, shareCommands, shareEvents, societyCommands, societyEvents,
  type AggregateKind, type DecidableCommand, type DepositDecision, type DepositEvent,
  type DepositState, type DomainEvent, type LoanDecision, type LoanEvent, type LoanState,
  type MemberDecision, type MemberEvent, type MemberState, type ProductCatalogue,
  type Rejection, type ShareDecision, type ShareEvent, type ShareState, type SocietyDecision,
  type SocietyEvent, type SocietyState,
} from '@usha/domain';
import {
  approvalCommands, approvalEvents, createApprovalDecider, createStaffDecider, staffCommands,
  staffEvents, type ApprovalCommand, type ApprovalEvent, type ApprovalState, type StaffCommand,
  type StaffEvent, type StaffState,
} from '@usha/domain';
import {
  createStandingInstructionDecider, standingInstructionCommands, standingInstructionEvents,
  type StandingInstructionDecision, type StandingInstructionEvent,
  type StandingInstructionState,
} from '@usha/domain';
import {
  branchCommands, branchEvents, createBranchCashDecider, type BranchCashState,
  type DecidableBranchCommand,
  type BranchCommand, type BranchEvent,
} from '@usha/domain';

/** The state of one stream, tagged with its aggregate. */
export type AggregateState =
  | { readonly kind: 'member'; readonly state: MemberState }
  | { readonly kind: 'shares'; readonly state: ShareState }
  | { readonly kind: 'deposit'; readonly state: DepositState }
  | { readonly kind: 'loan'; readonly state: LoanState }
  | { readonly kind: 'society'; readonly state: SocietyState }
  | { readonly kind: 'staff'; readonly state: StaffState }
  | { readonly kind: 'approval'; readonly state: ApprovalState }
  | { readonly kind: 'standing'; readonly state: StandingInstructionState }
  | { readonly kind: 'branch'; readonly state: BranchCashState };

/** Every aggregate's decider behind one face: what the command handler folds and decides. */
export interface AggregateDecider {
  readonly initial: (kind: AggregateKind) => AggregateState;
  readonly evolve: (s: AggregateState, e: DomainEvent) => AggregateState;
  /** Decides a command with its facts (see CommandFacts) on its stream's state. */
  readonly decide: (c: DecidableCommand, s: AggregateState) =>
    E.Either<Rejection, ReadonlyArray<DomainEvent>>;
}

const has = (codecs: object, type: string): boolean => Object.hasOwn(codecs, type);
const isMemberEvent = (e: DomainEvent): e is MemberEvent => has(memberEvents, e.type);
const isShareEvent = (e: DomainEvent): e is ShareEvent => has(shareEvents, e.type);
const isDepositEvent = (e: DomainEvent): e is DepositEvent => has(depositEvents, e.type);
const isLoanEvent = (e: DomainEvent): e is LoanEvent => has(loanEvents, e.type);
const isSocietyEvent = (e: DomainEvent): e is SocietyEvent => has(societyEvents, e.type);
const isStaffEvent = (e: DomainEvent): e is StaffEvent => has(staffEvents, e.type);
const isApprovalEvent = (e: DomainEvent): e is ApprovalEvent => has(approvalEvents, e.type);
const isStandingEvent = (e: DomainEvent): e is StandingInstructionEvent =>
  has(standingInstructionEvents, e.type);
const isBranchEvent = (e: DomainEvent): e is BranchEvent => has(branchEvents, e.type);
type C = DecidableCommand;
const isMemberCommand = (c: C): c is MemberDecision => has(memberCommands, c.type);
const isShareCommand = (c: C): c is ShareDecision => has(shareCommands, c.type);
const isDepositCommand = (c: C): c is DepositDecision => has(depositCommands, c.type);
const isLoanCommand = (c: C): c is LoanDecision => has(loanCommands, c.type);
const isSocietyCommand = (c: C): c is SocietyDecision => has(societyCommands, c.type);
const isStaffCommand = (c: C): c is StaffCommand => has(staffCommands, c.type);
const isApprovalCommand = (c: C): c is ApprovalCommand => has(approvalCommands, c.type);
const isStandingCommand = (c: C): c is StandingInstructionDecision =>
  has(standingInstructionCommands, c.type);
const isBranchCashCommand = (c: C): c is DecidableBranchCommand & C =>
  has(branchCommands, c.type);

/** The five deciders of the domain over one product catalogue, routed by aggregate. */
export const aggregateDecider = (products: ProductCatalogue): AggregateDecider => {
  const member = createMemberDecider({ products });
  const shares = createShareDecider({ products });
  const deposit = createDepositDecider({ products });
  const loan = createLoanDecider({ products });
  const society = createSocietyDecider({ products });
  const staff = createStaffDecider();
  const approval = createApprovalDecider();
  const standing = createStandingInstructionDecider();
  const branch = createBranchCashDecider();
  const initial = (kind: AggregateKind): AggregateState => {
    switch (kind) {
      case 'member': return { kind, state: member.initialState };
      case 'shares': return { kind, state: shares.initialState };
      case 'deposit': return { kind, state: deposit.initialState };
      case 'loan': return { kind, state: loan.initialState };
      case 'society': return { kind, state: society.initialState };
      case 'staff': return { kind, state: staff.initialState };
      case 'approval': return { kind, state: approval.initialState };
      case 'standing': return { kind, state: standing.initialState };
      case 'branch': return { kind, state: branch.initialState };
    }
  };
  // An event of another aggregate in a stream is ignored, as each decider ignores what it
  // does not know: stores keep streams apart, so it cannot happen through the Ledger.
  const evolve = (s: AggregateState, e: DomainEvent): AggregateState => {
    switch (s.kind) {
      case 'member':
        return isMemberEvent(e) ? { kind: s.kind, state: member.evolve(s.state, e) } : s;
      case 'shares':
        return isShareEvent(e) ? { kind: s.kind, state: shares.evolve(s.state, e) } : s;
      case 'deposit':
        return isDepositEvent(e) ? { kind: s.kind, state: deposit.evolve(s.state, e) } : s;
      case 'loan': return isLoanEvent(e) ? { kind: s.kind, state: loan.evolve(s.state, e) } : s;
      case 'society':
        return isSocietyEvent(e) ? { kind: s.kind, state: society.evolve(s.state, e) } : s;
      case 'staff':
        return isStaffEvent(e) ? { kind: s.kind, state: staff.evolve(s.state, e) } : s;
      case 'approval':
        return isApprovalEvent(e) ? { kind: s.kind, state: approval.evolve(s.state, e) } : s;
      case 'standing':
        return isStandingEvent(e) ? { kind: s.kind, state: standing.evolve(s.state, e) } : s;
      case 'branch':
        return isBranchEvent(e) ? { kind: s.kind, state: branch.evolve(s.state, e) } : s;
    }
  };
  const wrong = (s: AggregateState, c: C): E.Either<Rejection, never> =>
    E.left({ type: 'wrong_aggregate', aggregate: s.kind, expected: s.kind, got: c.type });
  const decide: AggregateDecider['decide'] = (c, s) => {
    try {
      return decideOn(c, s);
    } catch (e) {
      // Figures the domain cannot work out for this command (a schedule running past the last
      // day it has dates for, 2199-12-31): refused, typed, as a figure it cannot compute. The
      // handler and every process's own pre-check decide through here.
      if (!(e instanceof InvalidDateError || e instanceof RangeError)) throw e;
      // A day reached by arithmetic is named as a date the command did not give, as the
      // domain's own date refusals name theirs.
      if (e instanceof DayOutOfRangeError && e.date !== undefined) {
        return E.left({ type: 'cannot_compute', field: 'date',
          reason: `date: ${e.date}: year must be between 1900 and 2199` });
      }
      return E.left({ type: 'cannot_compute',
        field: e instanceof InvalidDateError ? e.field : 'on', reason: e.message });
    }
  };
  const decideOn: AggregateDecider['decide'] = (c, s) => {
    switch (s.kind) {
      case 'member': return isMemberCommand(c) ? member.decide(c, s.state) : wrong(s, c);
      case 'shares': return isShareCommand(c) ? shares.decide(c, s.state) : wrong(s, c);
      case 'deposit': return isDepositCommand(c) ? deposit.decide(c, s.state) : wrong(s, c);
      case 'loan': return isLoanCommand(c) ? loan.decide(c, s.state) : wrong(s, c);
      case 'society': return isSocietyCommand(c) ? society.decide(c, s.state) : wrong(s, c);
      case 'staff': return isStaffCommand(c) ? staff.decide(c, s.state) : wrong(s, c);
      case 'approval': return isApprovalCommand(c) ? approval.decide(c, s.state) : wrong(s, c);
      case 'standing': return isStandingCommand(c) ? standing.decide(c, s.state) : wrong(s, c);
      case 'branch': return isBranchCashCommand(c) ? branch.decide(c, s.state) : wrong(s, c);
    }
  };
  return { initial, evolve, decide };
};
