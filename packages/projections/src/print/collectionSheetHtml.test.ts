import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { balancesProjection } from '../balances/projection.ts';
import { combine } from '../combine.ts';
import { replay } from '../replay.ts';
import { collectionSheet } from '../reports/collectionSheet.ts';
import { collectionHistory } from '../reports/collectionSheet.fixture.ts';
import { collectionSheetFactsProjection } from '../reports/collectionSheetFacts.ts';
import { formatCollectionSheet } from '../reports/collectionSheetFormat.ts';
import { collectionSheetHtml } from './collectionSheetHtml.ts';

const on = '2024-08-10';
const s = replay(combine({ balances: balancesProjection(),
  facts: collectionSheetFactsProjection() }), collectionHistory().events, { asOf: on }).states;
const sheet = collectionSheet(s.balances, s.facts, { branchId: 'SONAGACHI', on });
const amounts = (text: string) => text.match(/\d[\d,]*\.\d{2}\b/g) ?? [];
const cells = (html: string) => [...html.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)]
  .map((m) => m[1] ?? '');

test('the English sheet shows the text sheet\'s amounts, row by row, then the total', () => {
  const html = collectionSheetHtml(sheet, { lang: 'en', paper: 'A4' });
  assert.equal(amounts(cells(html).join(' ')), amounts(formatCollectionSheet(sheet)));
  assert.equal(amounts(cells(html).join(' ')), ['3,959.88', '181.28', '50.00', '4,141.16',
    '4,191.16', '1,500.00', '1,000.00', '1,500.00', '5,691.16']);
  assert.ok(html.includes('@page { size: A4 landscape;'));
  assert.ok(html.includes(`<tfoot><tr><th>Total</th><th>${sheet.lines.length} accounts</th>`));
});

test('the Bengali sheet prints its total in Bengali digits, grouped in lakhs', () => {
  const html = collectionSheetHtml(sheet, { lang: 'bn', paper: 'A5' });
  const total = cells(html).at(-1) ?? '';
  const digits = '০১২৩৪৫৬৭৮৯';
  assert.is(total.replace(/[০-৯]/g, (d) => String(digits.indexOf(d))).replace(/,/g, ''),
    `${sheet.total / 100n}.${String(sheet.total % 100n).padStart(2, '0')}`);
  assert.is(total, '৫,৬৯১.১৬');
  assert.ok(html.includes('<th>মোট</th><th>২টি হিসাব</th>'));
  assert.ok(html.includes('<dt>তারিখ</dt><dd>১০/০৮/২০২৪</dd>'));
});

test.run();
