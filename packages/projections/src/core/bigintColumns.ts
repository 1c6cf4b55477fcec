/** A typed column of bigints as decimal strings, for checkpoints. */
export const bigintsToJson = (a: BigInt64Array): string[] => [...a].map(String);
/** A typed column of bigints from decimal strings. */
export const bigintsFromJson = (a: ReadonlyArray<string>): BigInt64Array =>
  BigInt64Array.from(a.map((s) => BigInt(s)));
