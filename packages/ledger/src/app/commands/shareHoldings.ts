import {
  financialYearDays, streamNameFor, type Holding, type MemberId, type MoneyString,
} from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import { comparePosition, type Position } from '../../eventStore/position.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { FactSource } from './factSource.ts';
import type { MemberIndex } from './memberIndex.ts';

type Change = Holding['changes'][number];

/**
 * Each member's share changes to the end of a financial year, from her share stream; with
 * `before`, as the log held them then (events at or after that position left out). `readFrom`
 * names each share stream read and the revision read up to.
 */
export const shareHoldings = async (
  f: { readonly store: EventStore<LedgerEvent>; readonly members: MemberIndex },
  financialYear: string,
  before?: Position,
): Promise<{
  holdings: ReadonlyArray<Holding>; faceValue: MoneyString | undefined;
  readFrom: ReadonlyArray<FactSource>;
}> => {
  // The year's days a date can name: 1899-00's end on 31 March 1900.
  const { end } = financialYearDays(financialYear);
  const holdings: Holding[] = [];
  const readFrom: FactSource[] = [];
  let faceValue: MoneyString | undefined;
  for (const m of f.members.members()) {
    if (!m.hasShares) continue;
    const changes = new Map<string, Change>();
    let memberId: MemberId | undefined;
    let revision: bigint | undefined;
    const stream = streamNameFor.shares(m.memberId);
    for await (const e of f.store.readStream(stream)) {
      if (before !== undefined && comparePosition(e.position, before) >= 0) break;
      revision = e.revision;
      if (e.type === 'SharesPurchased' || e.type === 'SharesRedeemed') {
        const d = e.data;
        memberId = d.memberId;
        faceValue = d.faceValue;
        const shares = e.type === 'SharesPurchased' ? d.shares : -d.shares;
        if (d.on <= end) changes.set(d.eventId, { on: d.on, shares });
      } else if (e.type === 'EventReversed') {
        // A reversed purchase or redemption never happened: it is left out, not netted.
        changes.delete(e.data.reversedEventId);
      }
    }
    readFrom.push({ stream, revision });
    if (memberId !== undefined && changes.size > 0) {
      holdings.push({ memberId, changes: [...changes.values()] });
    }
  }
  return { holdings, faceValue, readFrom };
};
