import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as E from 'fp-ts/lib/Either.js';
import { must } from '../testing/fixtures.ts';
import { LoanId } from '../shared/ids.ts';
import { MoneyString } from '../shared/codecs.ts';
import {
  committedPrincipalMinor, withinSocietyLimits, type CountedLoan,
} from './societyLimits.ts';

const id = (s: string) => must(LoanId, s);
const rupees = (s: string) => must(MoneyString, s);
const totals = (disbursed: bigint, principalRepaid: bigint, writtenOff = 0n) =>
  ({ disbursed, principalRepaid, writtenOff });
// Active: 10000.00 disbursed, 2500.50 repaid. Approved: 3000.00. Applied, written off, closed:
// nothing held against the cap.
const loans: CountedLoan[] = [
  { loanId: id('L1'), status: 'active', totals: totals(1000000n, 250050n) },
  { loanId: id('L2'), status: 'approved', approvedPrincipal: 300000n },
  { loanId: id('L3'), status: 'applied', approvedPrincipal: 0n },
  { loanId: id('L4'), status: 'written_off', totals: totals(500000n, 100000n, 400000n) },
  { loanId: id('L5'), status: 'closed', totals: totals(500000n, 500000n) },
];

test('the principal held against the cap: outstanding when active, approved when approved',
  () => {
    assert.equal(loans.map(committedPrincipalMinor), [749950n, 300000n, 0n, 0n, 0n]);
  });

test('the cap holds her committed 10499.50 plus the loan: 1500.50 fits 12000.00, 1500.51 not',
  () => {
    const limits = { maxOutstandingPrincipal: rupees('12000.00'), maxLoansAtOnce: null };
    const fits = withinSocietyLimits(limits, { loanId: id('L9'), principal: rupees('1500.50') },
      loans);
    assert.ok(E.isRight(fits));
    assert.equal(withinSocietyLimits(limits, { loanId: id('L9'),
      principal: rupees('1500.51') }, loans), E.left({ type: 'loan_limit_exceeded',
      limit: 'society_outstanding_principal', maximum: '12000.00', outstanding: '10499.50',
      requested: '1500.51' }));
  });

test('loans at once count the open ones (applied, approved, active, written off) and this one',
  () => {
    const limits = { maxOutstandingPrincipal: null, maxLoansAtOnce: 4 };
    assert.equal(withinSocietyLimits(limits, { loanId: id('L9'), principal: rupees('1.00') },
      loans), E.left({ type: 'loan_limit_exceeded', limit: 'society_loans_at_once',
      maximum: 4, open: 4 }));
    // The loan decided on is one of the four: its approval is within the limit.
    assert.ok(E.isRight(withinSocietyLimits(limits, { loanId: id('L3'),
      principal: rupees('1.00') }, loans)));
  });

test.run();
