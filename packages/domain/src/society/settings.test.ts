import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, history, must, withFacts } from '../testing/fixtures.ts';
import { decodeCommand } from '../commandCatalogue.ts';
import { SignedMoneyInput } from '../shared/codecs.ts';
import { createSocietyDecider } from './decide.ts';
import { defaultProvisioningNorms } from './provisioning.ts';
import { noEntries } from './yearEndEntries.fixture.ts';
import { noSocietyLendingLimits as noLimits } from './lendingLimits.ts';
import { tdsOff } from '../tds/tdsSettings.ts';

const decider = createSocietyDecider();
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const S = { societyId: 'USHA' };
const configured = command('ConfigureSociety', {
  ...by('c1', '2024-04-01'), ...S, statutoryReservePercent: '25', dividendRateCapPercent: '15',
});
const norms = (over: Record<string, unknown> = {}, percent: Record<string, string> = {}) => ({
  ...defaultProvisioningNorms, ...over, percent: { ...defaultProvisioningNorms.percent,
    ...percent },
});
const change = (id: string, on: string, o: {
  reserve?: string; over?: Record<string, unknown>; percent?: Record<string, string>;
} = {}) => ({ type: 'ChangeSocietySettings', data: { ...by(id, on), ...S,
  statutoryReservePercent: o.reserve ?? '25', dividendRateCapPercent: '15',
  provisioningNorms: norms(o.over, o.percent) } });
const changed = (...args: Parameters<typeof change>) => {
  const c = decodeCommand(change(...args));
  if (E.isLeft(c) || c.right.type !== 'ChangeSocietySettings') throw new Error('not a change');
  return c.right;
};

test('a configuration states the default norms: 90, 365 and 1095 days; 0.4, 10, 25, 100%', () => {
  given().when(configured).then([event('SocietyConfigured', { ...S, on: '2024-04-01',
    statutoryReservePercent: '25', dividendRateCapPercent: '15',
    provisioningNorms: { standardUpToDays: 90, subStandardUpToDays: 365, doubtfulUpToDays: 1095,
      percent: { standard: '0.4', subStandard: '10', doubtful: '25', loss: '100' } },
    lendingLimits: noLimits, tds: tdsOff })]);
});

test('a change states every setting, from its date; configured again keeps the norms', () => {
  const c = changed('s1', '2024-06-01', { over: { standardUpToDays: 60 } });
  given(configured).when(c).then([event('SocietySettingsChanged', { ...S, on: '2024-06-01',
    statutoryReservePercent: '25', dividendRateCapPercent: '15',
    provisioningNorms: norms({ standardUpToDays: 60 }), lendingLimits: noLimits,
    tds: tdsOff })]);
  const again = command('ConfigureSociety', { ...by('c9', '2024-07-01'), ...S,
    statutoryReservePercent: '30', dividendRateCapPercent: '12' });
  given(configured, c).when(again).then([event('SocietyConfigured', { ...S, on: '2024-07-01',
    statutoryReservePercent: '30', dividendRateCapPercent: '12',
    provisioningNorms: norms({ standardUpToDays: 60 }), lendingLimits: noLimits,
    tds: tdsOff })]);
});

test('settings are refused naming the field, in the order they are checked', () => {
  given().when(changed('s1', '2024-06-01')).thenRejects('not_found');
  given(configured).when(changed('s1', '2024-03-31')).thenRejects('date_before_last_event');
  given(configured).when(changed('s1', '2024-06-01', { reserve: '24.99' }))
    .thenRejects('reserve_below_legal_minimum', { minimumPercent: '25', requested: '24.99' });
  const refused = (o: Parameters<typeof change>[2], field: string, reason: string) =>
    given(configured).when(changed('s1', '2024-06-01', o))
      .thenRejects('invalid_society_settings', { field, reason });
  refused({ over: { subStandardUpToDays: 90 } }, 'provisioningNorms.subStandardUpToDays',
    'must be more than standardUpToDays (90)');
  refused({ over: { standardUpToDays: 400 } }, 'provisioningNorms.subStandardUpToDays',
    'must be more than standardUpToDays (400)');
  refused({ over: { doubtfulUpToDays: 365 } }, 'provisioningNorms.doubtfulUpToDays',
    'must be more than subStandardUpToDays (365)');
  refused({ percent: { subStandard: '0.39' } }, 'provisioningNorms.percent.subStandard',
    'must be at least the standard percent (0.4)');
  refused({ percent: { loss: '24' } }, 'provisioningNorms.percent.loss',
    'must be at least the doubtful percent (25)');
  // Equal percents are allowed: a society may provide the same for two classes.
  assert.is(given(configured).when(changed('s1', '2024-06-01',
    { percent: { doubtful: '100' } })).outcome()._tag, 'Right');
});

test('a percent over 100 or a negative age is refused at decoding, naming the field', () => {
  const over = decodeCommand(change('s1', '2024-06-01', { percent: { loss: '100.5' } }));
  assert.ok(E.isLeft(over) && over.left.message.includes('provisioningNorms.percent.loss'));
  const negative = decodeCommand(change('s1', '2024-06-01', { over: { standardUpToDays: -1 } }));
  assert.ok(E.isLeft(negative) &&
    negative.left.message.includes('provisioningNorms.standardUpToDays'));
});

test('the provision and the reserve of a year are those of the settings in force on 31 March',
  () => {
    // From 1 October 2024: sub-standard provides 15%, the reserve is 30%. From 2 April 2025
    // (after the year ended, before its close): 20% and 40%, for the next year only.
    const autumn = changed('s1', '2024-10-01', { reserve: '30', percent: { subStandard: '15' } });
    const april = changed('s2', '2025-04-02', { reserve: '40', percent: { subStandard: '20' } });
    const none = { loans: 0, outstanding: '0.00' };
    const provision = withFacts(command('SetLoanLossProvision', { ...by('p1', '2025-03-31'),
      ...S, financialYear: '2024-25', byClass: { standard: none, subStandard:
        { loans: 2, outstanding: '1000.00' }, doubtful: none, loss: none } }), noEntries);
    const accruals = withFacts(command('RecordYearEndAccruals', { ...by('a1', '2025-03-31'),
      ...S, financialYear: '2024-25', depositInterestPayable: '0.00',
      loanInterestReceivable: '0.00', loanInterestNotRecognised: '0.00' }), noEntries);
    const set = given(configured, autumn, april, accruals).when(provision).outcome();
    const line = E.isRight(set) && set.right[0]?.type === 'LoanLossProvisionSet'
      ? set.right[0].data.byClass.subStandard : undefined;
    assert.equal(line, { loans: 2, outstanding: '1000.00', percent: '15', provision: '150.00' });
    // 30% of 1,000.01 is 300.003, rounded up: 300.01.
    const close = withFacts(command('CloseFinancialYear', { ...by('c2', '2025-04-10'), ...S,
      financialYear: '2024-25' }), { netProfit: must(SignedMoneyInput, '1000.01'), ...noEntries });
    const closed = given(configured, autumn, april, accruals, provision).when(close).outcome();
    const d = E.isRight(closed) && closed.right[0]?.type === 'FinancialYearClosed'
      ? closed.right[0].data : undefined;
    assert.equal([d?.statutoryReservePercent, d?.statutoryReserveTransfer], ['30', '300.01']);
  });

test.run();
