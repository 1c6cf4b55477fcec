import * as E from 'fp-ts/lib/Either.js';
import {
  settingsOn, streamNameFor, type BusinessDate, type LendingFacts, type MembershipFacts,
} from '@usha/domain';
import type { FactReaders, FactsRead } from './fetchFacts.ts';
import type { LedgerRejection } from './outcome.ts';

type Read<F> = Promise<E.Either<LedgerRejection, FactsRead<F>>>;
type Lending = MembershipFacts & { readonly lending?: LendingFacts };

/**
 * The lending facts with the society-wide limits in force on `on` beside them, from the
 * society stream (the handler's cache holds it); with no society configured, none. The
 * society stream is named in `readFrom`: a change of limits stored meanwhile sends the
 * command round again.
 */
export const withSocietyLimits = async <F extends Lending>(
  r: FactReaders, on: BusinessDate, read: Read<F>,
): Read<F> => {
  const f = await read;
  const id = r.society();
  if (E.isLeft(f) || f.right.facts.lending === undefined || id === undefined) return f;
  const s = await r.states.load(streamNameFor.society(id), 'society');
  const state = s.state.kind === 'society' ? s.state.state : undefined;
  const limits = state?.status === 'configured'
    ? settingsOn(state.settings, on)?.lendingLimits : undefined;
  if (limits === undefined) return f;
  return E.right({
    facts: { ...f.right.facts, lending: { ...f.right.facts.lending, society: limits } },
    readFrom: [...f.right.readFrom, { stream: s.stream, revision: s.revision }],
  });
};
