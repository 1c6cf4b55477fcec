// What the command prints of values it did not make (a file name, a flag's value, a stream
// name read from a log, a parser's message quoting a file's bytes) is shown, never obeyed: a
// control character or a bidirectional override would move the cursor, clear the screen,
// recolour the rest, or reorder what the reader sees. Each is written as an escape, and a line
// too long to read is cut, saying how long it was.

// C0 and C1 controls (tab and line feed included: a line is one line), DEL, and the
// characters that reorder text (bidi embeddings, overrides and isolates, the line and
// paragraph separators, the zero-width marks).
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** The longest line shown whole; a longer one keeps its start and says how long it was. */
export const longestShownLine = 2000;

const escapeOf = (c: string): string => {
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
};

/**
 * `line` as it can be shown on a terminal: unsafe characters escaped (`\x1b`, `\u202e`), and
 * cut after `longestShownLine` characters with the length it had.
 * @example shownSafely('usha: \x1b[31mred: no such file') // 'usha: \\x1b[31mred: no such file'
 */
export const shownSafely = (line: string): string => {
  const safe = line.replace(unsafe, escapeOf);
  return safe.length <= longestShownLine ? safe
    : `${safe.slice(0, longestShownLine)}… (cut: ${safe.length} characters in all)`;
};
