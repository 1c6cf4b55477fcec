import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import {
  addDays, addMonths, addWeeks, businessDate, DayOutOfRangeError, daysBetween, fromEpochDay,
  InvalidDateError,
  isBusinessDate, parseBusinessDate, toEpochDay,
} from './businessDate.ts';
import { financialYearOf } from './financialYear.ts';
import { FinancialYearLabel } from '../shared/codecs.ts';
import {
  financialYearDates, financialYearDays, financialYearStart,
} from '../society/financialYearDates.ts';
import { days30360, yearFraction } from './dayCount.ts';
import { Decimal } from '../money/decimal.ts';

const d = (s: string) => businessDate(s);

test('only real calendar days parse', () => {
  for (const bad of ['2023-02-29', '2023-02-30', '2024-13-01', '2024-04-31', '24-01-01',
    '2024-1-1', '2024-01-01T00:00', '', 'today']) {
    assert.ok(E.isLeft(parseBusinessDate(bad)), bad);
  }
  assert.ok(E.isRight(parseBusinessDate('2024-02-29')));
  assert.throws(() => businessDate('2023-02-30', 'disbursedOn'),
    (e: unknown) => e instanceof InvalidDateError && e.field === 'disbursedOn');
});

test('any value that is no string is refused as a date, named by its kind, never thrown', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic['self'] = cyclic;
  const trap = new Proxy({}, { get: () => { throw new Error('t'); } });
  const values: unknown[] = [10n, cyclic, { toString: () => { throw new Error('x'); } },
    Symbol('d'), undefined, null, 20240101, trap];
  for (const v of values) {
    const r = parseBusinessDate(v);
    assert.ok(E.isLeft(r) && r.left.type === 'invalid_date', typeof v);
    assert.throws(() => businessDate(v, 'on'),
      (e: unknown) => e instanceof InvalidDateError && e.field === 'on');
  }
});

// The definition, spelled out slowly: the pattern, then a day that the calendar has.
const isDateByDefinition = (s: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m === null) return false;
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, day));
  return y >= 1900 && y <= 2199 && t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1
    && t.getUTCDate() === day;
};

