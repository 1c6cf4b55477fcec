// Dividend credits, dividend deposits, their corrections, savings accounts closed, parts
// redirected to cash and paid, in any order: whatever the deciders accept, no part is taken
// into savings twice, and "Dividends awaiting deposit" (2310) is what the share accounts say
// still awaits, never below zero; the balances count in savings only credits that stand.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  creditsAwaiting, creditsTotal, dividendDeposits, standingCredit,
  standingCredits, type DepositState, type ShareState,
} from '@usha/domain';
import { accountBalances, trialBalance } from './reports.ts';
import { plainBalances } from '../balances/plainBalances.ts';
import { passbook } from '../passbook/passbook.ts';
import { products, replayAll } from '../testing/compare.ts';
import { simulator, type Simulator } from '../testing/simulator.ts';

// Two members, each with two savings accounts; M0 takes most commands (`m` 0 to 2), so that
// credits, deposits and redirects meet on one account often enough.
const members = ['M0', 'M1'] as const;
const savingsOf = (m: string) => [`SB-${m}`, `SV-${m}`];
const years = ['2023-24', '2024-25'] as const;
const amounts: ReadonlyArray<string> = ['10.00', '25.50', '5.00'];
const on = '2025-05-01';

// `a` past the fixed amounts is the amount that fits: what the account awaits (a deposit), the
// year's credit (a redirect or a payment); `y` past the years is a year she has a credit for:
// so that each is accepted often enough to count.
const op = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('credit' as const), m: fc.nat(2),
    y: fc.nat(1), a: fc.nat(1), s: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('deposit' as const), m: fc.nat(2),
    a: fc.nat(4), s: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('reverse' as const), i: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('close' as const), m: fc.nat(2),
    s: fc.nat(1) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('redirect' as const), m: fc.nat(2),
    y: fc.nat(2), a: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('pay' as const), m: fc.nat(2),
    y: fc.nat(2), a: fc.nat(3) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const setUp = (sim: Simulator) => {
  for (const m of members) {
    sim.run('AdmitMember', { on: '2024-04-01', memberId: m, branchId: 'B1',
      shareProductId: 'SH', shares: 10 });
    sim.run('PurchaseShares', { on: '2024-04-01', accountId: `SH-${m}`, memberId: m,
      productId: 'SH', shares: 10 });
    for (const accountId of savingsOf(m)) {
      sim.run('OpenSavingsAccount', { on: '2024-04-01', accountId, memberId: m,
        productId: 'SB' });
    }
  }
};

// The money events a correction may name: [aggregate, aggregate id, event id].
type Reversible = readonly ['shares' | 'deposit', string, string];

const step = (sim: Simulator, o: Op, reversible: Reversible[]): void => {
  if (o.k === 'reverse') {
    const r = reversible[o.i % Math.max(1, reversible.length)];
    if (r !== undefined) {
      sim.run('ReverseEvent', { on, aggregate: r[0], aggregateId: r[1], eventId: r[2],
        reason: 'entry_error' });
    }
    return;
  }
  const m = members[o.m] ?? 'M0'; // 2 is M0 too
  const share = { accountId: `SH-${m}`, memberId: m };
  if (o.k === 'credit') {
    const out = sim.run('CreditDividend', { on, ...share, financialYear: years[o.y],
      amount: amounts[o.a], savingsAccountId: savingsOf(m)[o.s] });
    for (const e of out) if (e.type === 'DividendCredited') {
      reversible.push(['shares', m, e.data.eventId]);
    }
  } else if (o.k === 'deposit') {
    const accountId = savingsOf(m)[o.s] ?? '';
    const fits = creditsAwaiting(standingCredits(sharesOf(sim, m), accountId),
      depositsIn(sim, accountId))[0]?.amount;
    const amount = amounts[o.a] ?? fits ?? '1.00';
    const out = sim.run('MakeDeposit', { on, accountId, amount, source: 'dividend' });
    for (const e of out) if (e.type === 'Deposited') {
      reversible.push(['deposit', accountId, e.data.eventId]);
    }
  } else if (o.k === 'close') {
    sim.run('CloseDepositAccount', { on, accountId: savingsOf(m)[o.s] });
  } else {
    const shares = sharesOf(sim, m);
    const financialYear = years[o.y] ?? fittingYear(sim, shares, o.k);
    const amount = amounts[o.a] ?? standingCredit(shares, financialYear)?.amount
      ?? '1.00';
    sim.run(o.k === 'redirect' ? 'RedirectDividendToCash' : 'PayDividendInCash',
      { on, ...share, financialYear, amount });
  }
};

const sharesOf = (sim: Simulator, m: string) =>
  (sim.stateOf(`shares-${m}`) ?? { status: 'none' }) as ShareState;

// A year whose credit sits on a closed account (a redirect), or owed in cash (a payment).
const fittingYear = (sim: Simulator, shares: ShareState, k: 'redirect' | 'pay'): string =>
  years.find((y) => {
    if (shares.status === 'none') return false;
    if (k === 'pay') return shares.cashDividends[y]?.paid === false;
    const c = standingCredit(shares, y);
    const a = c === undefined ? undefined
      : sim.stateOf(`deposit-${c.savingsAccountId}`) as DepositState | undefined;
    return c !== undefined && !c.redirected && a?.status === 'closed';
  }) ?? '2024-25';

