import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spec } from '../testing/deciderSpecification.ts';
import * as t from 'io-ts';
import { by, command, event, history, must, withFacts } from '../testing/fixtures.ts';
import { createSocietyDecider } from './decide.ts';
import { closedThrough, closingThrough } from './state.ts';
import { shareDividends } from '../finance/shareDividends.ts';
import { moneyString, PositiveMoneyInput, SignedMoneyInput } from '../shared/codecs.ts';
import { HoldingInput } from './facts.ts';
import { noEntries, zeroYearEndEntries } from './yearEndEntries.fixture.ts';

const decider = createSocietyDecider();
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const S = { societyId: 'USHA' };
const configured = command('ConfigureSociety', {
  ...by('c1', '2024-04-01'), ...S, statutoryReservePercent: '25', dividendRateCapPercent: '15',
});
// Configured, and the year-end entries of 2024-25 recorded: the year may close.
const ready = [configured, ...zeroYearEndEntries('2024-25')];
// The facts as the Ledger reads them: the net profit from the books, holdings from the shares.
const profit = (netProfit: string) =>
  ({ netProfit: must(SignedMoneyInput, netProfit), ...noEntries });
const shareFacts = (holdings: unknown) => ({ faceValue: must(PositiveMoneyInput, '10'),
  holdings: must(t.readonlyArray(HoldingInput), holdings) });
const close = (netProfit: string, on = '2025-04-10') => withFacts(command('CloseFinancialYear', {
  ...by('c2', on), ...S, financialYear: '2024-25',
}), profit(netProfit));
const declare = (ratePercent: string) => withFacts(command('DeclareDividend', {
  ...by('c3', '2025-04-20'), ...S, financialYear: '2024-25', ratePercent,
}), shareFacts([
  { memberId: 'M1', changes: [{ on: '2024-04-01', shares: 100 }] },
  { memberId: 'M2', changes: [{ on: '2024-10-01', shares: 100 }] },
]));

test('a year close sets aside the statutory reserve, rounded up to the paisa', () => {
  given(...ready).when(close('1000.01')).then([event('FinancialYearClosed', {
    ...S, on: '2025-04-10', financialYear: '2024-25', startsOn: '2024-04-01', endsOn: '2025-03-31',
    netProfit: '1000.01', statutoryReservePercent: '25', statutoryReserveTransfer: '250.01',
    reserveRounding: 'up', distributableSurplus: '750.00',
  })]);
});

// The digest chain, computed here with the platform's SHA-256 (the domain has its own).
const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const EMPTY = sha('');
const PARTS = [
  { memberId: 'M1', shareDays: 36500, amount: '100.00' },
  { memberId: 'M2', shareDays: 18200, amount: '49.86' },
];
const DIGEST = sha(`${EMPTY}\nM1,36500,100.00\nM2,18200,49.86`);
const record = (batch: number, parts: ReadonlyArray<unknown>, id = `a${batch}`) =>
  command('RecordDividendAllocation', { ...by(id, '2025-04-21'), ...S, financialYear: '2024-25',
    batch, parts });

test('a dividend is shared out by share-days held', () => {
  // 10% a year on Rs 10 shares: M1 held 100 all year (36500 share-days), M2 100 from 1 October
  // (18200); 10% x 10 x 54700 / 365 = 149.863 -> 149.86, split by share-days. The declaration
  // commits to the parts by count and digest; they are recorded in a batch of their own.
  given(...ready, close('100000')).when(declare('10')).then([event('DividendDeclared', {
    ...S, on: '2025-04-20', financialYear: '2024-25', ratePercent: '10', faceValue: '10.00',
    total: '149.86',
    allocation: { kind: 'batches', members: 2, batchSize: 1000, batches: 1, digest: DIGEST },
  })]);
  given(...ready, close('100000'), declare('10')).when(record(0, PARTS))
    .then([event('DividendAllocated', { ...S, on: '2025-04-21', financialYear: '2024-25',
      batch: 0, parts: PARTS, digest: DIGEST })]);
});

