// The recorded time a log line keeps: an instant as `Date.prototype.toISOString` writes it for
// the years 0000 to 9999 (`2025-04-01T05:30:00.000Z`). Outside them it writes a six-digit year
// with a sign, which no line may hold; inside them, a text of that pattern names an instant only
// if writing that instant gives the same text back (`2025-02-30` would read as 2 March).

/** The first and last milliseconds a line's recorded time can name. */
export const firstStorableMs = Date.parse('0000-01-01T00:00:00.000Z');
export const lastStorableMs = Date.parse('9999-12-31T23:59:59.999Z');

/** Whether a time (milliseconds since 1970) can be kept as a line's recorded time. */
export const isStorableMs = (ms: number): boolean =>
  Number.isInteger(ms) && ms >= firstStorableMs && ms <= lastStorableMs;

const pattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The milliseconds `text` names, if it is an instant in the stored form; else undefined. */
export const storedInstantMs = (text: string): number | undefined => {
  if (!pattern.test(text)) return undefined;
  const ms = Date.parse(text);
  return isStorableMs(ms) && new Date(ms).toISOString() === text ? ms : undefined;
};
