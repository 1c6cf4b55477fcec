// The demo is what a newcomer runs first: it must run and print the exact figures it promises.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';

const run = (file: string): string =>
  execFileSync(process.execPath, ['--import', 'tsx', file], {
    cwd: new URL('.', import.meta.url).pathname, encoding: 'utf8',
  });

test('the loan schedule and savings postings print to the paisa', () => {
  const out = run('loan-and-savings.ts');
  assert.ok(out.includes('  1 2025-05-10     788.49    100.00    888.49    9211.51'), out);
  assert.ok(out.includes(' 12 2026-04-10     879.67      8.80    888.47       0.00'), out);
  assert.ok(out.includes('total principal 10000.00, interest 661.86, due 10661.86'), out);
  assert.ok(out.includes('2025-06-30      8.75    1108.75'), out);
  assert.ok(out.includes('178.249224% a year on the declining balance'), out);
});

test("a member's life: rejections are typed and the loan is repaid in order", () => {
  const out = run('member-life.ts');
  assert.ok(out.includes('"type":"same_user_cannot_approve"'), out);
  assert.ok(out.includes('"type":"below_minimum_balance","minimumBalance":"100.00"'), out);
  assert.ok(out.includes('"interest":"92.12","principal":"796.37"'), out);
  assert.ok(out.includes('"principalOutstandingAfter":"8415.14"'), out);
});

test.run();