// 2,500 members, M0000 to M2499, each holding i + 1 shares all year: three batches.
const many = Array.from({ length: 2500 }, (_, i) => ({
  memberId: `M${String(i).padStart(4, '0')}`, changes: [{ on: '2024-04-01', shares: i + 1 }],
}));
const declareMany = withFacts(command('DeclareDividend', { ...by('c3', '2025-04-20'), ...S,
  financialYear: '2024-25', ratePercent: '10' }), shareFacts(many));
const manyParts = shareDividends({ ratePercent: '10', faceValue: '10', holdings: many,
  from: '2024-04-01', to: '2025-03-31' }).parts.map((p) => ({
  memberId: p.memberId, shareDays: Number(p.shareDays), amount: moneyString(p.amount.minor) }));
const batchOf = (i: number) => manyParts.slice(i * 1000, (i + 1) * 1000);

test('the batches of a large dividend are the parts shareDividends gives, chained', () => {
  const declared = given(...ready, close('100000000')).when(declareMany).outcome();
  if (declared._tag === 'Left') throw new Error(declared.left.type);
  const d = declared.right[0];
  if (d?.type !== 'DividendDeclared' || d.data.allocation.kind !== 'batches') throw new Error();
  // 10% x Rs 10 x (1 + ... + 2500) shares x 365 days / 365 = 3,12,62,50.00.
  assert.is(d.data.total, '3126250.00');
  assert.equal(d.data.allocation, { kind: 'batches', members: 2500, batchSize: 1000,
    batches: 3, digest: [0, 1, 2].reduce((h, i) => sha(h + batchOf(i).map((p) =>
      `\n${p.memberId},${p.shareDays},${p.amount}`).join('')), EMPTY) });
  let history: ReadonlyArray<Parameters<typeof decider.decide>[0]> =
    [...ready, close('100000000'), declareMany];
  for (const i of [0, 1, 2]) {
    const o = given(...history).when(record(i, batchOf(i))).outcome();
    assert.ok(o._tag === 'Right', `batch ${i} recorded`);
    history = [...history, record(i, batchOf(i))];
  }
  given(...history).when(record(0, batchOf(0), 'again'))
    .thenRejects('dividend_allocation_mismatch', { reason: 'every batch is recorded' });
});

test('rejections, in the order they are checked', () => {
  given().when(close('1')).thenRejects('not_found');
  given(configured).when(withFacts(command('CloseFinancialYear', { ...by('c2', '2025-04-10'),
    societyId: 'OTHER', financialYear: '2024-25' }), profit('1')))
    .thenRejects('wrong_aggregate');
  given(configured).when(close('1', '2024-03-31')).thenRejects('date_before_last_event');
  given().when(command('ConfigureSociety', { ...by('c1', '2024-04-01'), ...S,
    statutoryReservePercent: '24.99', dividendRateCapPercent: '15' }))
    .thenRejects('reserve_below_legal_minimum', { minimumPercent: '25', requested: '24.99' });
  given(configured).when(close('1', '2025-03-31'))
    .thenRejects('financial_year_not_ended', { endsOn: '2025-03-31' });
  given(...ready, close('1')).when(close('1')).thenRejects('financial_year_already_closed');
  const closeYear = (financialYear: string) => withFacts(command('CloseFinancialYear', {
    ...by(`c-${financialYear}`, '2027-04-10'), ...S, financialYear }), profit('1'));
  given(...ready, close('1')).when(closeYear('2026-27'))
    .thenRejects('year_not_next', { financialYear: '2026-27', expected: '2025-26' });
  given(configured, ...zeroYearEndEntries('2025-26'), closeYear('2025-26'))
    .when(closeYear('2024-25'))
    .thenRejects('year_not_next', { financialYear: '2024-25', expected: '2026-27' });
  given(configured).when(declare('10')).thenRejects('financial_year_not_closed');
  given(...ready, close('100000'), declare('10')).when(declare('10'))
    .thenRejects('dividend_already_declared');
  given(...ready, close('100000')).when(declare('15.01'))
    .thenRejects('dividend_rate_above_cap', { capPercent: '15', requested: '15.01' });
  given(...ready, close('100000')).when(withFacts(command('DeclareDividend', {
    ...by('c3', '2025-04-20'), ...S, financialYear: '2024-25', ratePercent: '10',
  }), shareFacts([{ memberId: 'M1', changes: [{ on: '2024-04-01', shares: -1 }] }])))
    .thenRejects('invalid_terms');
  given(...ready, close('100')).when(declare('10'))
    .thenRejects('dividend_exceeds_surplus', { surplus: '75.00', total: '149.86' });
});

