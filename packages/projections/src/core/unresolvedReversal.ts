/** An `EventReversed` handed to a projection directly, not through `combine`. */
export class UnresolvedReversalError extends Error {
  override readonly name = 'UnresolvedReversalError';
  constructor(readonly reversedEventId: string) {
    super(`EventReversed of ${reversedEventId} came without the posting it reverses: `
      + 'run projections through combine(), which resolves reversals');
  }
}
