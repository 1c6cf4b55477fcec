// The society's years close in order from its first, and its first close may be of any year it
// has books for, but not of a year after one whose books hold entries: that year would never
// close, its income and expenses left in the books for good. The society's stream does not know
// the books, so its decider cannot hold a first close to this; the Ledger does, for every
// year-end command (the close process's steps and the same commands sent by hand alike), from
// the books' first entry, once the society's own checks pass: its refusals come first, in the
// order its decider makes them, but for a close's `year_end_entries_missing`, which a close
// process records next (its entries are recorded after this check, by the process).
import * as E from 'fp-ts/lib/Either.js';
import {
  financialYearDates, financialYearOf, yearInProgress, type BusinessDate, type Command,
} from '@usha/domain';
import type { AggregateDecider } from './aggregateDecider.ts';
import type { FillFacts } from './fetchFacts.ts';
import type { LedgerRejection } from './outcome.ts';
import type { StreamState } from './streamStates.ts';

// The commands that begin, make the entries of, or close a year: each names its year.
type YearEndCommand = Extract<Command, { readonly type: 'BeginYearClose'
  | 'RecordYearEndAccruals' | 'SetLoanLossProvision' | 'CloseFinancialYear' }>;
const yearEndTypes: ReadonlySet<string> = new Set<YearEndCommand['type']>(
  ['BeginYearClose', 'RecordYearEndAccruals', 'SetLoanLossProvision', 'CloseFinancialYear']);
const isYearEnd = (c: Command): c is YearEndCommand => yearEndTypes.has(c.type);

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
 * Why the society's first close may not be of `financialYear` (`year_not_next`, `expected`
 * the year of the books' first entry), or undefined: a society with a year closed already (its
 * decider holds the order from there), none configured (its decider refuses), the year's close
 * already under way, or books with no entry before the year.
 */
export const firstCloseSkipsAYear = async (
  society: StreamState, financialYear: string, firstEntryOn: () => Promise<string | null>,
): Promise<LedgerRejection | undefined> => {
  const s = society.state;
  if (s.kind !== 'society' || s.state.status !== 'configured') return undefined;
  if (Object.keys(s.state.years).length > 0) return undefined;
  // A year whose close has begun, or with an entry of its own, goes on: the rule is for the
  // start of a first close. (An entry dated before it stored since, or a log of an earlier
  // version, whose commands sent by hand were not held to the rule, would else leave no year
  // that could close.)
  if (s.state.closing === financialYear || yearInProgress(s.state) === financialYear) {
    return undefined;
  }
  const start = startOf(financialYear);
  if (start === undefined) return undefined; // no year of the calendar: its decider says so
  const first = await firstEntryOn();
  if (first === null || first >= start) return undefined;
  return { type: 'year_not_next', financialYear,
    expected: financialYearOf(first as BusinessDate).label };
};

/**
 * Holds the year-end commands to the first close's rule once their facts are read and the
 * society's decider takes them (or a close waits only for its year-end entries, which a close
 * process records next); any other command goes on to `inner` as it is, reading nothing more.
 */
export const inYearOrder = (
  decider: AggregateDecider, firstEntryOn: () => Promise<string | null>, inner: FillFacts,
): FillFacts => (c, target) => {
  if (!isYearEnd(c)) return inner(c, target);
  return Promise.resolve(inner(c, target)).then(async (filled) => {
    if (E.isLeft(filled)) return filled;
    const decided = decider.decide(filled.right, target.state);
    if (E.isLeft(decided) && decided.left.type !== 'year_end_entries_missing') return filled;
    const skipped = await firstCloseSkipsAYear(target, c.data.financialYear, firstEntryOn);
    return skipped === undefined ? filled : E.left(skipped);
  });
};
