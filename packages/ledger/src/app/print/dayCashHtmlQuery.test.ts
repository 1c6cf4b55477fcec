import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { branchDay } from './branchDay.fixture.ts';
import { dayCashMessagesIn } from './dayCashMessages.ts';
import { PrintRequestError } from './passbookHtmlRequest.ts';

const at = { branchId: 'SONAGACHI', on: '2024-04-02' };
const amounts = (text: string) => text.match(/\d[\d,]*\.\d{2}\b/g) ?? [];
const digits = '০১২৩৪৫৬৭৮৯';
const latin = (s: string) => s.replace(/[০-৯]/g, (d) => String(digits.indexOf(d)));
// The page's parts: the labelled fields (branch, day, the vault) and the till table's cells.
const fields = (html: string) => [...html.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => m[1] ?? '');
const tds = (html: string) => [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)]
  .map((m) => m[1] ?? '');
// The text report's parts: its till table, then its vault table.
const textParts = (text: string) => {
  const [tills = '', vault = ''] = text.split('\nvault ');
  return { tills: amounts(tills), vault: amounts(vault) };
};

test('the English page shows the text report\'s tills and vault, figure for figure',
  async () => {
    const { ledger } = await branchDay();
    const html = await ledger.dayCashHtml({ ...at, lang: 'en' });
    const text = textParts(await ledger.dayCashReport(at));
    assert.equal(amounts(tds(html).join(' ')), text.tills);
    assert.equal(amounts(fields(html).join(' ')), text.vault);
    assert.equal(tds(html), ['T1', '0.00', '50,000.00', '5,500.00', '1,200.00', '54,250.00',
      '54,300.00', '54,250.00', 'short 50.00', '0.00']);
    assert.equal(fields(html).slice(0, 3), ['SONAGACHI', '02/04/2024', 'closed']);
    assert.equal(text.vault, ['2,00,000.00', '0.00', '50,000.00', '54,250.00', '0.00', '0.00',
      '2,04,250.00']);
    assert.ok(html.includes('@page { size: A4 landscape;'));
  });

test('the Bengali page on A5 says the shortage in Bengali, in Bengali digits', async () => {
  const { ledger } = await branchDay();
  const html = await ledger.dayCashHtml({ ...at, lang: 'bn', paper: 'A5' });
  assert.ok(html.includes('@page { size: A5 landscape;'));
  assert.ok(tds(html).includes('৫০.০০ কম'));
  assert.equal(fields(html).slice(0, 3), ['SONAGACHI', '০২/০৪/২০২৪', 'বন্ধ']);
  assert.is(fields(html).at(-1), '২,০৪,২৫০.০০');
  assert.equal(amounts(latin(tds(html).join(' '))),
    textParts(await ledger.dayCashReport(at)).tills);
});

test('a day no till held cash prints the vault and says so; the day is open', async () => {
  const { ledger } = await branchDay();
  const html = await ledger.dayCashHtml({ branchId: 'SONAGACHI', on: '2024-04-01',
    lang: 'en' });
  assert.equal(tds(html), []);
  assert.ok(html.includes('<p>No till held or moved cash this day.</p>'));
  assert.equal(fields(html).slice(2, 4), ['open', '0.00']);
  assert.is(fields(html).at(-1), '2,00,000.00');
});

test('every Bengali label is in Bengali script, under the English catalogue\'s keys', () => {
  const bn = dayCashMessagesIn('bn');
  assert.equal(Object.keys(bn).sort(), Object.keys(dayCashMessagesIn('en')).sort());
  for (const [key, label] of Object.entries(bn)) {
    assert.match(label, /[\u0980-\u09FF]/, `bn.${key}: ${label}`);
  }
});

const refused = async (request: unknown, message: string) => {
  const { ledger } = await branchDay();
  try {
    await ledger.dayCashHtml(request as never);
    assert.unreachable('printed');
  } catch (e) {
    assert.instance(e, PrintRequestError);
    assert.is((e as Error).message, `dayCashHtml: ${message}`);
  }
};

test('a request with a wrong or missing field is refused naming the field', async () => {
  await refused({ ...at, lang: 'hi' }, 'lang: expected PrintLang, got "hi"');
  await refused({ ...at, lang: 'en', paper: 'A3' }, 'paper: expected Paper, got "A3"');
  await refused({ ...at, on: '2024-04-31', lang: 'en' },
    'on: expected DateString, got "2024-04-31" (2024-04-31: that day does not exist)');
  await refused({ ...at, branchId: '', lang: 'en' }, 'branchId: expected BranchId, got ""');
  await refused({ branchId: 'SONAGACHI', lang: 'en' },
    'on: expected DateString, got nothing (expected a date string YYYY-MM-DD)');
});

test.run();