test('a string is a business date exactly when it names a real day of 1900 to 2199', () => {
  const dateLike = fc.tuple(fc.integer({ min: 1800, max: 2300 }), fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 })).map(([y, m, day]) =>
    `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  const nearly = fc.tuple(dateLike, fc.nat(9), fc.string({ maxLength: 1 })).map(([s, i, c]) =>
    s.slice(0, i) + c + s.slice(i + 1));
  fc.assert(fc.property(fc.oneof(dateLike, nearly, fc.string({ maxLength: 12 })), (s) => {
    assert.is(isBusinessDate(s), isDateByDefinition(s), s);
    assert.is(E.isRight(parseBusinessDate(s)), isDateByDefinition(s), s);
  }), { numRuns: 5000 });
  for (const u of [20240501, null, undefined, new Date(0), ['2024-05-01']]) {
    assert.is(isBusinessDate(u), false);
  }
});

test('epoch days agree with known dates', () => {
  assert.is(toEpochDay(d('1970-01-01')), 0);
  assert.is(toEpochDay(d('2000-03-01')), 11017);
  assert.is(toEpochDay(d('2024-02-29')), 19782);
  assert.is(fromEpochDay(19782), '2024-02-29');
});

test('the first and last days a date can name are days -25,567 and 84,005; a day past '
  + 'either is refused', () => {
  assert.is(toEpochDay(d('1900-01-01')), -25567);
  assert.is(toEpochDay(d('2199-12-31')), 84005);
  assert.is(fromEpochDay(-25567), '1900-01-01');
  assert.is(fromEpochDay(84005), '2199-12-31');
  assert.is(addDays(d('2199-11-22'), 39), '2199-12-31');
  assert.is(addDays(d('2199-12-31'), -1), '2199-12-30');
  const outside = (e: unknown) => e instanceof DayOutOfRangeError && e instanceof RangeError
    && /outside the years 1900 to 2199/.test(e.message);
  for (const n of [-25568, 84006]) assert.throws(() => fromEpochDay(n), outside);
  assert.throws(() => fromEpochDay(84010), (e: unknown) => e instanceof DayOutOfRangeError
    && e.date === '2200-01-05' && e.message === 'day 84010 (2200-01-05) is outside the years '
    + '1900 to 2199');
  // A day no four-digit year holds is named by its number alone.
  assert.throws(() => fromEpochDay(1e12), (e: unknown) => e instanceof DayOutOfRangeError
    && e.date === undefined && e.message === 'day 1000000000000 is outside the years 1900 to '
    + '2199');
  assert.throws(() => addDays(d('2199-12-31'), 1), outside);
  assert.throws(() => addDays(d('1900-01-01'), -1), outside);
});

test('epoch days round-trip for every day from 1900 to 2199', () => {
  fc.assert(fc.property(fc.integer({ min: -25567, max: 84005 }), (n) => {
    assert.is(toEpochDay(fromEpochDay(n)), n);
  }));
});

test('stepping by days, weeks and month-end aware months', () => {
  assert.is(addDays(d('2024-02-28'), 1), '2024-02-29');
  assert.is(addDays(d('2024-03-01'), -1), '2024-02-29');
  assert.is(addWeeks(d('2024-12-30'), 1), '2025-01-06');
  assert.is(addMonths(d('2024-01-31'), 1), '2024-02-29');
  assert.is(addMonths(d('2023-01-31'), 1), '2023-02-28');
  assert.is(addMonths(d('2024-03-31'), -1), '2024-02-29');
  assert.is(addMonths(d('2024-11-15'), 3), '2025-02-15');
  assert.is(addMonths(d('2024-08-31'), 1), '2024-09-30');
});

test('days between under each day count', () => {
  assert.is(daysBetween(d('2024-01-01'), d('2025-01-01')), 366);
  assert.is(days30360(d('2024-01-31'), d('2024-03-01')), 31);
  assert.is(days30360(d('2024-01-01'), d('2025-01-01')), 360);
  // 184 days of 2023 (a 365-day year) and 182 days of 2024 (a 366-day year)
  assert.ok(yearFraction(d('2023-07-01'), d('2024-07-01'), 'actual/actual')
    .equals(new Decimal(184).div(365).plus(new Decimal(182).div(366))));
  assert.is(yearFraction(d('2024-01-01'), d('2024-04-01'), 'actual/364').toString(),
    '0.25');
});

test('the Indian financial year runs April to March', () => {
  assert.equal(financialYearOf(d('2025-02-10')),
    { label: '2024-25', start: '2024-04-01', end: '2025-03-31' });
  assert.equal(financialYearOf(d('2025-04-01')),
    { label: '2025-26', start: '2025-04-01', end: '2026-03-31' });
  assert.equal(financialYearOf(d('2025-02-10'), 1),
    { label: '2025', start: '2025-01-01', end: '2025-12-31' });
});

test('the two years the range of dates cuts: their label, and the days of them a date can '
  + 'name', () => {
  assert.equal(financialYearOf(d('2199-06-30')),
    { label: '2199-00', start: '2199-04-01', end: '2199-12-31' });
  assert.equal(financialYearOf(d('1900-03-31')),
    { label: '1899-00', start: '1900-01-01', end: '1900-03-31' });
  assert.equal(financialYearOf(d('2199-03-31')),
    { label: '2198-99', start: '2198-04-01', end: '2199-03-31' });
  assert.equal(financialYearOf(d('2199-12-31'), 1),
    { label: '2199', start: '2199-01-01', end: '2199-12-31' });
  assert.equal(financialYearDays('2199-00'), { start: '2199-04-01', end: '2199-12-31' });
  assert.equal(financialYearDays('1899-00'), { start: '1900-01-01', end: '1900-03-31' });
  assert.equal(financialYearDays('2024-25'), { start: '2024-04-01', end: '2025-03-31' });
  // A year that cannot end (or begin) is none to close or declare for.
  assert.throws(() => financialYearDates('2199-00'), (e: unknown) => e instanceof InvalidDateError);
  assert.throws(() => financialYearDates('1899-00'), (e: unknown) => e instanceof InvalidDateError);
  assert.throws(() => financialYearDays('2200-01'), (e: unknown) => e instanceof InvalidDateError);
  assert.is(financialYearStart('2199-00'), '2199-04-01');
  assert.is(financialYearStart('2200-01'), undefined);
  // Labels: from 1899-00, the year of 1900's first days.
  assert.ok(FinancialYearLabel.is('1899-00'));
  assert.not.ok(FinancialYearLabel.is('1898-99'));
});

test.run();
