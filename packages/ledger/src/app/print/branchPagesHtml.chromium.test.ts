// The collection sheet and the day-end cash page, as the Ledger prints them, rendered in
// headless Chromium: the figures the browser shows are the text reports', each on one page.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatCollectionSheet } from '@usha/projections';
import { branchDay } from './branchDay.fixture.ts';
import { chromiumTest, renderInChromium, textOf } from './headlessChromium.fixture.ts';
import { passbookHistory } from './passbookHistory.fixture.ts';

const bengaliDigits = '০১২৩৪৫৬৭৮৯';
const latin = (s: string) => s.replace(/[০-৯]/g, (d) => String(bengaliDigits.indexOf(d)));
const amounts = (text: string) => text.match(/\d[\d,]*\.\d{2}\b/g) ?? [];

chromiumTest('ledger.collectionSheetHtml in Bengali shows the text sheet\'s amounts, on one page',
  async () => {
    const { ledger } = await passbookHistory();
    const at = { branchId: 'SONAGACHI', on: '2024-08-05' };
    const html = await ledger.collectionSheetHtml({ ...at, lang: 'bn' });
    const page = await renderInChromium(html, 'ledger-collection-sheet-bn-A4');
    const text = textOf(page.dom);
    assert.not.match(text, /[0-9]\.[0-9]{2}/, 'an amount left in Latin digits');
    const shown = amounts(latin(text));
    assert.equal(shown, amounts(formatCollectionSheet(await ledger.collectionSheet(at))));
    assert.equal(shown, ['27,486.14', '421.46', '27,907.60', '27,907.60', '27,907.60']);
    assert.is(page.pdfPages, 1);
  });

chromiumTest('ledger.dayCashHtml in English shows the text report\'s figures, on one page',
  async () => {
    const { ledger } = await branchDay();
    const at = { branchId: 'SONAGACHI', on: '2024-04-02' };
    const page = await renderInChromium(await ledger.dayCashHtml({ ...at, lang: 'en' }),
      'ledger-day-cash-en-A4');
    const text = textOf(page.dom);
    // The page prints the vault above the tills; the text report below them.
    const [tills = '', vault = ''] = (await ledger.dayCashReport(at)).split('\nvault ');
    assert.equal(amounts(text), [...amounts(vault), ...amounts(tills)]);
    assert.ok(text.includes('T1\t0.00\t50,000.00\t5,500.00\t1,200.00\t54,250.00\t54,300.00\t'
      + '54,250.00\tshort 50.00\t0.00\t'));
    assert.is(page.pdfPages, 1);
  });

test.run();
