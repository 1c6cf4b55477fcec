import type { WithBranchDay } from './branch/branchDayFact.ts';
import type { BranchFacts } from './branch/facts.ts';
import type { Command } from './commandCatalogue.ts';
import type { DepositFacts } from './deposit/facts.ts';
import type { LoanFacts } from './loan/facts.ts';
import type { MemberFacts } from './member/facts.ts';
import type { WithPeriod } from './periodFact.ts';
import type { WithFacts } from './shared/decider.ts';
import type { ShareFacts } from './shares/facts.ts';
import type { SocietyFacts } from './society/facts.ts';
import type { StandingInstructionFacts } from './standingInstruction/facts.ts';

/** The facts of every command that needs some from other aggregates, by command type. */
export type CommandFacts = MemberFacts & ShareFacts & DepositFacts & LoanFacts & SocietyFacts
  & StandingInstructionFacts & BranchFacts;

/**
 * Any command as its decider takes it: with its facts beside its data when it needs some, the
 * closed period and the member's branch day (read by the share, deposit and loan deciders,
 * ignored by the others).
 */
export type DecidableCommand = WithFacts<Command, CommandFacts> & WithPeriod & WithBranchDay;

/** A command decided on its stream's state alone. */
export type FactlessCommand = Exclude<Command, { readonly type: keyof CommandFacts }>;

/**
 * The command types decided with facts, each listed once: the compiler refuses the list when
 * a type is missing or not one of CommandFacts' (an application fetches facts for these).
 */
export const factCommandTypes = {
  ExitMember: true, TransferMember: true, RedeemShares: true, PostInterest: true, MatureDeposit: true,
  CloseDepositEarly: true, CloseFinancialYear: true, DeclareDividend: true,
  PurchaseShares: true, OpenSavingsAccount: true, OpenRecurringDeposit: true,
  OpenFixedDeposit: true, MakeDeposit: true, ApplyForLoan: true, ApproveLoan: true,
  DisburseLoan: true, ApplyDepositCharges: true, GiveStandingInstruction: true,
  RedirectDividendToCash: true, ReleaseTillCash: true, BeginYearClose: true,
  RecordYearEndAccruals: true, SetLoanLossProvision: true,
} as const satisfies { readonly [K in keyof CommandFacts]: true };

/** Whether a command is decided on its stream's state alone, without facts. */
export const isFactless = (c: Command): c is FactlessCommand =>
  !Object.hasOwn(factCommandTypes, c.type);
