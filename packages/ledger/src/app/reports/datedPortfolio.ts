import { businessDate, toEpochDay } from '@usha/domain';
import {
  balancesProjection, combine, comparePositions, loanDelinquency, parReportOf, replayAsync,
  type BalancesState, type LogPosition, type LoanDelinquency, type ParReport, type StreamSpans,
} from '@usha/projections';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { streamsInLogOrder } from './streamsInLogOrder.ts';

/** What the portfolio of a past date reads: the live report state's parts, and the store. */
export interface DatedPortfolioSources {
  readonly store: EventStore<LedgerEvent>;
  /** The live balances and spans, both folded over the same events (one combined state). */
  readonly balances: BalancesState;
  readonly spans: StreamSpans;
  /** The position of the last event in them: a stream is read up to it, no further. */
  readonly knownAt: LogPosition | null;
}

// The balances fold with the reversal index it needs (an EventReversed names an event of its
// own stream), as the whole log's replay runs it.
const balancesOnly = combine({ balances: balancesProjection() });

// Ids as the live state holds them (not yet branded ids): named as streams.ts names them.
const loanStream = (loanId: string) => `loan-${loanId}`;
const memberStream = (memberId: string) => `member-${memberId}`;

type Where = 'absent' | 'now' | 'straddles';

// A stream as of `day`: none of its events yet, all of them (the live state is its state on
// that date), or some (it must be folded again).
const where = (s: StreamSpans, stream: string, day: string): Where => {
  const span = s.spans.get(stream);
  if (span === undefined || span.firstOn > day) return 'absent';
  return span.lastOn <= day ? 'now' : 'straddles';
};

// A loan's line, where its first event on or before the date sits, and, when its borrower's
// branch on that date is still to be folded, whose.
interface Line {
  first: LogPosition;
  line: LoanDelinquency | undefined;
  readonly branchOf?: string;
  readonly reread?: string;
}

/**
 * The PAR report as of the end of `asOf`, exactly the whole log's replay to that date (as known
 * at `knownAt`), from the live state and the streams that straddle the date. A loan's balances
 * are folded from its own stream, and its borrower's branch from hers (admission, transfers): a
 * stream whose events all fall on or before the date is, on that date, what the live state
 * holds; one whose events all fall after it is absent; only the others are read (merged into
 * log order and folded with the replay's rule). Everything taken from the live state is taken
 * before the first read, as the runner goes on updating it. Lines come in the replay's order:
 * by the position of each loan's first event on or before the date. Undefined when the spans
 * cannot be trusted (events without stream or position): replay the whole log then.
 */
export const portfolioAsOf = async (
  s: DatedPortfolioSources, asOf: string,
): Promise<ParReport | undefined> => {
  if (!s.spans.complete || s.knownAt === null) return undefined;
  const knownAt = s.knownAt;
  const day = toEpochDay(businessDate(asOf, 'asOf'));
  // Taken from the live state before the first read, once a member: the runner changes it in
  // place while the reads are awaited (a transfer applied then must not move a loan's branch).
  const taken = new Map<string, string | null | undefined>();
  const liveBranch = (memberId: string): string | null | undefined => {
    if (taken.has(memberId)) return taken.get(memberId);
    const w = where(s.spans, memberStream(memberId), asOf);
    const b = w === 'straddles' ? undefined
      : w === 'absent' ? null : s.balances.members.get(memberId)?.branchId ?? null;
    taken.set(memberId, b);
    return b;
  };
  const lines: Line[] = [];
  const reread = new Set<string>();
  for (const l of s.balances.loans.values()) {
    const stream = loanStream(l.loanId);
    const w = where(s.spans, stream, asOf);
    const first = s.spans.spans.get(stream)?.first;
    if (w === 'absent' || first === undefined) continue;
    if (w === 'straddles') {
      // Her branch comes with her loan's fold: her stream is read beside it if it straddles.
      reread.add(stream);
      if (liveBranch(l.memberId) === undefined) reread.add(memberStream(l.memberId));
      lines.push({ first, line: undefined, reread: l.loanId });
      continue;
    }
    const branch = liveBranch(l.memberId);
    const line = loanDelinquency(s.balances.schedules, l, day, branch ?? null);
    if (line === undefined) continue;
    if (branch === undefined) reread.add(memberStream(l.memberId));
    lines.push({ first, line, ...(branch === undefined ? { branchOf: l.memberId } : {}) });
  }
  const firsts = new Map<string, LogPosition>();
  async function* selected() {
    for await (const e of streamsInLogOrder(s.store, reread)) {
      if (comparePositions(e.position, knownAt) > 0) continue;
      if (e.metadata.effectiveOn > asOf) continue;
      if (!firsts.has(e.stream)) firsts.set(e.stream, e.position);
      yield e;
    }
  }
  const folded = (await replayAsync(balancesOnly, selected())).states.balances;
  // Every member a line needs was taken above, before the first await.
  const branchOf = (memberId: string): string | null =>
    taken.get(memberId) ?? folded.members.get(memberId)?.branchId ?? null;
  for (const x of lines) {
    if (x.branchOf !== undefined && x.line !== undefined) {
      x.line = { ...x.line, branchId: branchOf(x.branchOf) };
    }
    if (x.reread === undefined) continue;
    const l = folded.loans.get(x.reread);
    const first = firsts.get(loanStream(x.reread));
    if (l === undefined || first === undefined) continue;
    x.first = first;
    x.line = loanDelinquency(folded.schedules, l, day, branchOf(l.memberId));
  }
  const kept = lines.flatMap((x) => (x.line === undefined ? [] : [{ ...x, line: x.line }]));
  kept.sort((a, b) => comparePositions(a.first, b.first));
  return parReportOf(kept.map((x) => x.line), asOf);
};
