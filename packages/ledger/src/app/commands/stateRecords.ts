import type { AggregateState } from './aggregateDecider.ts';

/**
 * What a state holds that grows with its stream's history, counted: the postings an account,
 * a loan or a shareholding keeps (each one a reversal may name), a loan's schedule (twice),
 * repayments, tranches and reschedules, a deposit's missed instalments, a member's fees, and a
 * branch's till movements of its open days and transfers received; plus one for the state
 * itself. A posting held costs 290-590 bytes of heap (a weekly saver's decade, 520 deposits:
 * 150-190 KB), so the cache of folded states bounds these as well as the states (streamStates.ts).
 * The society's years and settings grow by a few a year, and are not counted.
 * @example stateRecords({ kind: 'member', state: { status: 'none' } }) // 1
 */
export const stateRecords = (s: AggregateState): number => {
  switch (s.kind) {
    // A loan's schedule is held twice (as due, and as written), and each repayment's principal
    // beside its posting. A rule's charge is a posting too (its key beside it is not counted).
    case 'loan': {
      const l = s.state;
      return l.status === 'none' ? 1 : 1 + l.postings.size + 2 * l.schedule.length
        + l.principalPayments.length + l.disbursements.length + l.reschedules.length;
    }
    case 'deposit': return 1 + (s.state.status === 'none' ? 0
      : s.state.postings.size + s.state.instalmentsMissed.length);
    case 'shares': return 1 + (s.state.status === 'none' ? 0 : s.state.postings.size);
    case 'member': return 1 + (s.state.status === 'none' ? 0 : s.state.fees.size);
    case 'branch': return 1 + s.state.moves.size + s.state.received.size;
    case 'society': case 'staff': case 'approval': case 'standing': return 1;
  }
};

/**
 * Records held a state, on average, within the cache's bound: `stateCacheEntries` states hold
 * at most this many times as many records between them (the default 4,096 states, 65,536
 * records: 19-39 MB of postings at the most), but for the last `recentStates` used.
 */
export const recordsPerState = 16;

/**
 * The states used last, never let go for their records: a command uses several at once (an
 * account, its member, her branch), and one of them heavy (a branch that does not close its
 * days, an account of decades) must not be let go while the others are used, to be folded from
 * its start at every command. So the heap the cache holds is at most the bound's records and
 * these states.
 */
export const recentStates = 8;
