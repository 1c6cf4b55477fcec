// What any store accepts as a stream name, convention or not: printable, no leading `$`
// (EventStoreDB reserves it for system streams), at most 200 characters. The domain's names,
// `<aggregate>-<id>` with ids of at most 100 characters, all fit (see the domain's streams.ts).
const storablePattern = /^[^$\s\p{Cc}][^\s\p{Cc}]{0,199}$/u;

/** Whether a store accepts the name at all (the domain's naming convention is its own). */
export const isStorableStreamName = (stream: string): boolean => storablePattern.test(stream);
