// What the command prints of values it did not make (a file name, a flag's value, a stream
// name read from a log, a parser's message quoting a file's bytes) is shown, never obeyed: a
// control character or a bidirectional override would move the cursor, clear the screen,
// recolour the rest, or reorder what the reader sees. Each is written as an escape, and a line
// too long to read is cut, saying how long it was.

// Controls (C0, DEL, C1: tab and line feed included, a line is one line), format characters
// (the bidi marks, embeddings, overrides and isolates, the Arabic letter mark, zero-width
// joiners and the byte-order mark among them), the line and paragraph separators, and lone
// surrogate halves: by their Unicode classes, so none is left out.
const unsafe = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

/** The longest line shown whole, in characters; a longer one keeps its start and its length. */
export const longestShownLine = 2000;

const escapeOf = (c: string): string => {
  const code = c.codePointAt(0) ?? 0;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}`
    : code < 0x10000 ? `\\u${code.toString(16).padStart(4, '0')}`
      : `\\u{${code.toString(16)}}`;
};

/**
 * `line` as it can be shown on a terminal: unsafe characters escaped (`\x1b`, `\u202e`), and,
 * past `longestShownLine` characters, cut (never inside a character or an escape) with the
 * number of characters it had.
 * @example shownSafely('usha: \x1b[31mred: no such file') // 'usha: \\x1b[31mred: no such file'
 */
export const shownSafely = (line: string): string => {
  const chars = Array.from(line);
  const kept = chars.length <= longestShownLine ? line
    : chars.slice(0, longestShownLine).join('');
  const safe = kept.replace(unsafe, escapeOf);
  return kept === line ? safe : `${safe}… (cut: ${chars.length} characters in all)`;
};
