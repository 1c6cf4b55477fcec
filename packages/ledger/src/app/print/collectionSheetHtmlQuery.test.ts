import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatCollectionSheet } from '@usha/projections';
import { PrintRequestError } from './passbookHtmlRequest.ts';
import { passbookHistory } from './passbookHistory.fixture.ts';

const amounts = (text: string) => text.match(/\d[\d,]*\.\d{2}\b/g) ?? [];
const cells = (html: string) => [...html.matchAll(/<t[dh][^>]*>([^<]*)<\/t[dh]>/g)]
  .map((m) => m[1] ?? '');

// M1's loan L1 of Rs 30,000 from 1 May 2024, the June instalment paid: on 5 August the July
// instalment is overdue and August's falls due.
const on = '2024-08-05';

test('the English page shows the Ledger\'s text sheet\'s amounts, then its total', async () => {
  const { ledger } = await passbookHistory();
  const html = await ledger.collectionSheetHtml({ branchId: 'SONAGACHI', on, lang: 'en' });
  const sheet = await ledger.collectionSheet({ branchId: 'SONAGACHI', on });
  assert.equal(amounts(cells(html).join(' ')), amounts(formatCollectionSheet(sheet)));
  assert.equal(amounts(cells(html).join(' ')),
    ['27,486.14', '421.46', '27,907.60', '27,907.60', '27,907.60']);
  assert.ok(html.includes('@page { size: A4 landscape;'));
  assert.ok(html.includes('<dt>Branch</dt><dd>SONAGACHI</dd><dt>Date</dt><dd>05/08/2024</dd>'));
});

test('a Bengali page on A5, of one field officer, names him and prints his empty sheet',
  async () => {
    const { ledger } = await passbookHistory();
    const html = await ledger.collectionSheetHtml({ branchId: 'SONAGACHI', on, lang: 'bn',
      paper: 'A5', fieldOfficer: 'fo-9' });
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="bn">'));
    assert.ok(html.includes('@page { size: A5 landscape;'));
    assert.ok(html.includes('<dd>fo-9</dd>'));
    assert.ok(html.includes('<dt>তারিখ</dt><dd>০৫/০৮/২০২৪</dd>'));
    assert.is(cells(html).length, 0, 'no table: nobody is his');
  });

test('the page names members by id only, whatever the directory holds', async () => {
  const { ledger } = await passbookHistory();
  const html = await ledger.collectionSheetHtml({ branchId: 'SONAGACHI', on, lang: 'en' });
  assert.ok(html.includes('<td>M1</td><td>L1</td>'));
  assert.not.match(html, /Asha|Das/);
});

const refused = async (request: unknown, message: string) => {
  const { ledger } = await passbookHistory();
  try {
    await ledger.collectionSheetHtml(request as never);
    assert.unreachable('printed');
  } catch (e) {
    assert.instance(e, PrintRequestError);
    assert.is((e as Error).message, `collectionSheetHtml: ${message}`);
  }
};

test('a request with a wrong or missing field is refused naming the field', async () => {
  const good = { branchId: 'SONAGACHI', on, lang: 'bn' };
  await refused({ ...good, lang: 'hi' }, 'lang: expected PrintLang, got "hi"');
  await refused({ ...good, paper: 'Letter' }, 'paper: expected Paper, got "Letter"');
  await refused({ ...good, on: '2024-02-30' },
    'on: expected DateString, got "2024-02-30" (2024-02-30: that day does not exist)');
  await refused({ ...good, fieldOfficer: '' }, 'fieldOfficer: expected StaffId, got ""');
  await refused({ ...good, branchId: 'a b' }, 'branchId: expected BranchId, got "a b"');
  await refused({ on, lang: 'en' }, 'branchId: expected BranchId, got nothing');
  await refused('SONAGACHI', '(root): expected CollectionSheetHtmlRequest, got "SONAGACHI"');
  await refused({ ...good, colour: 'red' }, 'colour: unexpected field: events and commands '
    + 'carry only the fields they name');
});

test.run();
