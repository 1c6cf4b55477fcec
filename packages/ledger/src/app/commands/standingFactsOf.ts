import * as E from 'fp-ts/lib/Either.js';
import {
  initialDepositState, initialLoanState, LoanId, streamNameFor, type GiveInstructionFacts,
  type GiveStandingInstruction, type InstructionTarget,
} from '@usha/domain';
import type { FactSource } from './factSource.ts';
import type { FactReaders, FactsRead } from './fetchFacts.ts';
import type { LedgerRejection } from './outcome.ts';
import type { StreamState } from './streamStates.ts';

type Read<F> = Promise<E.Either<LedgerRejection, FactsRead<F>>>;
const source = (s: StreamState): FactSource => ({ stream: s.stream, revision: s.revision });

// The stream `what` names: the recurring deposit's, or the loan's. An id that cannot be a
// loan's names no loan stream: nothing is read, and the decider refuses it as not_found.
const targetOf = async (r: FactReaders, c: GiveStandingInstruction['data']):
  Promise<{ to: InstructionTarget; readFrom: FactSource[] }> => {
  if (c.what === 'rd-instalment') {
    const s = await r.states.load(streamNameFor.deposit(c.toAccountId), 'deposit');
    const state = s.state.kind === 'deposit' ? s.state.state : initialDepositState;
    return { to: { kind: 'deposit', state }, readFrom: [source(s)] };
  }
  const loanId = LoanId.decode(c.toAccountId);
  if (E.isLeft(loanId)) return { to: { kind: 'loan', state: initialLoanState }, readFrom: [] };
  const s = await r.states.load(streamNameFor.loan(loanId.right), 'loan');
  const state = s.state.kind === 'loan' ? s.state.state : initialLoanState;
  return { to: { kind: 'loan', state }, readFrom: [source(s)] };
};

/**
 * The accounts a standing instruction names (GiveInstructionFacts), each from its own stream:
 * the savings account, then the target. Both are in `readFrom`, so an append conditioned on
 * them refuses an instruction decided on an account closed meanwhile.
 */
export const standingFactsOf = async (
  r: FactReaders, c: GiveStandingInstruction,
): Read<GiveInstructionFacts> => {
  const from = await r.states.load(streamNameFor.deposit(c.data.fromAccountId), 'deposit');
  const to = await targetOf(r, c.data);
  return E.right({
    facts: { from: from.state.kind === 'deposit' ? from.state.state : initialDepositState,
      to: to.to },
    readFrom: [source(from), ...to.readFrom] });
};
