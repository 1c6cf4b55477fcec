// Savings and recurring-deposit charges computed by hand from their rules.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { businessDate } from '../dates/businessDate.ts';
import { moneyString } from '../shared/codecs.ts';
import { belowMinimumBalanceCharges } from './belowMinimumBalanceCharges.ts';
import { missedInstalmentPenalties } from './missedInstalmentPenalties.ts';
import type { ChargeDue } from './latePaymentPenalties.ts';
import { BelowMinimumBalanceRule, MissedInstalmentRule } from './chargeRules.ts';
import { must } from '../testing/fixtures.ts';

const d = (s: string) => businessDate(s);
const shown = (cs: ReadonlyArray<ChargeDue>) =>
  cs.map((c) => `${c.rule.rule} ${c.rule.period} ${moneyString(c.amount)}`);
const below = must(BelowMinimumBalanceRule, { below: '500.00', amount: '10.00' });
// Opened 10 April with 1,000; down to 300 on 20 May, back to 800 on 2 June; nothing in July.
const history = [
  { on: d('2025-04-10'), balance: 1000_00n },
  { on: d('2025-05-20'), balance: 300_00n },
  { on: d('2025-06-02'), balance: 800_00n },
];

test('a month is charged when its lowest balance, the one it began with included, was low', () => {
  // April never went below; May did; June began at 300.00; July stayed at 800.00.
  assert.equal(shown(belowMinimumBalanceCharges(below, history, new Set(), d('2025-08-01'))), [
    'below_minimum_balance 2025-05 10.00', 'below_minimum_balance 2025-06 10.00',
  ]);
});

test('a month is charged only once it has ended, and only once', () => {
  assert.equal(shown(belowMinimumBalanceCharges(below, history, new Set(), d('2025-05-31'))),
    []);
  const charged = new Set(['below_minimum_balance/2025-05']);
  assert.equal(shown(belowMinimumBalanceCharges(below, history, charged, d('2025-06-01'))), []);
});

test('an unpaid recurring instalment is penalised the day after its due day', () => {
  const rd = { openedOn: d('2025-04-05'), termMonths: 12, paid: new Set([1]),
    charged: new Set<string>() };
  const rule = must(MissedInstalmentRule, { amount: '5.00' });
  assert.equal(shown(missedInstalmentPenalties(rule, rd, d('2025-05-05'))), []);
  assert.equal(shown(missedInstalmentPenalties(rule, rd, d('2025-05-06'))),
    ['missed_instalment instalment-2 5.00']);
  const later = { ...rd, paid: new Set([1, 2]),
    charged: new Set(['missed_instalment/instalment-3']) };
  assert.equal(shown(missedInstalmentPenalties(rule, later, d('2025-07-06'))),
    ['missed_instalment instalment-4 5.00']);
});

test.run();
