import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { figuresIn } from './localeFigures.ts';
import { particularsIn } from './particulars.ts';

const bn = particularsIn('bn', figuresIn('bn'));

test('fixed particulars read in Bengali', () => {
  assert.is(bn('By cash'), 'নগদ জমা');
  assert.is(bn('To cash'), 'নগদ উত্তোলন');
  assert.is(bn('By cash (instalment)'), 'নগদ জমা (কিস্তি)');
});

test('particulars with figures keep them, in Bengali digits', () => {
  assert.is(bn('By 12 shares'), '১২টি শেয়ার ক্রয়');
  assert.is(bn('Penalty charged 1250.50'), 'জরিমানা ধার্য ১,২৫০.৫০');
  assert.is(bn('By interest from 2025-04-01'), '০১/০৪/২০২৫ থেকে সুদ');
  assert.is(bn('To TDS at 10%'), 'উৎসে কর কর্তন ১০%');
});

test('a reversal reads the line it reverses in Bengali too', () => {
  assert.is(bn('Reversal (2025-04-02): To cash'), 'বাতিল (০২/০৪/২০২৫): নগদ উত্তোলন');
});

test('her admission fee and its reversal read in Bengali, the amount in Bengali digits', () => {
  assert.is(bn('Admission fee 47.00 in cash'), 'ভর্তি ফি ৪৭.০০ নগদে');
  assert.is(bn('Reversal (2025-04-01): Admission fee 47.00 in cash'),
    'বাতিল (০১/০৪/২০২৫): ভর্তি ফি ৪৭.০০ নগদে');
});

test('a nominee line keeps her reference and the name the directory gave', () => {
  assert.is(bn('Nominee recorded (NOM-1): Rina Das'), 'নমিনি নথিভুক্ত (NOM-1): Rina Das');
});

test('particulars no pattern knows print as written; English prints as written', () => {
  assert.is(bn('Loan rescheduled: 12 instalments'), 'Loan rescheduled: 12 instalments');
  assert.is(particularsIn('en', figuresIn('en'))('By cash'), 'By cash');
});

test.run();
