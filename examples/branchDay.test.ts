import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { shortDayReport } from '../packages/ledger/src/app/branch/shortDayReport.fixture.ts';
import { branchDay } from './branchDay.ts';

test('a branch\'s day prints what the guide shows, to the paisa', async () => {
  assert.equal(await branchDay(), [
    'accepted',
    'completed',
    'completed',
    'completed',
    'rejected: cash_short',
    // 50,000 + 3,000 + 2,500 - 1,200
    'T1 by the book: Rs 54300.00',
    'accepted',
    'accepted',
    'accepted',
    'rejected: branch_day_closed',
    'cash shortage in the books: Rs 50.00',
    shortDayReport('2025-06-02'),
  ]);
});

test.run();
