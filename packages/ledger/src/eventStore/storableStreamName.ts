// What any store accepts as a stream name, convention or not: printable, no leading `$`
// (EventStoreDB reserves it for system streams), at most 200 characters. The domain's names,
// `<aggregate>-<id>` with ids of at most 100 characters, all fit (see the domain's streams.ts).
const storablePattern = /^[^$\s\p{Cc}][^\s\p{Cc}]{0,199}$/u;

/**
 * Whether a store accepts the name at all (the domain's naming convention is its own). Only a
 * string is a name: a number, a String object or anything else a JavaScript caller passes is
 * not (the pattern alone would test what it turns into).
 */
export const isStorableStreamName = (stream: unknown): stream is string =>
  typeof stream === 'string' && storablePattern.test(stream);

// The longest name a refusal shows whole (a storable one is at most 200 characters).
const longestShown = 256;

/**
 * A stream name as an error quotes it: a string as it is (cut after 256 characters, its length
 * said), anything else by its kind only.
 */
export const quotedStreamName = (stream: unknown): string =>
  typeof stream === 'string' ? (stream.length <= longestShown ? stream
    : `${stream.slice(0, longestShown)}... (${stream.length.toLocaleString('en-US')} characters)`)
    : `(not a stream name: ${stream === null || stream === undefined ? String(stream)
      : `a ${typeof stream}`})`;
