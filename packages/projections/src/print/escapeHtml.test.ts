import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeHtml } from './escapeHtml.ts';

test('markup and quotes become entities', () => {
  assert.is(escapeHtml(`<a href="x" title='y'>R&D</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R&amp;D&lt;/a&gt;');
});

test('escaped text holds no character that opens markup or ends a quote', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => !/[<>"']/.test(escapeHtml(s))));
});

test('escaped text reads back as the text', () => {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => unescape(escapeHtml(s)) === s));
});

test.run();
