// What an append, delete or tombstone expects of its stream, as the wire's oneof says it.

/** The expected state of a stream before a write. */
export type ExpectedRevision =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'revision'; readonly revision: bigint };

/** The legacy number the server puts in `expected-version` trailers (-2 any, -1 none...). */
export const expectedVersionNumber = (expected: ExpectedRevision): bigint => {
  switch (expected.kind) {
    case 'any':
      return -2n;
    case 'no_stream':
      return -1n;
    case 'stream_exists':
      return -4n;
    case 'revision':
      return expected.revision;
  }
};

/** Whether a stream whose last revision is `current` (undefined: no stream) meets it. */
export const meetsExpected = (expected: ExpectedRevision, current: bigint | undefined) => {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    case 'revision':
      return current === expected.revision;
  }
};
