// The books' first entry, the fact a society's first close is held to (YearOrderFacts of the
// domain: its years close in order from its first, and the first may not be of a year after
// one whose books hold entries). The society's decider checks it, for every year-end command:
// the close process's steps and the same commands sent by hand alike.
import {
  financialYearDates, heldToBooksFirstEntry, type BusinessDate, type YearOrderFacts,
} from '@usha/domain';
import type { StreamState } from './streamStates.ts';

// The year's first day, or undefined for a label of no year the calendar holds (`9999-00`):
// the label's form is checked with the command, its year only by the decider.
const startOf = (financialYear: string): string | undefined => {
  try {
    return financialYearDates(financialYear).start;
  } catch {
    return undefined;
  }
};

/**
 * The facts of a year-end command: the date of the books' first entry, read from the books at
 * the log's head (`firstEntryOn`), but only where the decider may read it: a configured society
 * held to it (`heldToBooksFirstEntry`: no year closed, the year named without a year-end entry
 * of its own), a year the calendar holds. Elsewhere null, and the books are not read (a
 * society's later closes would else read them for nothing).
 */
export const yearOrderFacts = async (
  society: StreamState, financialYear: string, firstEntryOn: () => Promise<string | null>,
): Promise<YearOrderFacts> => {
  const none = { booksFirstEntryOn: null };
  const s = society.state;
  if (s.kind !== 'society' || !heldToBooksFirstEntry(s.state, financialYear)) return none;
  if (startOf(financialYear) === undefined) return none;
  // The head's books: a condition on them would be on the head position (as the net profit).
  return { booksFirstEntryOn: await firstEntryOn() as BusinessDate | null };
};
