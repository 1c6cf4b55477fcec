// The TDS setting: off unless stated at the first configuration, kept when left out later.
import { test } from 'uvu';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, history } from '../testing/fixtures.ts';
import { createSocietyDecider } from './decide.ts';
import { defaultProvisioningNorms as norms } from './provisioning.ts';
import { noSocietyLendingLimits as noLimits } from './lendingLimits.ts';
import { defaultTdsSettings, tdsOff } from '../tds/tdsSettings.ts';

const decider = createSocietyDecider();
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const S = { societyId: 'USHA' };
const percents = { statutoryReservePercent: '25', dividendRateCapPercent: '15' };
const configure = (id: string, on: string, tds?: unknown) => command('ConfigureSociety', {
  ...by(id, on), ...S, ...percents, ...(tds === undefined ? {} : { tds }) });
const at50k = { ...defaultTdsSettings, thresholdPerYear: '50000.00' };

test('a first configuration without a TDS setting deducts none', () => {
  given().when(configure('c1', '2024-04-01')).then([event('SocietyConfigured', { ...S,
    on: '2024-04-01', ...percents, provisioningNorms: norms, lendingLimits: noLimits,
    tds: tdsOff })]);
});

test('a configuration stating TDS records it; configured again without it keeps it', () => {
  const on = configure('c1', '2024-04-01', defaultTdsSettings);
  given().when(on).then([event('SocietyConfigured', { ...S, on: '2024-04-01', ...percents,
    provisioningNorms: norms, lendingLimits: noLimits, tds: defaultTdsSettings })]);
  given(on).when(configure('c2', '2024-05-01')).then([event('SocietyConfigured', { ...S,
    on: '2024-05-01', ...percents, provisioningNorms: norms, lendingLimits: noLimits,
    tds: defaultTdsSettings })]);
});

test('a change states a new TDS threshold, or keeps the one in force when left out', () => {
  const on = configure('c1', '2024-04-01', defaultTdsSettings);
  const change = (id: string, tds?: unknown) => command('ChangeSocietySettings', {
    ...by(id, '2025-04-01'), ...S, ...percents, provisioningNorms: norms,
    ...(tds === undefined ? {} : { tds }) });
  given(on).when(change('s1', at50k)).then([event('SocietySettingsChanged', { ...S,
    on: '2025-04-01', ...percents, provisioningNorms: norms, lendingLimits: noLimits,
    tds: at50k })]);
  given(on).when(change('s2')).then([event('SocietySettingsChanged', { ...S,
    on: '2025-04-01', ...percents, provisioningNorms: norms, lendingLimits: noLimits,
    tds: defaultTdsSettings })]);
});

test.run();
