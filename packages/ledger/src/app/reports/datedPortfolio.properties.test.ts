import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loanCommands } from '@usha/domain/testing';
import { parReport, replayAsync } from '@usha/projections';
import type { EventStore } from '../../eventStore/port.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { memoryStore, testLedger } from '../testSupport.ts';
import { portfolioAsOf } from './datedPortfolio.ts';
import { reportProjection } from './reportProjection.ts';

type Raw = { readonly type: string; readonly data: unknown };

// One member's copy of a generated loan's life: M1 and L1 become hers, and command ids (and
// the event ids a reversal names) are prefixed so that no two members share one.
const hers = (k: number) => (c: Raw): Raw =>
  JSON.parse(JSON.stringify({ type: c.type, data: c.data }), (_, v: unknown) => {
    if (v === 'M1') return `M${k}`;
    if (v === 'L1') return `L${k}`;
    return typeof v === 'string' && /^c\d+(\.\d+)?$/.test(v) ? `l${k}-${v}` : v;
  }) as Raw; // JSON of a decoded command: the Ledger decodes it again on execute

const admit = (k: number, branchId: string): Raw => ({ type: 'AdmitMember', data: {
  commandId: `admit-${k}`, actor: 'clerk-1', on: '2024-04-01', memberId: `M${k}`, branchId,
  shareProductId: 'SH', shares: 5 } });

const transfer = (k: number, day: number): Raw => ({ type: 'TransferMember', data: {
  commandId: `move-${k}`, actor: 'clerk-1', memberId: `M${k}`, to: 'KALIGHAT',
  on: new Date(Date.UTC(2024, 3, 1 + day)).toISOString().slice(0, 10) } });

// Her loan approved and disbursed on the day she applied, before the generated commands (a
// generated life approves and disburses by chance only: most would never be at risk).
const disbursed = (k: number) => (q: ReadonlyArray<Raw>): Raw[] => {
  const [applied, ...rest] = q;
  if (applied === undefined) return [];
  const on = String(Reflect.get(Object(applied.data), 'on'));
  const loanId = `L${k}`;
  return [applied,
    { type: 'ApproveLoan', data: { commandId: `approve-${k}`, actor: 'mgr-1', on, loanId,
      principal: '10000' } },
    { type: 'DisburseLoan', data: { commandId: `disburse-${k}`, actor: 'clerk-1', on, loanId } },
    ...rest];
};

// Members' loans interleaved at random, some members moved to another branch; then events
// back-dated at random (`backdate`: for each event, none or how many days earlier).
const history = fc.integer({ min: 2, max: 4 }).chain((n) => fc.record({
  loans: fc.tuple(...Array.from({ length: n }, (_, i) =>
    loanCommands('LN').map((c) => disbursed(i + 1)(c.map(hers(i + 1)))))),
  moves: fc.array(fc.option(fc.integer({ min: 1, max: 300 })), { minLength: n, maxLength: n }),
  picks: fc.array(fc.nat(), { minLength: 300, maxLength: 300 }),
  backdate: fc.array(fc.option(fc.integer({ min: 1, max: 200 }), { freq: 4 }),
    { minLength: 300, maxLength: 300 }),
  dates: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
}));

const earlier = (on: string, days: number) =>
  new Date(Date.parse(`${on}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

// The decided history, copied into another store event by event, some effective earlier than
// decided: back-dated events, in any stream, that a fold must place by their date.
const written = async (h: {
  readonly loans: ReadonlyArray<ReadonlyArray<Raw>>;
  readonly moves: ReadonlyArray<number | null>;
  readonly picks: ReadonlyArray<number>;
  readonly backdate: ReadonlyArray<number | null>;
}): Promise<{ store: EventStore<LedgerEvent>; days: string[] }> => {
  const decided = memoryStore();
  const ledger = await testLedger(decided);
  for (let k = 1; k <= h.loans.length; k++) await ledger.execute(admit(k, 'SONAGACHI'));
  const left = h.loans.map((q, i) => {
    const move = h.moves[i];
    return [...q, ...(move === null || move === undefined ? [] : [transfer(i + 1, move)])];
  });
  for (let p = 0; left.some((q) => q.length > 0); p++) {
    const open = left.filter((q) => q.length > 0);
    const c = open[(h.picks[p % h.picks.length] ?? 0) % open.length]?.shift();
    if (c !== undefined) await ledger.execute(c);
  }
  await ledger.close();
  const store = memoryStore();
  const days = new Set<string>();
  let i = 0;
  for await (const e of decided.readAll()) {
    const back = h.backdate[i++ % h.backdate.length];
    const on = back === null || back === undefined ? e.metadata.effectiveOn
      : earlier(e.metadata.effectiveOn, back);
    days.add(on);
    const event = { type: e.type, data: e.data, metadata: { ...e.metadata, effectiveOn: on },
      eventId: e.eventId };
    // The same event with another date: its type and data are untouched, so still a LedgerEvent.
    await store.appendToStream(e.stream, [event as typeof e]);
  }
  return { store, days: [...days].sort() };
};

test('the portfolio as of a date read from the straddling streams is the whole log\'s replay',
  async () => {
    await fc.assert(fc.asyncProperty(history, async (h) => {
      const { store, days } = await written(h);
      const live = await replayAsync(reportProjection(), store.readAll());
      const sources = { store, balances: live.states.balances, spans: live.states.spans,
        knownAt: live.cursor.position };
      // Any day of the history, and the day before it began.
      const choices = [earlier(days[0] ?? '2024-04-01', 1), ...days];
      for (const pick of h.dates) {
        const asOf = choices[pick % choices.length] ?? '2024-04-01';
        const whole = await replayAsync(reportProjection(), store.readAll(), { asOf });
        assert.equal(await portfolioAsOf(sources, asOf),
          parReport(whole.states.balances, { asOf }), `portfolio on ${asOf}`);
      }
    }), { numRuns: 40 });
    // Over these 40 histories, 160 dates: 229 loan lines, 89 of them after a transfer (seeded
    // runs vary; counted once by hand so that the property is known not to hold vacuously).
  });

test.run();
