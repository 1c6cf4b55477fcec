import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { longestShownLine, shownSafely } from './safeText.ts';
import { runCli } from './runCli.ts';

// Nothing a terminal or a bidi-aware reader acts on, by Unicode's classes (not a copy of the
// implementation's list): controls, format characters (every bidi control among them), the
// line and paragraph separators, lone surrogates.
const acted = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Bidi_Control}]/u;

test('a line shown holds no character a terminal or a reader acts on, and reads back as given',
  () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (line) => {
      const shown = shownSafely(line);
      assert.not.match(shown, acted);
      // Each escape stands for one character: unescaped, the line is the one given.
      const back = shown.replace(/\\x([0-9a-f]{2})|\\u([0-9a-f]{4})|\\u\{([0-9a-f]+)\}/g,
        (_, x: string | undefined, u: string | undefined, b: string | undefined) =>
          String.fromCodePoint(parseInt(x ?? u ?? b ?? '0', 16)));
      if (!/\\x[0-9a-f]{2}|\\u[0-9a-f{]/.test(line)) assert.is(back, line);
    }), { numRuns: 3000 });
  });

test('a line too long to read keeps its start and says its length', () => {
  const shown = shownSafely('x'.repeat(100_000));
  assert.is(shown, `${'x'.repeat(longestShownLine)}… (cut: 100000 characters in all)`);
  assert.is(shownSafely('x'.repeat(longestShownLine)), 'x'.repeat(longestShownLine));
  // Cut by characters before escaping: never inside an escape or a surrogate pair, and the
  // length is the line's, not its escaped form's.
  assert.is(shownSafely(`${'x'.repeat(longestShownLine - 1)}\u001b${'y'.repeat(100)}`),
    `${'x'.repeat(longestShownLine - 1)}\\x1b… (cut: 2100 characters in all)`);
  assert.is(shownSafely(`${'x'.repeat(longestShownLine - 1)}😀😀`),
    `${'x'.repeat(longestShownLine - 1)}😀… (cut: 2001 characters in all)`);
  assert.is(shownSafely('\u001b'.repeat(700)), '\\x1b'.repeat(700));
  // The Arabic letter mark and a tag character are format characters: escaped.
  assert.is(shownSafely('a\u061cb\u{e0041}'), 'a\\u061cb\\u{e0041}');
});

test('usha says a hostile file name, escapes and all, on one line it does not obey', async () => {
  const err: string[] = [];
  const code = await runCli(['verify', '\u001b[2J\u001b[31mred\u202e\r\nfake'],
    { out: () => undefined, err: (l) => err.push(l) });
  assert.is(code, 1);
  assert.equal(err, ['usha: \\x1b[2J\\x1b[31mred\\u202e\\x0d\\x0afake: no such file']);
});

test('a field officer is a staff id: a value a terminal would act on never reaches the sheet',
  async () => {
    const err: string[] = [];
    const code = await runCli(['report', 'collection-sheet', 'x.ndjson', '--branch', 'SONAGACHI',
      '--as-of', '2025-01-01', '--officer', '\u001b[31mRED'],
    { out: () => undefined, err: (l) => err.push(l) });
    assert.is(code, 2);
    assert.equal(err, ['usha: --officer: not a valid value: "\\u001b[31mRED": expected a staff '
      + 'id as the log holds it (letters, digits, _ . : -; at most 100)',
    'Run \'usha help\' for the commands.']);
  });

test.run();
