import type { AggregateState } from './aggregateDecider.ts';

/**
 * What a state holds that grows with its stream's history, counted: the postings an account,
 * a loan or a shareholding keeps (each one a reversal may name), a member's fees, and a branch's
 * till movements of its open days and transfers received; plus one for the state itself. A
 * posting held costs about 300 bytes of heap (a weekly saver's decade, 520 deposits: 150 KB),
 * so the cache of folded states bounds these as well as the states (streamStates.ts).
 * @example stateRecords({ kind: 'member', state: { status: 'none' } }) // 1
 */
export const stateRecords = (s: AggregateState): number => {
  switch (s.kind) {
    case 'deposit': case 'loan': case 'shares':
      return 1 + (s.state.status === 'none' ? 0 : s.state.postings.size);
    case 'member': return 1 + (s.state.status === 'none' ? 0 : s.state.fees.size);
    case 'branch': return 1 + s.state.moves.size + s.state.received.size;
    case 'society': case 'staff': case 'approval': case 'standing': return 1;
  }
};

/**
 * Records held a state, on average, within the cache's bound: `stateCacheEntries` states hold
 * at most this many times as many records between them (the default 4,096 states, 131,072
 * records: about 40 MB of postings at the most).
 */
export const recordsPerState = 32;
