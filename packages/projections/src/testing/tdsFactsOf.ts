// The TDS facts of an interest command, read from a simulated log as the Ledger reads them
// (ledger's tdsFactsOf.ts): the society's setting in force on the day and the member's interest
// credited earlier in that financial year on all her deposit accounts.
import {
  financialYearOf, minorOf, settingsOn, type BusinessDate, type SocietyState, type TdsFacts,
} from '@usha/domain';
import type { ProjectedEvent } from '../core/projectedEvent.ts';

// Interest credited to `memberId` dated from `from` to `to`: postings not reversed, and the
// interest of each maturity or early closing.
const creditedIn = (events: ReadonlyArray<ProjectedEvent>, memberId: string,
  from: string, to: string): bigint => {
  const credits = new Map<string, bigint>();
  const inYear = (on: string) => on >= from && on <= to;
  for (const e of events) {
    if (e.type === 'InterestPosted' && e.data.memberId === memberId && inYear(e.data.on)) {
      credits.set(e.data.eventId, minorOf(e.data.amount));
    } else if ((e.type === 'DepositMatured' || e.type === 'DepositClosedEarly')
      && e.data.memberId === memberId && inYear(e.data.on)) {
      credits.set(`${e.type} ${e.data.accountId}`, minorOf(e.data.interest));
    } else if (e.type === 'EventReversed') credits.delete(e.data.reversedEventId);
  }
  return [...credits.values()].reduce((a, b) => a + b, 0n);
};

/**
 * The TDS facts for her command dated `on`, when the society's setting then deducts it; none
 * with TDS off or no society. No member here has filed a Form 15G/15H.
 */
export const tdsFactsOf = (
  events: ReadonlyArray<ProjectedEvent>, society: SocietyState | undefined, memberId: string,
  on: BusinessDate,
): TdsFacts | undefined => {
  if (society?.status !== 'configured') return undefined;
  const settings = settingsOn(society.settings, on)?.tds;
  if (settings === undefined || !settings.enabled) return undefined;
  const fy = financialYearOf(on);
  return { settings, exempt: false,
    interestEarlierInYearMinor: creditedIn(events, memberId, fy.start, on) };
};
