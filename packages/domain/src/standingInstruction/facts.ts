import type { DepositState } from '../deposit/state.ts';
import type { LoanState } from '../loan/state.ts';

/**
 * What an instruction pays into, as its stream holds it: a deposit account for an RD
 * instalment, a loan for a loan instalment (the stream `what` names, read by the Ledger).
 */
export type InstructionTarget =
  | { readonly kind: 'deposit'; readonly state: DepositState }
  | { readonly kind: 'loan'; readonly state: LoanState };

/**
 * What GiveStandingInstruction is decided on: the account it pays from and the one it pays
 * into, read from their streams when it is given, so that a bad target is refused then and
 * not months later, when the first due date comes.
 */
export interface GiveInstructionFacts {
  readonly from: DepositState;
  readonly to: InstructionTarget;
}

/** The facts of the standing instruction's commands, by command type (the others need none). */
export interface StandingInstructionFacts {
  readonly GiveStandingInstruction: GiveInstructionFacts;
}
