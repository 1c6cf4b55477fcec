/** Array index to start a stream read at, from a revision (past the end: -1 or last+1). */
export const clampRevision = (from: bigint, last: number, backwards: boolean): number => {
  if (from > BigInt(last)) return backwards ? last : last + 1;
  return Number(from);
};
