import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { amountBeyondLimit, amountTooLarge, commandAmountFields } from './commandLimits.ts';
import { MAX_COMMAND_AMOUNT_MINOR, MAX_MINOR_ABS } from './money/index.ts';
import { command } from './testing/fixtures.ts';

const base = { commandId: 'c1', actor: 'clerk-1', on: '2024-04-01' };

test('the limit leaves room for 10^5 amounts at the limit in one stored figure', () => {
  assert.is(MAX_COMMAND_AMOUNT_MINOR, 1_000_000_000_000n);
  assert.is(MAX_COMMAND_AMOUNT_MINOR * 100_000n, MAX_MINOR_ABS);
});

test('an amount at the limit passes; one paisa more is amount_too_large naming the field', () => {
  const deposit = (amount: string) =>
    command('MakeDeposit', { ...base, accountId: 'SB-1', amount, source: 'cash' });
  assert.is(amountTooLarge(deposit('10000000000')), undefined);
  assert.equal(amountTooLarge(deposit('10000000000.01')), { type: 'amount_too_large',
    field: 'data.amount', limit: '10000000000.00', requested: '10000000000.01' });
  const loan = command('ApplyForLoan', { ...base, loanId: 'L1', memberId: 'M1',
    productId: 'LN', principal: '99999999999', repayments: 12, firstRepaymentOn: null });
  assert.equal(amountTooLarge(loan), { type: 'amount_too_large', field: 'data.principal',
    limit: '10000000000.00', requested: '99999999999.00' });
});

test('a negative amount is measured by its size', () => {
  assert.is(amountBeyondLimit('netProfit', '-10000000000'), undefined);
  assert.equal(amountBeyondLimit('netProfit', '-10000000000.01'), { type: 'amount_too_large',
    field: 'data.netProfit', limit: '10000000000.00', requested: '-10000000000.01' });
});

test('the amount fields come from the codecs', () => {
  assert.equal(commandAmountFields.get('Withdraw'), ['amount']);
  assert.equal(commandAmountFields.get('OpenFixedDeposit'), ['principal']);
  assert.equal(commandAmountFields.get('AdmitMember'), []);
});

test.run();