test('the year-end accruals and provision are refused on the close\'s order rules', () => {
  const none = { loans: 0, outstanding: '0.00' };
  const entries = [
    (financialYear: string, on: string, societyId = 'USHA') =>
      withFacts(command('RecordYearEndAccruals', { ...by('a1', on), societyId, financialYear,
        depositInterestPayable: '0.00', loanInterestReceivable: '0.00',
        loanInterestNotRecognised: '0.00' }), noEntries),
    (financialYear: string, on: string, societyId = 'USHA') =>
      withFacts(command('SetLoanLossProvision', { ...by('p1', on), societyId, financialYear,
        byClass: { standard: none, subStandard: none, doubtful: none, loss: none } }),
      noEntries),
  ];
  for (const entry of entries) {
    given().when(entry('2024-25', '2025-03-31')).thenRejects('not_found');
    given(configured).when(entry('2024-25', '2025-03-31', 'OTHER'))
      .thenRejects('wrong_aggregate');
    given(...ready, close('1')).when(entry('2024-25', '2025-03-31'))
      .thenRejects('financial_year_already_closed');
    given(...ready, close('1')).when(entry('2026-27', '2027-03-31'))
      .thenRejects('year_not_next', { financialYear: '2026-27', expected: '2025-26' });
    // Dated 31 March though the stream holds a later event (the close of the year before).
    assert.is(given(...ready, close('1')).when(entry('2025-26', '2026-03-31')).outcome()._tag,
      'Right');
  }
});

test('a close begins after the year\'s 31 March, on the next year to close; its closing ends '
  + 'with the close', () => {
  const begin = (financialYear: string, on: string, id = 'b1', societyId = 'USHA') =>
    withFacts(command('BeginYearClose', { ...by(id, on), societyId, financialYear }), noEntries);
  given(configured).when(begin('2024-25', '2025-04-05')).then([event('YearCloseBegun',
    { ...S, on: '2025-04-05', financialYear: '2024-25' })]);
  given().when(begin('2024-25', '2025-04-05')).thenRejects('not_found');
  given(configured).when(begin('2024-25', '2025-04-05', 'b1', 'OTHER'))
    .thenRejects('wrong_aggregate');
  given(configured).when(begin('2024-25', '2025-03-31')).thenRejects('financial_year_not_ended',
    { financialYear: '2024-25', endsOn: '2025-03-31' });
  given(...ready, close('1')).when(begin('2024-25', '2025-04-20'))
    .thenRejects('financial_year_already_closed');
  given(...ready, close('1')).when(begin('2026-27', '2027-04-05'))
    .thenRejects('year_not_next', { financialYear: '2026-27', expected: '2025-26' });
  // Once a year's entries are started, no other year's close may begin before it closes.
  given(...ready).when(begin('2025-26', '2026-04-05')).thenRejects('year_not_next',
    { financialYear: '2025-26', expected: '2024-25' });
  // Begun again (a close run again after one that stopped): recorded again.
  given(configured, begin('2024-25', '2025-04-05')).when(begin('2024-25', '2025-04-06', 'b2'))
    .then([event('YearCloseBegun', { ...S, on: '2025-04-06', financialYear: '2024-25' })]);
  const s = (cs: Parameters<typeof decider.decide>[0][]) =>
    history(decider, cs).reduce(decider.evolve, decider.initialState);
  const begun = s([configured, begin('2024-25', '2025-04-05'), ...ready.slice(1)]);
  assert.is(closingThrough(begun), '2025-03-31');
  assert.is(closedThrough(begun), null);
  const ended = s([configured, begin('2024-25', '2025-04-05'), ...ready.slice(1), close('1')]);
  assert.equal([closingThrough(ended), closedThrough(ended)], [null, '2025-03-31']);
});

