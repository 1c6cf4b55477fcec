// An admission fee naming a till against the branch stream's movement under its command id.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import type { MoneyString } from '../shared/codecs.ts';
import type { BranchDayFact } from './branchDayFact.ts';
import type { TillId } from './tillId.ts';
import { tillTookFee } from './tillTookFee.ts';

const SONAGACHI = 'SONAGACHI' as BranchDayFact['branchId'];
const money = (s: string) => s as MoneyString;
const c = { branchId: SONAGACHI, tillId: 'T1' as TillId, commandId: 'adm-1:account',
  fee: money('47.00') };
const moved = (over: Partial<NonNullable<BranchDayFact['tillMove']>> = {}): BranchDayFact => ({
  branchId: SONAGACHI, closedThrough: null, tillMoved: true,
  tillMove: { tillId: c.tillId, purpose: 'fee', amount: money('47.00'), ...over } });
const notMoved = E.left({ type: 'till_not_moved', branchId: 'SONAGACHI', tillId: 'T1',
  stepId: 'adm-1:account', amount: '47.00' });

test('only the same fee moved into the same till, unreleased, lets the fee name the till', () => {
  assert.equal(tillTookFee(c, moved()), E.right(true));
  assert.equal(tillTookFee(c, moved({ tillId: 'T2' as TillId })), notMoved);
  assert.equal(tillTookFee(c, moved({ purpose: 'deposit' })), notMoved);
  assert.equal(tillTookFee(c, moved({ amount: money('47.01') })), notMoved);
  // Released (the account step was refused once): the cash went back out of the till.
  assert.equal(tillTookFee(c, { ...moved(), tillMoved: false }), notMoved);
  assert.equal(tillTookFee(c, { branchId: SONAGACHI, closedThrough: null, tillMoved: false }),
    notMoved);
});

test('nothing to check: no till named, no fee, or no day read (the decider alone)', () => {
  const none = { branchId: SONAGACHI, closedThrough: null, tillMoved: false };
  assert.equal(tillTookFee({ ...c, tillId: undefined }, none), E.right(true));
  assert.equal(tillTookFee({ ...c, fee: null }, none), E.right(true));
  assert.equal(tillTookFee(c, undefined), E.right(true));
});

test.run();
