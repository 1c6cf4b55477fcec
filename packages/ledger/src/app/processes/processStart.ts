import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { CommandId, streamNameFor, type Guarantee, type LoanId } from '@usha/domain';
import { decodeRequest, type ProcessContext } from './processContext.ts';
import type { ProcessOutcome } from './processOutcome.ts';

/** A process request decoded, with its command id as the process id. */
export interface StartedRequest<A> {
  readonly request: A;
  readonly pid: CommandId;
}

/**
 * Decodes a process request (decodeRequest) and takes its command id as the process id; Left
 * is the process's rejected outcome, nothing stored: a request that does not decode, or whose
 * `commandId` is not an id (step ids derive from it).
 */
export const startRequest = <A extends { readonly commandId: string }>(
  codec: t.Type<A, unknown, unknown>, input: unknown,
): E.Either<ProcessOutcome, StartedRequest<A>> => {
  const decoded = decodeRequest(codec, input);
  if (E.isLeft(decoded)) return E.left({ status: 'rejected', steps: [], ...decoded.left });
  const r = decoded.right;
  return CommandId.is(r.commandId) ? E.right({ request: r, pid: r.commandId })
    : E.left({ status: 'rejected', processId: r.commandId, steps: [], rejection: {
      type: 'invalid_command', message: 'commandId is not an id', fields: [] } });
};

/** The guarantees a loan's application named, as its stream holds them (none: no loan). */
export const guaranteesOf = async (
  ctx: ProcessContext, loanId: LoanId,
): Promise<ReadonlyArray<Guarantee>> => {
  const loan = await ctx.handler.states.load(streamNameFor.loan(loanId), 'loan');
  return loan.state.kind === 'loan' && loan.state.state.status !== 'none'
    ? loan.state.state.guarantors : [];
};
