/**
 * A thrown value's name for a message: an Error's `name` when it reads as a string, else
 * `Error`; for anything else, its type. Never throws itself: a revoked proxy, a prototype trap
 * or a `name` getter that throws is named by its type.
 */
export const thrownName = (e: unknown): string => {
  try {
    if (!(e instanceof Error)) return typeof e;
    const name: unknown = e.name;
    return typeof name === 'string' ? name : 'Error';
  } catch {
    return typeof e;
  }
};
