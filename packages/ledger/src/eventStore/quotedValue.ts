// The longest text a refusal quotes whole: a longer one is cut there, its length said, so that
// a refusal of a huge value stays a line (the value is the caller's, not the error's).
const longest = 120;

/** A text as a refusal quotes it: in JSON quotes, cut after 120 characters, its length said. */
export const quotedText = (s: string): string => s.length <= longest ? JSON.stringify(s)
  : `${JSON.stringify(s.slice(0, longest))}... (${s.length.toLocaleString('en-US')} characters)`;

// Array.isArray throws on a revoked proxy: the one object it cannot ask about.
const kindOf = (v: object): string => {
  try {
    return Array.isArray(v) ? 'a list' : 'a record';
  } catch {
    return 'a revoked proxy';
  }
};

/**
 * A value as a refusal quotes it: a primitive as it is (a string in JSON quotes, cut when long),
 * anything else by its kind only, so that nothing of the caller's runs (no `toString`, no
 * getter) and the quoting cannot itself throw.
 */
export const quotedValue = (v: unknown): string =>
  typeof v === 'object' && v !== null ? kindOf(v)
    : typeof v === 'function' ? 'a function'
      : typeof v === 'string' ? quotedText(v) : String(v);
