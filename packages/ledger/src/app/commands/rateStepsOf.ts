import * as E from 'fp-ts/lib/Either.js';
import { streamNameFor, type AccountHistory, type RateStep } from '@usha/domain';
import type { FactReaders, FactsRead } from './fetchFacts.ts';
import type { LedgerRejection } from './outcome.ts';
import type { StreamState } from './streamStates.ts';

type Read<F> = Promise<E.Either<LedgerRejection, FactsRead<F>>>;
type Interest = {
  readonly history: AccountHistory; readonly rateSteps?: ReadonlyArray<RateStep>;
};

/**
 * The interest facts with the rate changes of the account's savings product beside them, from
 * the society's stream (ProductRateChanged), which is then named among the streams read: a
 * change stored meanwhile sends the command round again. No society or no change: none.
 */
export const withRateSteps = async <F extends Interest>(
  r: FactReaders, target: StreamState, read: Read<F>,
): Read<F> => {
  const f = await read;
  const id = r.society();
  const account = target.state.kind === 'deposit' ? target.state.state : undefined;
  if (E.isLeft(f) || id === undefined || account === undefined || account.status === 'none'
    || account.kind !== 'savings') {
    return f;
  }
  const s = await r.states.load(streamNameFor.society(id), 'society');
  const state = s.state.kind === 'society' ? s.state.state : undefined;
  const steps = state?.status === 'configured' ? state.rateSteps?.[account.productId] : undefined;
  if (steps === undefined || steps.length === 0) return f;
  return E.right({ facts: { ...f.right.facts, rateSteps: steps },
    readFrom: [...f.right.readFrom, { stream: s.stream, revision: s.revision }] });
};
