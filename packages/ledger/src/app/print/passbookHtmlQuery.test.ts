import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { PrintRequestError } from './passbookHtmlRequest.ts';
import { passbookHistory } from './passbookHistory.fixture.ts';

const sheets = (html: string) => html.match(/<section class="sheet">/g)?.length ?? 0;

test('an account id prints that account\'s page only, found without her member id', async () => {
  const { ledger } = await passbookHistory();
  const html = await ledger.passbookHtml({ accountId: 'SB-M1', lang: 'bn', paper: 'A5' });
  assert.is(sheets(html), 1);
  assert.ok(html.includes('<h2>সঞ্চয় হিসাব SB-M1</h2>'));
  assert.ok(html.includes('@page { size: A5 portrait;'));
});

test('a member id prints every page of hers, shares, savings, loan, on A4 unless asked',
  async () => {
    const { ledger } = await passbookHistory();
    const html = await ledger.passbookHtml({ memberId: 'M1', lang: 'en' });
    assert.equal([...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]),
      ['Share account SH-M1', 'Savings account SB-M1', 'Loan account L1']);
    assert.ok(html.includes('@page { size: A4 portrait;'));
  });

test('her name and her nominee\'s print only when asked, escaped', async () => {
  const { ledger } = await passbookHistory();
  const plain = await ledger.passbookHtml({ accountId: 'SB-M1', lang: 'en' });
  assert.not.match(plain, /Asha|Rina/);
  const named = await ledger.passbookHtml({ accountId: 'SB-M1', lang: 'en', withName: true });
  assert.ok(named.includes('<dt>Name</dt><dd>Asha &lt;Das&gt;</dd>'));
  assert.ok(named.includes('<td>Nominee recorded (NOM-1): Rina</td>'));
});

const refused = async (request: unknown, message: RegExp) => {
  const { ledger } = await passbookHistory();
  try {
    await ledger.passbookHtml(request as never);
    assert.unreachable('printed');
  } catch (e) {
    assert.instance(e, PrintRequestError);
    assert.match((e as Error).message, message);
  }
};

test('a request with a wrong field is refused naming the field', async () => {
  await refused({ accountId: 'SB-M1', lang: 'hi' }, /lang/);
  await refused({ accountId: 'SB-M1', lang: 'bn', paper: 'Letter' }, /paper/);
  await refused({ accountId: 'SB-M1', lang: 'bn', colour: 'red' }, /colour/);
  await refused({ lang: 'bn' }, /give an accountId or a memberId/);
  await refused('SB-M1', /PassbookHtmlRequest|object/);
});

test('an account nobody holds, or not hers, or a member with none, is refused', async () => {
  await refused({ accountId: 'SB-M9', lang: 'en' }, /no account SB-M9 in the passbooks/);
  await refused({ accountId: 'SB-M2', memberId: 'M1', lang: 'en' },
    /account SB-M2 is not member M1's/);
  await refused({ memberId: 'M9', lang: 'en' }, /no account of member M9/);
});

test('an account opened after the date asked for is refused as having no page then, not as none',
  async () => {
    // Her loan was applied for on 2024-05-01; her accounts were opened on 2024-04-01.
    await refused({ accountId: 'L1', lang: 'en', asOf: '2024-04-15' },
      /account L1 has no page as of 2024-04-15$/);
    await refused({ memberId: 'M1', lang: 'en', asOf: '2024-03-31' },
      /no page of member M1 as of 2024-03-31$/);
  });

test.run();
