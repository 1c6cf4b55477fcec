import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { gettingStarted } from './getting-started.ts';

test('the getting-started walk-through prints what the guide shows', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'usha-gs-'));
  try {
    const lines = await gettingStarted(dir);
    assert.equal(lines.slice(0, -1), [
      'accepted AdmitMember -> member-M-1001@0',
      'accepted OpenSavingsAccount -> deposit-SB-1001@0',
      'accepted MakeDeposit -> deposit-SB-1001@1',
      'accepted Withdraw -> deposit-SB-1001@2',
      'accepted Withdraw -> deposit-SB-1001@2 (retry)',
      'rejected: below_minimum_balance',
      'member M-1001: Asha',
      'savings of M-1001: Rs 1,100.00',
      'trial balance: debit 1,100.00, credit 1,100.00',
      [
        'Passbook of member M-1001 as of 2025-04-02',
        'Name: Asha',
        '',
        'Savings account SB-1001',
        'Date        Particulars  Withdrawal   Deposit   Balance',
        '----------  -----------  ----------  --------  --------',
        '2025-04-02  By cash                  1,500.00  1,500.00',
        '2025-04-02  To cash          400.00            1,100.00',
      ].join('\n'),
      'reopened: 0 unfinished processes completed',
      'accepted Withdraw -> deposit-SB-1001@2 (retry)',
    ]);
    const log = await readFile(join(dir, 'usha.ndjson'), 'utf8');
    // Admitted, her savings account noted on her stream and opened, a deposit, a withdrawal.
    assert.is(log.trim().split('\n').length, 5);
    assert.not.ok(log.includes('Asha'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
