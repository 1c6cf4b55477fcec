import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { auditTrail } from './auditTrail.fixture.ts';
import type { ReportRead } from './reportCommand.ts';
import { runReport } from './reportRun.fixture.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-report-read-'));
test.after(() => rm(dir, { recursive: true, force: true }));
const trail = await auditTrail(dir);
const { file } = trail;

// One report read one way: its exit code and every line it wrote.
const report = (read: ReportRead, argv: readonly string[]) => runReport(argv, read);

// Every report made by one replay, in every form, as of dates and known-at positions that cut
// the history (the reversal after the audit included or not), and the refusals.
const cases = (log: string): string[][] => {
  const forms = [[], ['--format', 'csv'], ['--format', 'json']];
  const cuts = [[], ['--as-of', '2025-05-31'], ['--known-at', trail.auditPosition]];
  const reports = [['trial-balance'], ['balance-sheet'], ['income-statement', '--year', '2025-26'],
    ['par'], ['passbook', '--member', 'M-1'], ['passbook', '--member', 'M-1', '--account',
      'SB-1'], ['trial-balance', '--branch', 'SONAGACHI']];
  const refused = [['passbook', log, '--member', 'M-2'], ['trial-balance', log, '--branch', 'X'],
    ['balance-sheet', log, '--as-of', '2020-01-01']];
  return [
    ...reports.flatMap(([r = '', ...rest]) => cuts
      .filter((cut) => r !== 'income-statement' || cut[0] !== '--as-of') // a year, not a date
      .flatMap((cut) => forms.map((form) => [r, log, ...rest, ...cut, ...form]))),
    ...refused,
  ];
};

test('every replayed report is the same read once forwards as read through the store',
  async () => {
    const all = cases(file);
    assert.is(all.length, 63);
    for (const argv of all) {
      const sequential = await report('sequential', argv);
      assert.equal(sequential, await report('indexed', argv), argv.join(' '));
    }
    const tb = await report('sequential', ['trial-balance', file]);
    assert.is(tb.code, 0);
    assert.match(tb.out, /Trial balance/i);
    assert.is((await report('sequential', ['passbook', file, '--member', 'M-2'])).code, 1);
  });

test('a damaged log is refused the same either way, and nothing is printed', async () => {
  const damaged = join(dir, 'damaged.ndjson');
  const lines = (await readFile(file, 'utf8')).split('\n');
  const at = lines.findIndex((l) => l.includes('"1500.00"'));
  assert.is(at, 4); // line 5: the first deposit
  lines[at] = (lines[at] ?? '').replace('"1500.00"', '"1600.00"');
  await writeFile(damaged, lines.join('\n'));
  const sequential = await report('sequential', ['trial-balance', damaged]).catch((e) => e);
  const indexed = await report('indexed', ['trial-balance', damaged]).catch((e) => e);
  assert.instance(sequential, Error);
  assert.equal(sequential, indexed);
  assert.match(String(sequential.reason), /hash does not match content/);
  assert.is(sequential.where.line, 5);
});

test('an unfinished last append is left out either way', async () => {
  const torn = join(dir, 'torn.ndjson');
  const whole = await readFile(file, 'utf8');
  await writeFile(torn, whole);
  await appendFile(torn, whole.split('\n')[0] ?? ''); // a line without its newline
  const argv = ['trial-balance', torn, '--format', 'csv'];
  const sequential = await report('sequential', argv);
  assert.equal(sequential, await report('indexed', argv));
  assert.equal(sequential, await report('sequential', ['trial-balance', file, '--format', 'csv']));
});

test.run();
