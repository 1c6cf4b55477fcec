import { positionToString } from '@usha/ledger';
import type { ReportCommand } from './cliCommand.ts';
import type { ReadSeen } from './observedStore.ts';

/** A report that would mislead, refused with what exists instead; exit 1, nothing printed. */
export class ReportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportRefusedError';
  }
}

const sourceName = (c: ReportCommand) =>
  (c.source.kind === 'file' ? c.source.file : 'the EventStoreDB database');

const nearest = (seen: ReadSeen): string => {
  const around = [
    seen.before === undefined ? undefined : `${positionToString(seen.before)} before it`,
    seen.after === undefined ? undefined : `${positionToString(seen.after)} after it`,
  ].filter((x) => x !== undefined);
  return around.length === 0 ? '' : `; the nearest events are at ${around.join(' and ')}`;
};

/**
 * Why a report read from the log would mislead rather than inform, or undefined when it
 * stands: a log with no event, a `--known-at` at no event's position (a mistyped position
 * would silently cut the history), an `--as-of` before anything the log knows.
 * @example readProblem(c, seen) // '--as-of 2024-01-01 is before the log's first event, ...'
 */
export const readProblem = (c: ReportCommand, seen: ReadSeen): string | undefined => {
  if (seen.events === 0) return `${sourceName(c)} holds no event: no report to make`;
  if (c.knownAt !== undefined && !seen.knownAtFound) {
    return `--known-at ${c.knownAt} is no event's position in ${sourceName(c)}${nearest(seen)}`;
  }
  const first = seen.firstEffectiveOn;
  if (c.asOf !== undefined && first !== undefined && c.asOf < first) {
    return `--as-of ${c.asOf} is before the log's first event, effective ${first}`
      + (c.knownAt === undefined ? '' : ` (as known at ${c.knownAt})`);
  }
  return undefined;
};

/**
 * Why a passbook would be empty: no such member in the log, or no such account of hers
 * (naming the ones she has); undefined when there are pages to print.
 */
export const passbookProblem = (
  memberId: string, accountId: string | undefined, hers: ReadonlyArray<string>,
): string | undefined => {
  if (hers.length === 0) return `passbook: member ${memberId} has no account in the log`;
  if (accountId === undefined || hers.includes(accountId)) return undefined;
  return `passbook: member ${memberId} has no account ${accountId}; hers: ${hers.join(', ')}`;
};
