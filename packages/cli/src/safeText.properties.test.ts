import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { longestShownLine, shownSafely } from './safeText.ts';
import { runCli } from './runCli.ts';

// Nothing a terminal or a bidi-aware reader acts on: controls, DEL, C1, reordering marks.
const acted = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

test('a line shown holds no character a terminal or a reader acts on, and reads back as given',
  () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (line) => {
      const shown = shownSafely(line);
      assert.not.match(shown, acted);
      // Each escape stands for one character: unescaped, the line is the one given.
      const back = shown.replace(/\\x([0-9a-f]{2})|\\u([0-9a-f]{4})/g,
        (_, x: string | undefined, u: string | undefined) =>
          String.fromCharCode(parseInt(x ?? u ?? '0', 16)));
      if (!/\\x[0-9a-f]{2}|\\u[0-9a-f]{4}/.test(line)) assert.is(back, line);
    }), { numRuns: 3000 });
  });

test('a line too long to read keeps its start and says its length', () => {
  const shown = shownSafely('x'.repeat(100_000));
  assert.is(shown, `${'x'.repeat(longestShownLine)}… (cut: 100000 characters in all)`);
  assert.is(shownSafely('x'.repeat(longestShownLine)), 'x'.repeat(longestShownLine));
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
