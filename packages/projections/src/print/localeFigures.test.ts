import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { figuresIn } from './localeFigures.ts';

const bn = figuresIn('bn');
const en = figuresIn('en');

test('money is grouped in lakhs and crores, in each language\'s digits', () => {
  assert.is(bn.money(123456750n), '১২,৩৪,৫৬৭.৫০');
  assert.is(en.money(123456750n), '12,34,567.50');
  assert.is(en.money(-28800000n), '-2,88,000.00');
  assert.is(bn.money(5n), '০.০৫');
});

test('money past 2^53 paise keeps every digit', () => {
  assert.is(en.money(123456789012345678901n), '12,34,56,78,90,12,34,56,789.01');
});

test('a zero cell is blank, any other holds the amount', () => {
  assert.is(bn.moneyCell(0n), '');
  assert.is(bn.moneyCell(100n), '১.০০');
});

test('a business date prints as day/month/year, the same day in any time zone', () => {
  assert.is(bn.date('2025-04-10'), '১০/০৪/২০২৫');
  assert.is(en.date('2026-03-31'), '31/03/2026');
});

test('a rate or a count inside a text takes the language\'s digits, nothing else changes', () => {
  assert.is(bn.digits('TDS 7.5% on 2025-26'), 'TDS ৭.৫% on ২০২৫-২৬');
  assert.is(bn.count(1234567n), '১২,৩৪,৫৬৭');
});

test.run();