const depositsIn = (sim: Simulator, accountId: string) => dividendDeposits(
  (sim.stateOf(`deposit-${accountId}`) ?? { status: 'none' }) as DepositState);

// What each savings account still awaits, as her share account and the account say; and that
// every dividend deposit it holds brought a credit to it that stands, no year twice.
const awaitingByAccount = (sim: Simulator): bigint[] => members.flatMap((m) => {
  const shares = sharesOf(sim, m);
  return savingsOf(m).map((id) => {
    const credited = standingCredits(shares, id).map((c) => c.financialYear);
    const years = depositsIn(sim, id).map((d) => d.financialYear);
    assert.equal(years.filter((y) => y === null || !credited.includes(y)), [],
      `${id}: a deposit that brought no standing credit`);
    assert.is(new Set(years).size, years.length, `${id}: a year deposited twice`);
    return creditsTotal(creditsAwaiting(standingCredits(shares, id), depositsIn(sim, id)));
  });
});

test('dividends awaiting deposit (2310) never go below zero and are what the share accounts '
  + 'say still awaits, and her dividends counted in savings are her credits standing, whatever '
  + 'order credits, deposits, corrections, closes and redirects come in', () => {
  fc.assert(fc.property(fc.array(op, { minLength: 6, maxLength: 24 }), (ops) => {
    const sim = simulator(products);
    setUp(sim);
    const reversible: Reversible[] = [];
    for (const o of ops) {
      step(sim, o, reversible);
      const awaiting = awaitingByAccount(sim);
      for (const a of awaiting) assert.ok(a >= 0n, `an account awaits ${a} paise`);
      const states = replayAll(sim.events).states;
      const books = states.books;
      // Her dividends counted in savings: credits neither reversed nor redirected, in both the
      // balances and their plain twin.
      const plain = plainBalances(sim.events);
      for (const m of members) {
        const credited = savingsOf(m).reduce((x, id) =>
          x + creditsTotal(standingCredits(sharesOf(sim, m), id)), 0n);
        assert.equal([states.balances.members.get(m)?.dividendsCredited,
          plain.members.get(m)?.dividendsCredited], [credited, credited]);
      }
      const gl = new Map(accountBalances(books).map((b) => [b.account.code, b.balance]));
      // A liability: its balance is a credit, negative in the books' sign.
      assert.is(gl.get('2310') ?? 0n, -awaiting.reduce((x, y) => x + y, 0n));
      const tb = trialBalance(books);
      assert.is(tb.totalDebit, tb.totalCredit);
    }
  }), { numRuns: 500 });
});

test('a part redirected to cash is paid once, for its amount, and never reversed', () => {
  const sim = simulator(products);
  setUp(sim);
  const share = { accountId: 'SH-M0', memberId: 'M0', financialYear: '2024-25' };
  const credited = sim.run('CreditDividend', { on, ...share, amount: '25.50',
    savingsAccountId: 'SB-M0' });
  const creditId = credited[0]?.type === 'DividendCredited' ? credited[0].data.eventId : '';
  sim.run('RedirectDividendToCash', { on, ...share, amount: '25.50' });
  assert.is(sim.lastRejection(), 'dividend_savings_open');
  sim.run('CloseDepositAccount', { on, accountId: 'SB-M0' });
  sim.run('MakeDeposit', { on, accountId: 'SV-M0', amount: '25.50', source: 'dividend' });
  assert.is(sim.lastRejection(), 'dividend_not_awaiting_deposit',
    'credited to SB-M0, not SV-M0');
  const redirected = sim.run('RedirectDividendToCash', { on, ...share, amount: '25.50' });
  assert.equal(redirected.map((e) => e.type), ['DividendRedirectedToCash']);
  sim.run('ReverseEvent', { on, aggregate: 'shares', aggregateId: 'M0', eventId: creditId,
    reason: 'entry_error' });
  assert.is(sim.lastRejection(), 'not_reversible');
  sim.run('PayDividendInCash', { on, ...share, amount: '25.49' });
  assert.is(sim.lastRejection(), 'dividend_amount_differs');
  assert.equal(sim.run('PayDividendInCash', { on, ...share, amount: '25.50' })
    .map((e) => e.type), ['DividendPaidInCash']);
  sim.run('PayDividendInCash', { on, ...share, amount: '25.50' });
  assert.is(sim.lastRejection(), 'dividend_already_paid');
  const gl = new Map(accountBalances(replayAll(sim.events).states.books)
    .map((b) => [b.account.code, b.balance]));
  // Credited from dividends payable (no declaration here), redirected back, paid from it.
  assert.equal([gl.get('2300') ?? 0n, gl.get('2310') ?? 0n], [2_550n, 0n]);
  const lines = passbook(replayAll(sim.events).states.passbook, 'M0').pages
    .filter((p) => p.accountId === 'SH-M0').flatMap((p) => p.lines.map((l) => l.particulars));
  assert.equal(lines.slice(-3), ['Dividend 25.50 to savings',
    'Dividend 2024-25 25.50 not deposited (SB-M0 closed): payable in cash',
    'Dividend 2024-25 25.50 paid in cash']);
});

test.run();
