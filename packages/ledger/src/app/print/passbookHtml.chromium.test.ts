// Each printed page rendered in headless Chromium: the figures the browser shows are the text
// report's, one account to a printed page, and a screenshot is kept in .print/.
import { statSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { collectionSheetHtml, formatCollectionSheet } from '@usha/projections';
import { formatMemberPassbook } from '../reports/memberPassbook.ts';
import { chromiumTest, renderInChromium, textOf } from './headlessChromium.fixture.ts';
import { passbookHistory } from './passbookHistory.fixture.ts';

const bengaliDigits = '০১২৩৪৫৬৭৮৯';
const latin = (s: string) => s.replace(/[০-৯]/g, (d) => String(bengaliDigits.indexOf(d)));
// Every amount a page shows, in order: in the columns and inside the particulars.
const amounts = (text: string) => text.match(/\d[\d,]*\.\d{2}\b/g) ?? [];
const ungrouped = (xs: ReadonlyArray<string>) => xs.map((x) => x.replace(/,/g, ''));

const render = async (lang: 'bn' | 'en', paper: 'A4' | 'A5') => {
  const { ledger } = await passbookHistory();
  const report = formatMemberPassbook(await ledger.passbook('M1', { withName: true }));
  const html = await ledger.passbookHtml({ memberId: 'M1', lang, paper, withName: true });
  return { report, page: await renderInChromium(html, `passbook-${lang}-${paper}`) };
};
// Each launch of Chromium takes seconds: each page is rendered once, for every test of it.
const pages = new Map<string, ReturnType<typeof render>>();
const rendered = (lang: 'bn' | 'en', paper: 'A4' | 'A5') => {
  const key = `${lang}-${paper}`;
  const page = pages.get(key) ?? render(lang, paper);
  pages.set(key, page);
  return page;
};

chromiumTest('an English passbook shows the text report\'s amounts, exactly as it prints them',
  async () => {
    const { report, page } = await rendered('en', 'A4');
    const shown = amounts(textOf(page.dom));
    assert.equal(shown, amounts(report));
    assert.equal(shown, ['100.00', '100.00', '12,34,567.85', '12,34,567.85', '321.50',
      '12,34,246.35', '12,34,246.35', '30,000.00', '30,000.00', '2513.86', '486.14', '0.00',
      '0.00', '3,000.00', '27,486.14']);
  });

chromiumTest('a Bengali passbook shows the text report\'s amounts in Bengali digits', async () => {
  const { report, page } = await rendered('bn', 'A5');
  const text = textOf(page.dom);
  assert.not.match(text, /[0-9]\.[0-9]{2}/, 'an amount left in Latin digits');
  assert.equal(ungrouped(amounts(latin(text))), ungrouped(amounts(report)));
  assert.ok(text.includes('১২,৩৪,২৪৬.৩৫'), 'her savings balance, grouped in lakhs');
});

chromiumTest('each account prints on a page of its own, on A4 and on A5', async () => {
  for (const [lang, paper] of [['en', 'A4'], ['bn', 'A5']] as const) {
    const { page } = await rendered(lang, paper);
    assert.is(page.dom.match(/<section class="sheet">/g)?.length, 3);
    assert.is(page.pdfPages, 3, `${lang} on ${paper}`);
  }
});

chromiumTest('the page Chromium parsed holds no script and names her only as the directory does',
  async () => {
    const { page } = await rendered('en', 'A4');
    assert.not.match(page.dom, /<script|<img|<link|<iframe/i);
    assert.ok(textOf(page.dom).includes('Name\tAsha <Das>\t'));
    assert.ok(statSync(page.screenshotFile).size > 10_000, 'a screenshot to look at');
  });

chromiumTest('a Bengali collection sheet shows the text sheet\'s amounts, on one landscape page',
  async () => {
    const { ledger } = await passbookHistory();
    const sheet = await ledger.collectionSheet({ branchId: 'SONAGACHI', on: '2024-08-05' });
    const page = await renderInChromium(collectionSheetHtml(sheet, { lang: 'bn', paper: 'A4' }),
      'collection-sheet-bn-A4');
    const shown = amounts(latin(textOf(page.dom)));
    assert.equal(shown, amounts(formatCollectionSheet(sheet)));
    assert.equal(shown, ['27,486.14', '421.46', '27,907.60', '27,907.60', '27,907.60']);
    assert.is(page.pdfPages, 1);
  });

test.run();
