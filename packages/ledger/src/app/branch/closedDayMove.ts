import { mapGet, minorOf, type BusinessDate, type TillMove } from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import type { StreamState } from '../commands/streamStates.ts';

/** Where to look for a movement the branch's state let go, and how far back. */
export interface ClosedDayMoveQuery {
  /** The account step's id the movement names. */
  readonly stepId: string;
  /**
   * Not before this date: the command's own date, for a command that is a movement's account
   * step (a process sends both with its request's date), so a command whose id names no
   * movement reads back only its own day. Undefined: as far back as the stream goes (a release
   * by hand may name a movement of any earlier day).
   */
  readonly notBefore?: BusinessDate;
}

// Events read back a page at a time: a store may walk a stream's whole span for one read, and
// the movement is usually among the last events.
const page = 64;

/**
 * A till movement of a closed day, read from the branch's stream backwards from the revision
 * its state is at: the decision that uses it is appended on that same revision, so what it
 * read is what the stream held. Undefined when none is found, or when the state may hold it (it
 * holds a movement of that id, or no day has closed: a close lets its day's movements go).
 * Released when a `TillCashReleased` naming it follows it. Costs the events read back: from
 * the stream's end to the movement, or to `notBefore` (a branch's events are in date order:
 * each is dated on or after the one before).
 */
export const closedDayMove = async (
  store: EventStore<LedgerEvent>, b: StreamState, q: ClosedDayMoveQuery,
): Promise<TillMove | undefined> => {
  const s = b.state.kind === 'branch' ? b.state.state : undefined;
  if (s === undefined || s.closedThrough === null || b.revision === undefined
    || mapGet(s.moves, q.stepId) !== undefined) return undefined;
  let released = false;
  for (let from = b.revision; from >= 0n; from -= BigInt(page)) {
    for await (const e of store.readStream(b.stream,
      { direction: 'backwards', fromRevision: from, maxCount: page })) {
      if (q.notBefore !== undefined && 'on' in e.data && e.data.on < q.notBefore) {
        return undefined;
      }
      if (e.type === 'TillCashReleased' && e.data.stepId === q.stepId) released = true;
      if (e.type === 'TillCashMoved' && e.data.stepId === q.stepId) {
        return { tillId: e.data.tillId, purpose: e.data.purpose,
          amountMinor: minorOf(e.data.amount), accountStream: e.data.accountStream, released };
      }
    }
  }
  return undefined;
};
