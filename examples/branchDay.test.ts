import { test } from 'uvu';
import * as assert from 'uvu/assert';
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
    [
      'Day-end cash, branch SONAGACHI, 2025-06-02 (day closed)',
      '',
      'till  opening  from vault  received      paid   to vault       book    counted'
        + '   difference  closing',
      '----  -------  ----------  --------  --------  ---------  ---------  ---------'
        + '  -----------  -------',
      'T1       0.00   50,000.00  5,500.00  1,200.00  54,250.00  54,300.00  54,250.00'
        + '  short 50.00     0.00',
      '',
      'vault               amount',
      '-------------  -----------',
      'opening        2,00,000.00',
      'taken over            0.00',
      'to tills         50,000.00',
      'from tills       54,250.00',
      'from branches         0.00',
      'to branches           0.00',
      // 2,00,000 - 50,000 + 54,250
      'closing        2,04,250.00',
    ].join('\n'),
  ]);
});

test.run();
