// The portfolio of a past date three ways, on one log, in one process, CPU time side by side:
// the whole log replayed to the date (what `asKnownAt` does), one read of the log folding the
// loan and member streams only (the dated path before), and the live report state with the
// streams that straddle the date read again (`portfolioAsOf`). Each answer is checked against
// the replay's. First, the report runner's catch-up over the log with a checkpoint store and
// without (the saves' count, characters and CPU).
// Run: `PORTFOLIO_LOG=<copy of a scale log> npx -y pnpm@10 bench datedPortfolio`.
import { isDeepStrictEqual } from 'node:util';
import { parReport, replayAsync } from '@usha/projections';
import { memberIndex } from '../src/app/commands/memberIndex.ts';
import { ledgerEventSchema } from '../src/app/log/ledgerEvent.ts';
import { loanBalancesAsOf } from '../src/app/reports/datedBalances.ts';
import { portfolioAsOf } from '../src/app/reports/datedPortfolio.ts';
import { reportProjection } from '../src/app/reports/reportProjection.ts';
import { memoryCheckpointStore } from '../src/app/runner/checkpointStore.ts';
import { createProjectionRunner } from '../src/app/runner/projectionRunner.ts';
import { openFileEventStore } from '../src/file/fileEventStore.ts';

const file = process.env.PORTFOLIO_LOG ?? process.argv[2];
const dates = (process.env.PORTFOLIO_DATES ?? '2016-03-31,2018-09-30,2021-03-31,2024-12-31')
  .split(',');

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const timed = async <T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const at = cpuMs();
  const value = await f();
  return { value, ms: cpuMs() - at };
};

const main = async (): Promise<void> => {
  if (file === undefined) {
    console.log('datedPortfolio: skipped (set PORTFOLIO_LOG to a copy of a scale log)');
    return;
  }
  const store = await openFileEventStore({ file, schema: ledgerEventSchema, readOnly: true });
  const members = memberIndex();
  for await (const e of store.readAll()) members.observe(e);
  const catchUp = async (kept: boolean) => {
    const saved = { count: 0, chars: 0 };
    const memory = memoryCheckpointStore();
    const runner = createProjectionRunner({ store, projection: reportProjection(),
      ...(kept ? { checkpoints: { load: memory.load, save: (text: string) => {
        saved.count += 1;
        saved.chars += text.length;
        return memory.save(text);
      } } } : {}) });
    const t = await timed(async () => {
      await runner.start();
      await runner.caughtUp(); // and saves on catching up
    });
    await runner.stop();
    return { ...saved, ms: t.ms };
  };
  const bare = await catchUp(false);
  const kept = await catchUp(true);
  console.log(`report runner catch-up: no checkpoint ${bare.ms.toFixed(0)} ms CPU; with one `
    + `${kept.ms.toFixed(0)} ms (${(kept.ms / bare.ms).toFixed(2)}x), ${kept.count} saves, `
    + `${(kept.chars / 2 ** 20).toFixed(1)} MiB serialized`);
  const live = await timed(() => replayAsync(reportProjection(), store.readAll()));
  console.log(`live report state built once: ${live.ms.toFixed(0)} ms CPU, `
    + `${live.value.cursor.applied} events`);
  let streamsRead = 0;
  type ReadOptions = Parameters<typeof store.readStream>[1];
  const counted = { ...store, readStream: (s: string, o?: ReadOptions) => {
    streamsRead += 1;
    return store.readStream(s, o);
  } };
  for (const asOf of dates) {
    const whole = await timed(() => replayAsync(reportProjection(), store.readAll(), { asOf }));
    const oneRead = await timed(() => loanBalancesAsOf({ store, members }, asOf));
    streamsRead = 0;
    const dated = await timed(() => portfolioAsOf({ store: counted,
      balances: live.value.states.balances, spans: live.value.states.spans,
      knownAt: live.value.cursor.position }, asOf));
    const expected = parReport(whole.value.states.balances, { asOf });
    const same = isDeepStrictEqual(dated.value, expected)
      && isDeepStrictEqual(parReport(oneRead.value, { asOf }), expected);
    console.log(`${asOf}: replay ${whole.ms.toFixed(0)} ms, one read ${oneRead.ms.toFixed(0)} ms,`
      + ` straddling streams ${dated.ms.toFixed(0)} ms (${streamsRead} streams, `
      + `${expected.loans.length} loans at risk or current); replay / straddling `
      + `${(whole.ms / dated.ms).toFixed(1)}x, one read / straddling `
      + `${(oneRead.ms / dated.ms).toFixed(1)}x; same answer: ${same ? 'yes' : 'NO'}`);
  }
  await store.close();
};

await main();
