/**
 * A value as a refusal quotes it: a primitive as it is (a string in JSON quotes), anything else
 * by its kind only, so that nothing of the caller's runs (no `toString`, no getter) and the
 * quoting cannot itself throw.
 */
export const quotedValue = (v: unknown): string =>
  typeof v === 'object' && v !== null ? `a ${Array.isArray(v) ? 'list' : 'record'}`
    : typeof v === 'function' ? 'a function'
      : typeof v === 'string' ? JSON.stringify(v) : String(v);
