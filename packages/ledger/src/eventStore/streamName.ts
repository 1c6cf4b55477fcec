import { left, right, type Either } from 'fp-ts/lib/Either.js';

/**
 * The aggregates and the category each one's streams carry. A stream is named
 * `<category>-<id>`, e.g. `loan-7f3c…`; the category ends at the first `-`, as EventStoreDB's
 * by-category projection reads it, so ids may contain dashes.
 */
export const streamCategories = ['member', 'shares', 'deposit', 'loan', 'society'] as const;
export type StreamCategory = (typeof streamCategories)[number];

const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/**
 * Names the stream of one aggregate instance.
 * @example streamName('loan', '0190a3c2-7e1b-7000-8000-000000000001') // 'loan-0190a3c2-…'
 */
export const streamName = (category: StreamCategory, id: string): string => {
  if (!idPattern.test(id)) throw new RangeError(`not a valid aggregate id: ${JSON.stringify(id)}`);
  return `${category}-${id}`;
};

const isCategory = (s: string): s is StreamCategory => streamCategories.some((c) => c === s);

/** Splits a stream name into its category and id. */
export const parseStreamName = (
  stream: string,
): Either<string, { readonly category: StreamCategory; readonly id: string }> => {
  const dash = stream.indexOf('-');
  const category = dash < 0 ? '' : stream.slice(0, dash);
  const id = stream.slice(dash + 1);
  if (!isCategory(category)) return left(`unknown stream category in ${JSON.stringify(stream)}`);
  if (!idPattern.test(id)) return left(`bad aggregate id in ${JSON.stringify(stream)}`);
  return right({ category, id });
};

// What any store accepts as a stream name, convention or not: printable, no leading `$`
// (EventStoreDB reserves it for system streams), at most 200 characters.
const storablePattern = /^[^$\s\p{Cc}][^\s\p{Cc}]{0,199}$/u;

/** Whether a store accepts the name at all (the convention above is checked by the app). */
export const isStorableStreamName = (stream: string): boolean => storablePattern.test(stream);
