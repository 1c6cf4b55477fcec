// A refusal is a decision like an acceptance: the same command against the same store gets
// the same answer from every Ledger over it, whatever each holds in memory. Here the first
// board member is appointed through one Ledger while another, which read the log before,
// holds no staff register: its refusal must be the permission table's, not the set-up rule's.
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ProductCatalogue } from '@usha/domain';
import { must, products } from '@usha/domain/testing';
import { allEvents, memoryStore, ok, testLedger } from '../testSupport.ts';
import type { CommandOutcome } from './outcome.ts';
import { settingUp } from './severalLedgers.scenarios.fixture.ts';

const catalogue = must(ProductCatalogue, { ...products,
  LO: { ...products.LN, id: 'LO', maxLoansAtOnce: 1 } });
const rejection = (o: CommandOutcome) => o.status === 'rejected' ? o.rejection : 'accepted';
const pool = (n: number) => settingUp.pool[n]?.input;

// Two Ledgers over one store, each holding `entries` folded states (0: none).
const pair = async (entries: number) => {
  const store = memoryStore();
  const open = (n: number) => testLedger(store, { products: catalogue, resume: false,
    stateCacheEntries: entries, processClaims: { claimant: `instance-${n}` } });
  const [a, b] = [await open(0), await open(1)];
  for (const input of settingUp.setup) ok(await a.execute(input));
  return { store, a, b, open };
};

// The plan [0/L0, 2/L1, 11/L0, 1/L1] of the settingUp scenario: M1 exits through the first
// Ledger; the second refuses a deposit into her account (none yet), so it has read the log;
// the first appoints the board; the second is asked to open her an account as 'clerk'.
for (const entries of [0, 1, 4096]) {
  test(`a Ledger that read the log before the first appointment refuses as the permission `
    + `table does, not as the set-up rule (${entries} states held)`, async () => {
    const { a, b, open } = await pair(entries);
    ok(await a.execute(pool(0)));
    assert.equal(rejection(await b.execute(pool(2))),
      { type: 'not_found', aggregate: 'deposit', id: 'SB-M1' });
    ok(await a.execute(pool(11)));
    const expected = { type: 'not_authorised', actor: 'clerk',
      commandType: 'OpenSavingsAccount', rolesAllowed: ['clerk', 'branchManager'],
      why: 'not_staff' };
    assert.equal(rejection(await b.execute(pool(1))), expected);
    // A Ledger opened now, holding nothing, answers the same.
    assert.equal(rejection(await (await open(2)).execute(pool(1))), expected);
  });
}

test('a Ledger that read the log before the first appointment takes the board\'s next '
  + 'appointment, not refusing it as the set-up rule would (no state held)', async () => {
  const { a, b, store } = await pair(0);
  assert.equal(rejection(await b.execute(pool(2))),
    { type: 'not_found', aggregate: 'deposit', id: 'SB-M1' });
  ok(await a.execute(pool(11)));
  ok(await b.execute(pool(12)));
  const staff = (await allEvents(store)).flatMap((e) => e.type === 'StaffAppointed'
    ? [`${e.stream} ${e.revision}`] : []);
  assert.equal(staff, ['staff-board 0', 'staff-clerk 0']);
});

test('every Ledger of two gives one answer to a command, whatever each held: the answer of a '
  + 'Ledger opened on the store just before it', async () => {
  let compared = 0;
  const plan = fc.array(fc.record({ command: fc.nat({ max: settingUp.pool.length - 1 }),
    ledger: fc.nat({ max: 1 }) }), { minLength: 1, maxLength: 10 });
  await fc.assert(fc.asyncProperty(fc.constantFrom(0, 1), plan, async (entries, sends) => {
    const { a, b, open } = await pair(entries);
    for (const s of sends) {
      const input = pool(s.command);
      // The answer a Ledger opened now gives, taken first: one it accepts is stored, and the
      // Ledger asked next must find it stored (an acceptance), not refuse it.
      const fresh = rejection(await (await open(2)).execute(input));
      const got = rejection(await (s.ledger === 0 ? a : b).execute(input));
      assert.equal(got, fresh);
      if (fresh !== 'accepted') compared += 1;
    }
  }), { numRuns: 60 });
  assert.ok(compared > 50, `${compared} refusals compared`);
});

test.run();