test('a year closes only after its accruals and provision, and names the entry missing', () => {
  const [accruals, provision] = zeroYearEndEntries('2024-25');
  given(configured).when(close('1')).thenRejects('year_end_entries_missing',
    { financialYear: '2024-25', missing: ['YearEndAccrualsRecorded', 'LoanLossProvisionSet'] });
  given(configured, accruals).when(close('1')).thenRejects('year_end_entries_missing',
    { missing: ['LoanLossProvisionSet'] });
  given(configured, provision).when(close('1')).thenRejects('year_end_entries_missing',
    { missing: ['YearEndAccrualsRecorded'] });
  // Once a year's entries are started, no other year's may be, before that year closes.
  const [other] = zeroYearEndEntries('2025-26');
  given(configured, accruals).when(other).thenRejects('year_not_next',
    { financialYear: '2025-26', expected: '2024-25' });
});

test('a dividend run ends after the parts are recorded, each run recording its own end', () => {
  const end = (id = 'e1') => command('EndDividendRun', { ...by(id, '2025-04-22'), ...S,
    financialYear: '2024-25', credited: 1, payableInCash: 1, refused: 0 });
  const declared = [...ready, close('100000'), declare('10')];
  given(...ready).when(end()).thenRejects('financial_year_not_closed');
  given(...ready, close('100000')).when(end()).thenRejects('dividend_allocation_mismatch',
    { reason: 'no dividend declared for the year' });
  given(...declared).when(end()).thenRejects('dividend_allocation_mismatch',
    { batch: 0, reason: 'batch 0 is the next to record' });
  given(...declared, record(0, PARTS)).when(end()).then([event('DividendRunEnded', {
    ...S, on: '2025-04-22', financialYear: '2024-25', credited: 1, payableInCash: 1, refused: 0,
  })]);
  // Each run records its end: a later one (paying parts a run refused), or one cut short and
  // completed after another ended. Whether a run may start is the process's to decide.
  const refusing = command('EndDividendRun', { ...by('e1', '2025-04-22'), ...S,
    financialYear: '2024-25', credited: 1, payableInCash: 0, refused: 1 });
  const paying = command('EndDividendRun', { ...by('e2', '2025-05-02'), ...S,
    financialYear: '2024-25', credited: 0, payableInCash: 1, refused: 0 });
  given(...declared, record(0, PARTS), refusing).when(paying).then([event('DividendRunEnded', {
    ...S, on: '2025-05-02', financialYear: '2024-25', credited: 0, payableInCash: 1, refused: 0,
  })]);
  given(...declared, record(0, PARTS), end()).when(end('e2')).then([event('DividendRunEnded', {
    ...S, on: '2025-04-22', financialYear: '2024-25', credited: 1, payableInCash: 1, refused: 0,
  })]);
});

test('a batch is refused unless it is the next, whole, in order and ends on the digest', () => {
  const declared = [...ready, close('100000'), declare('10')];
  const [m1, m2] = PARTS;
  given(configured).when(record(0, PARTS)).thenRejects('financial_year_not_closed');
  given(...ready, close('100000')).when(record(0, PARTS)).thenRejects(
    'dividend_allocation_mismatch',
    { batch: 0, reason: 'no dividend declared in batches for the year' });
  given(...declared).when(record(1, PARTS)).thenRejects('dividend_allocation_mismatch',
    { batch: 1, reason: 'batch 0 is the next to record' });
  given(...declared).when(record(0, [m1])).thenRejects('dividend_allocation_mismatch',
    { reason: 'expected 2 parts, got 1' });
  given(...declared).when(record(0, [m2, m1])).thenRejects('dividend_allocation_mismatch',
    { reason: 'parts not in member id order' });
  given(...declared).when(record(0, [m1, { ...m2, amount: '49.85' }]))
    .thenRejects('dividend_allocation_mismatch',
      { reason: 'the digest differs from the declared one' });
  given(...declared).when(record(0, [m1, { ...m2, memberId: 'M3' }]))
    .thenRejects('dividend_allocation_mismatch',
      { reason: 'the digest differs from the declared one' });
});

test.run();
