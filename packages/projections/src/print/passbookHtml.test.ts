import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { passbookHtml } from './passbookHtml.ts';
import { twoPagePassbook } from './passbookHtml.fixture.ts';

const cellsOf = (html: string): string[] =>
  [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1] ?? '');

test('a Bengali passbook prints its labels, dates and figures in Bengali', () => {
  const html = passbookHtml(twoPagePassbook, { lang: 'bn', paper: 'A5' });
  assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="bn">'));
  assert.ok(html.includes('@page { size: A5 portrait;'));
  assert.ok(html.includes('<h2>সঞ্চয় হিসাব SB-7</h2>'));
  assert.equal(cellsOf(html).slice(0, 5),
    ['০২/০৪/২০২৫', 'নগদ জমা', '', '১,২৩,৪৬,০০০.০০', '১,২৩,৪৬,০০০.০০']);
  assert.equal(cellsOf(html).slice(15, 20), ['০৫/০৫/২০২৫',
    'কিস্তি পরিশোধ: আসল ১২,০০০.০০, সুদ ৩০০.০০, জরিমানা ০.০০, ফি ০.০০', '', '১২,৩০০.০০',
    '২,৮৮,০০০.০০']);
});

test('an English passbook prints one sheet per account, the loan with debit and credit', () => {
  const html = passbookHtml(twoPagePassbook, { lang: 'en', paper: 'A4' });
  assert.is(html.match(/<section class="sheet">/g)?.length, 2);
  assert.ok(html.includes('<th class="num">Debit</th><th class="num">Credit</th>'));
  assert.equal(cellsOf(html).slice(5, 10),
    ['10/05/2025', 'To cash', '321.50', '', '1,23,45,678.50']);
});

test('a page holds no script, no link and no external resource', () => {
  const html = passbookHtml(twoPagePassbook, { lang: 'en', paper: 'A4' });
  assert.not.match(html, /<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
  assert.match(html, /content="default-src 'none'; style-src 'unsafe-inline'"/);
});

test('every text is escaped: a name or particulars with markup print as text', () => {
  const hostile = { ...twoPagePassbook, memberId: 'M<script>',
    pages: [{ ...twoPagePassbook.pages[0]!, lines: [{ ...twoPagePassbook.pages[0]!.lines[0]!,
      particulars: '<img src=x onerror=alert(1)>' }] }] };
  const html = passbookHtml(hostile, { lang: 'en', paper: 'A4', holderName: 'A "B" & <C>' });
  assert.not.match(html, /<script|<img/);
  assert.ok(html.includes('<dd>A &quot;B&quot; &amp; &lt;C&gt;</dd>'));
  assert.ok(html.includes('<td>&lt;img src=x onerror=alert(1)&gt;</td>'));
});

test('her name prints only when given', () => {
  const en = { lang: 'en', paper: 'A4' } as const;
  assert.not.match(passbookHtml(twoPagePassbook, en), /<dt>Name<\/dt>/);
  assert.match(passbookHtml(twoPagePassbook, { ...en, holderName: 'Asha' }),
    /<dt>Name<\/dt><dd>Asha<\/dd>/);
});

test('an account with no lines says so instead of an empty table', () => {
  const empty = { ...twoPagePassbook, pages: [{ accountId: 'SH-7', kind: 'shares' as const,
    balance: 0n, lines: [] }] };
  const html = passbookHtml(empty, { lang: 'bn', paper: 'A5' });
  assert.ok(html.includes('<p>এখনও কোনো লেনদেন নেই।</p>'));
  assert.not.match(html, /<table>/);
});

test.run();
