// The demo is what a newcomer runs first: it must run and print the exact figures it promises.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (file: string, ...args: string[]): string =>
  execFileSync(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: new URL('.', import.meta.url).pathname, encoding: 'utf8',
  });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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

// Read straight from the log's lines: every event's actor was appointed by an earlier event,
// but the first, which appoints a board member (who may send it herself: the set-up rule).
// The set-up notes written before the first appointment and configuration are no one's act.
const assertOnlyStaffActed = (log: string) => {
  const field = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((v, k) =>
    (typeof v === 'object' && v !== null ? Reflect.get(v, k) : undefined), o);
  const lines = log.trim().split('\n').map((line) => JSON.parse(line) as unknown);
  const events = lines.filter((e) => field(e, 'type') !== 'SetUpNoted');
  assert.is(lines.length - events.length, 2);
  const [first, ...rest] = events;
  assert.is(field(first, 'type'), 'StaffAppointed');
  assert.is(field(first, 'data', 'role'), 'board');
  assert.is(field(first, 'metadata', 'actor'), field(first, 'data', 'staffId'));
  const appointed = new Set([field(first, 'data', 'staffId')]);
  const strangers = rest.filter((e) => {
    if (field(e, 'type') === 'StaffAppointed') appointed.add(field(e, 'data', 'staffId'));
    return !appointed.has(field(e, 'metadata', 'actor'));
  });
  assert.is(rest.length, 9293);
  assert.equal(strangers, [], 'every command sent by appointed staff');
  assert.is(appointed.size, 18);
};

test('the demo runs a year, prints its figures, and the replay and the hash chain agree', () => {
  // A folder of its own, so a developer's `pnpm demo` in .demo/ never collides with the test.
  const folder = mkdtempSync(join(tmpdir(), 'usha-demo-'));
  const out = run('demo.ts', folder);
  const lines = out.split('\n');
  const twice = (line: string) =>
    assert.is(lines.filter((l) => l === line).length, 2, `${line}\n${out}`);
  assert.ok(out.includes('300 members, 7556 commands; 111 recurring deposits; 92 loans '
    + '(15 repaid late, 7 stopped paying)'), out);
  assert.ok(out.includes('Year closed on 2026-04-01: completed; dividend credited to 300 '
    + 'members: completed'), out);
  // Printed live through the Ledger, then again from the replay: each figure twice.
  twice('      Total                      19,97,385.84  19,97,385.84');
  twice('Total liabilities and equity  19,89,119.20');
  twice('  Statutory reserve               4,789.45');
  twice('Net profit              19,157.78');
  twice('All branches     85  2,69,936.66  12,705.52  5,661.71   0.00  52,915.44  41,893.33  '
    + '21.70%  19.60%');
  twice('Name: Jharna Ghosh');
  twice('2026-04-01  By dividend                                 15.70  3,671.41');
  // The year-end reports, printed once (the accrual, provision and close agree with them).
  const once = (line: string) =>
    assert.is(lines.filter((l) => l === line).length, 1, `${line}\n${out}`);
  once('Deposit interest payable            11,213.72');
  once('Total            85  2,69,936.66            6,159.64');
  once('Closing balance, all funds             17,25,342.18');
  once('All branches  principal     92     0.00  6,37,800.82  6,37,800.82           0.00    '
    + '5,99,063.34     0.00  38,737.48');
  once('Paid-up capital                      44,280.00');
  once('Carried to other funds and surplus  10,119.37');
  // Staff in their roles: 18 appointments, and the dividend's request and approval, are 20
  // events more than the year ran without a register, and the actors' ids and those events
  // move the last position; no figure above changes (actors move no money).
  // Each of the 300 savings accounts, 111 recurring deposits and 92 loans opened is noted on
  // its member's stream first: 503 events, and a later last position. The first appointment
  // and the society's configuration note themselves on the set-up stream first: 2 events,
  // 1,486 bytes.
  // The year's close and the dividend credit each claim themselves before their first step
  // (ProcessClaimed, claimant usha-demo): 2 events, 2 appends and 1,692 bytes more. The close
  // then begins (YearCloseBegun) before its first posting: 1 event, 1 append, 793 bytes more.
  // Each of the 300 dividend deposits names the year it brought (DividendDeposited, in the
  // deposit's own append): 300 events, no append, 227,100 bytes more.
  assert.ok(out.includes('Replayed 9296 events from the log, read-only, into fresh '
    + 'projections:'), out);
  assert.ok(out.includes('Replay: the figures are identical.'), out);
  assert.ok(out.includes('Hash chain verified: 9296 events, intact; every one of 8989 appends '
    + "signed by the writer's key."), out);
  // The configuration's TDS setting (off) is 73 bytes more in the log than before it; the 127
  // penalties typed in by hand say so (`"rule":null`, 12 bytes each): 1,524 bytes more.
  assert.match(out, /^Last event at C:8374813\/P:8374813; last hash [0-9a-f]{64}\.$/m);
  once('Staff: 18 appointed, 17 acted (the auditor sends nothing); every command sent by the '
    + "role the permission table names, at the member's branch, with a second person where "
    + 'the table asks one.');
  assert.match(out, new RegExp('^An auditor records both, then checks and reads the log with '
    + `nothing else but the public key: npx -y pnpm@10 usha verify ${
      escape(join(folder, 'usha.ndjson'))} --key ${
      escape(join(`${folder}-keys`, 'usha-signing.pub'))}$`, 'm'));
  const log = readFileSync(join(folder, 'usha.ndjson'), 'utf8');
  assert.not.ok(log.includes('Jharna'), 'no name in the log');
  assertOnlyStaffActed(log);
  // Run again in the same folder (as a newcomer runs `pnpm demo` twice): every file the first
  // run left is the demo's own (its checkpoints and kept states included), so it starts over.
  const again = run('demo.ts', folder);
  assert.ok(again.includes('Hash chain verified: 9296 events, intact; every one of 8989 '
    + "appends signed by the writer's key."), again);
  rmSync(folder, { recursive: true, force: true });
  // The directory's master key and the log's signing key, kept apart from the data.
  rmSync(`${folder}-keys`, { recursive: true, force: true });
});

test.run();
