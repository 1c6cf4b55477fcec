// The reports the Ledger's queries make (year-end, period, collection, accrued interest, day
// cash) read a log file forwards, without an index: what they print must be what they printed
// through the file store.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { products } from '@usha/domain/testing';
import { auditTrail } from './auditTrail.fixture.ts';
import { cashDay } from './dayCashDay.fixture.ts';
import { ForwardsOnlyError, forwardsStore } from './forwardsStore.ts';
import type { ReportRead } from './reportCommand.ts';
import { runReport } from './reportRun.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-query-read-'));
test.after(() => rm(dir, { recursive: true, force: true }));
await writeFile(join(dir, 'products.json'), JSON.stringify(products));
const trail = await auditTrail(dir);
const dayDir = await mkdtemp(join(dir, 'day-'));
const day = await cashDay(dayDir);

// One report read one way: its exit code and every line it wrote.
const report = (read: ReportRead, argv: readonly string[]) => runReport(argv, read);

// Each query's report, cut by known-at (the reversal after the audit included or not), in
// text and CSV, and refusals (a branch with no cash entry).
const cases = (): string[][] => {
  const log = trail.file;
  const forms = [[], ['--format', 'csv']];
  const cuts = [[], ['--known-at', trail.auditPosition]];
  const reports = [
    ['share-register', log, '--year', '2025-26'],
    ['share-register', log, '--year', '2025-26', '--as-of', '2025-05-31'],
    ['appropriation', log, '--year', '2025-26'],
    ['receipts-payments', log, '--year', '2025-26'],
    ['receipts-payments', log, '--from', '2025-05-01', '--to', '2025-06-30'],
    ['dcb', log, '--from', '2025-05-01', '--to', '2025-06-30'],
    ['npa', log], ['npa', log, '--as-of', '2025-09-30'],
    ['accrued-interest', log, '--products', join(dir, 'products.json')],
    ['collection-sheet', log, '--branch', 'SONAGACHI', '--as-of', '2025-06-03'],
    ['dues', log, '--from', '2025-05-01', '--to', '2025-07-31'],
    ['dues', log, '--from', '2025-05-01', '--to', '2025-07-31', '--branch', 'SONAGACHI',
      '--overdue'],
    ['day-cash', log, '--branch', 'SONAGACHI', '--on', '2025-06-01'],
    ['day-cash', day.file, '--branch', 'SONAGACHI', '--on', '2024-04-02'],
  ];
  return reports.flatMap((r) => cuts.flatMap((cut) => forms.map((f) => [...r, ...cut, ...f])))
    .filter((argv) => argv[1] === log || !argv.includes('--known-at'));
};

test('every query\'s report is the same read forwards as read through the store', async () => {
  const all = cases();
  assert.is(all.length, 54);
  const codes: number[] = [];
  for (const argv of all) {
    const forwards = await report('sequential', argv);
    assert.equal(forwards, await report('indexed', argv), argv.join(' '));
    codes.push(forwards.code);
  }
  // Refused: day-cash of the audit trail (no cash entry), 4 forms and cuts; the rest printed.
  assert.is(codes.filter((c) => c === 1).length, 4);
  assert.is(codes.filter((c) => c === 0).length, 50);
  const sheet = await report('sequential', ['day-cash', day.file, '--branch', 'SONAGACHI',
    '--on', '2024-04-02']);
  assert.is(sheet.out, day.ledgerText);
});

test('a log read forwards refuses any read but the whole log from its first event', async () => {
  const store = forwardsStore(trail.file);
  const refusal = async (read: AsyncIterable<unknown>) => {
    try {
      for await (const _ of read) return 'read';
      return 'empty';
    } catch (e) {
      return e instanceof ForwardsOnlyError ? e.asked : String(e);
    }
  };
  assert.is(await refusal(store.readStream('deposit-SB-1')), 'a read of stream deposit-SB-1');
  assert.is(await refusal(store.readAll({ direction: 'backwards' })), 'a read of part of the log');
  assert.is(await refusal(store.readAll({ maxCount: 1 })), 'a read of part of the log');
  assert.is(await refusal(store.subscribeToAll({ from: 'end' })),
    'a subscription from a position');
  assert.is(await refusal(store.readAll({ from: 'start' })), 'read');
  const messages: string[] = [];
  for await (const m of store.subscribeToAll()) messages.push(m.kind);
  assert.is(messages.length, 14); // 13 events, then caught up
  assert.equal(messages.slice(-2), ['event', 'caught-up']);
  const appended = await store.appendToStream('x', []).catch((e: ForwardsOnlyError) => e.asked);
  assert.is(appended, 'an append to stream x');
});

test.run();
