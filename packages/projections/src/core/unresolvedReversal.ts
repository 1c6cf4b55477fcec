/** An `EventReversed` handed to a projection directly, not through `combine`. */
export class UnresolvedReversalError extends Error {
  override readonly name = 'UnresolvedReversalError';
  constructor(readonly reversedEventId: string) {
    super(`EventReversed of ${reversedEventId} came without the posting it reverses: `
      + 'run projections through combine(), which resolves reversals');
  }
}

/**
 * An `EventReversed` naming an event that `combine`'s `reversible` said not to keep: the ids
 * given beforehand were not all the reversals' targets, so the replay cannot be exact. A
 * reader that chose them by a scan reads again keeping every money event.
 */
export class ReversibleIdsIncompleteError extends Error {
  override readonly name = 'ReversibleIdsIncompleteError';
  constructor(readonly reversedEventId: string) {
    super(`EventReversed of ${reversedEventId}, an event the reversible ids left out`);
  }
}
