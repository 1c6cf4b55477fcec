import { depositStream, loanStream } from '@usha/domain';
import {
  balancesProjection, combine, replayAsync, type BalancesState,
} from '@usha/projections';
import type { EventStore, RecordedEvent } from '../../eventStore/port.ts';
import type { MemberIndex, MemberStreams } from '../commands/memberIndex.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { streamsInLogOrder } from './streamsInLogOrder.ts';

/** Where the dated balances read from: the store, and each member's streams. */
export interface DatedBalancesSources {
  readonly store: EventStore<LedgerEvent>;
  readonly members: Pick<MemberIndex, 'get' | 'members'>;
}

// The balances fold with the reversal index it needs: an EventReversed is resolved against
// the event it names, which is always in the same stream (ReverseEvent is routed there).
const balancesOnly = combine({ balances: balancesProjection() });

// Every event the balances fold reads of a member sits in one of her streams: admission,
// transfers and exit in member-, shares and dividends in shares-, each deposit account's and
// each loan's own stream. Society, staff, branch and approval events change no balance.
// (Her id as asked is not yet a MemberId, so her two streams are named as streams.ts does.)
const streamsOf = (memberId: string, m: MemberStreams | undefined): string[] => [
  `member-${memberId}`, `shares-${memberId}`,
  ...(m?.deposits ?? []).map((d) => depositStream(d.accountId)),
  ...(m?.loans ?? []).map(loanStream),
];

const fold = async (events: AsyncIterable<RecordedEvent<LedgerEvent>>, asOf: string) =>
  (await replayAsync(balancesOnly, events, { asOf })).states.balances;

// The loan streams and the member streams (the branch a loan is reported under), in log order.
async function* loanAndMemberEvents(store: EventStore<LedgerEvent>) {
  for await (const e of store.readAll()) {
    if (e.stream.startsWith('loan-') || e.stream.startsWith('member-')) yield e;
  }
}

/**
 * One member's balances as of the end of a date: her streams only, merged into log order and
 * folded with the balances fold and the replay's rule (events effective on or before `asOf`),
 * so her statement is the whole log's replay to that date, for any order of business dates.
 */
export const memberBalancesAsOf = (
  s: DatedBalancesSources, memberId: string, asOf: string,
): Promise<BalancesState> =>
  fold(streamsInLogOrder(s.store, streamsOf(memberId, s.members.get(memberId))), asOf);

/**
 * Every loan's balances as of the end of a date, with its borrower's branch: the loan and
 * member streams' events only, through the balances fold alone, with the replay's rule. They
 * are read from the log in one pass, not stream by stream: loans hold about a third of a log's
 * events, and reading those one line at a time costs more than one read of the whole log.
 */
export const loanBalancesAsOf = (s: DatedBalancesSources, asOf: string): Promise<BalancesState> =>
  fold(loanAndMemberEvents(s.store), asOf);
