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

/**
 * A thrown value's own words: an Error's `message` when it reads as a string, a thrown string
 * itself, else what `thrownName` says. Never throws itself.
 */
export const thrownMessage = (e: unknown): string => {
  try {
    if (typeof e === 'string') return e;
    if (!(e instanceof Error)) return typeof e;
    const message: unknown = e.message;
    return typeof message === 'string' ? message : thrownName(e);
  } catch {
    return typeof e;
  }
};
