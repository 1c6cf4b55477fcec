import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { TillId } from '@usha/domain';
import type { DayCash, TillDay } from '@usha/ledger';
import { dayCashCsv } from './dayCashCsv.ts';

const header = 'branch,on,till,opening,from_vault,received,paid,to_vault,book,counted,'
  + 'difference,closing\r\n';
const vault = { openingMinor: 0n, closingMinor: 0n, takenOverMinor: 0n, fromBranchesMinor: 0n,
  toBranchesMinor: 0n };
const till = (id: string, t: Partial<TillDay>): TillDay => {
  if (!TillId.is(id)) throw new Error(`${id}: not a till id`);
  return { tillId: id, openingMinor: 0n, fromVaultMinor: 0n, receivedMinor: 0n, paidMinor: 0n,
    toVaultMinor: 0n, count: null, closingMinor: 0n, ...t };
};
const day = (tills: TillDay[]): DayCash => ({ branchId: 'KALIGHAT', on: '2024-05-06',
  tills, vault, closed: false });

test('an excess is a positive difference; the total counts only the till counted', () => {
  // T1: 10,000 from the vault, 2,000.50 received, counted 12,010.50 against 12,000.50.
  const t1 = till('T1', { fromVaultMinor: 10_000_00n, receivedMinor: 2_000_50n,
    count: { bookMinor: 12_000_50n, countedMinor: 12_010_50n, differenceMinor: 10_00n },
    closingMinor: 12_010_50n });
  // T2: 500 opening, 120.25 paid, never counted.
  const t2 = till('T2', { openingMinor: 500_00n, paidMinor: 120_25n, closingMinor: 379_75n });
  assert.is(dayCashCsv(day([t1, t2])), header
    + 'KALIGHAT,2024-05-06,T1,0.00,10000.00,2000.50,0.00,0.00,12000.50,12010.50,10.00,'
    + '12010.50\r\n'
    + 'KALIGHAT,2024-05-06,T2,500.00,0.00,0.00,120.25,0.00,,,,379.75\r\n'
    + 'KALIGHAT,2024-05-06,total,500.00,10000.00,2000.50,120.25,0.00,12000.50,12010.50,10.00,'
    + '12390.25\r\n');
});

test('a day without a till: the header and a total of zeros, its count blank', () => {
  assert.is(dayCashCsv(day([])), header
    + 'KALIGHAT,2024-05-06,total,0.00,0.00,0.00,0.00,0.00,,,,0.00\r\n');
});

test.run();
