import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loanCommands, savingsCommands, shareCommands } from '@usha/domain/testing';
import {
  memberBalances, parReport, passbook, replayAsync, type MemberStatement,
} from '@usha/projections';
import { memoryStore, testLedger } from '../testSupport.ts';
import { reportProjection } from './reportProjection.ts';

type Raw = { readonly type: string; readonly data: unknown };

// One member's copy of a generated sequence: M1, A1, S1 and L1 become hers, and the command
// ids (and the event ids a reversal names, `c3.0`) are prefixed so that no two sequences share
// one. The domain's generators build one member's life; several interleaved make a society.
const hers = (k: number, tag: string) => (c: Raw): Raw => {
  const ids: Record<string, string> = { M1: `M${k}`, A1: `A${k}`, S1: `S${k}`, L1: `L${k}` };
  return JSON.parse(JSON.stringify({ type: c.type, data: c.data }), (_, v: unknown) => {
    if (typeof v !== 'string') return v;
    if (ids[v] !== undefined) return ids[v];
    return /^c\d+(\.\d+)?$/.test(v) ? `${tag}${k}-${v}` : v;
  }) as Raw; // JSON of a decoded command: the Ledger decodes it again on execute
};

const admit = (k: number, branchId: string): Raw => ({ type: 'AdmitMember', data: {
  commandId: `admit-${k}`, actor: 'clerk-1', on: '2024-04-01', memberId: `M${k}`, branchId,
  shareProductId: 'SH', shares: 5 } });

// A move to the other branch on some date of her first year (the PAR by branch follows it).
const transfer = (k: number, branchId: string) => fc.option(fc.integer({ min: 1, max: 365 }))
  .map((d): Raw[] => (d === null ? [] : [{ type: 'TransferMember', data: {
    commandId: `move-${k}`, actor: 'clerk-1', memberId: `M${k}`,
    on: new Date(Date.UTC(2024, 3, 1 + d)).toISOString().slice(0, 10),
    to: branchId === 'SONAGACHI' ? 'KALIGHAT' : 'SONAGACHI' } }]));

// A member's admission, then her streams' lives: shares, savings, a loan, maybe a transfer.
const member = (k: number) => fc.constantFrom('SONAGACHI', 'KALIGHAT').chain((branch) =>
  fc.tuple(fc.constant([admit(k, branch)]), shareCommands.map((c) => c.map(hers(k, 's'))),
    savingsCommands.map((c) => c.map(hers(k, 'd'))),
    loanCommands('LN').map((c) => c.map(hers(k, 'l'))), transfer(k, branch)));

// Several members' streams, interleaved at random: each stream's dates rise, but the log's do
// not (one member's event of June may be recorded before another's of April).
const society = fc.integer({ min: 2, max: 3 })
  .chain((n) => fc.tuple(fc.tuple(...Array.from({ length: n }, (_, i) => member(i + 1))),
    fc.array(fc.nat(), { minLength: 400, maxLength: 400 }), fc.array(fc.nat(), {
      minLength: 4, maxLength: 4 })))
  .map(([members, picks, dates]) => {
    // Each admission first: a member's other commands wait for hers.
    const out: Raw[] = members.flatMap(([admitted]) => admitted);
    const left: Raw[][] = members.flatMap(([, ...streams]) => streams.map((q) => [...q]));
    for (let p = 0; left.some((q) => q.length > 0); p++) {
      const open = left.filter((q) => q.length > 0);
      const c = open[(picks[p % picks.length] ?? 0) % open.length]?.shift();
      if (c !== undefined) out.push(c);
    }
    return { commands: out, members: members.length, dates };
  });

// A statement's figures: every field but `scheduleAt`, where a loan's rows sit in its state's
// schedule store (after every loan folded before it: a place in that state, not a figure).
const figures = (s: MemberStatement | undefined) => (s === undefined ? undefined : {
  ...s, loans: s.loans.map(({ scheduleAt, ...l }) => (void scheduleAt, l)),
});

const history = async (commands: ReadonlyArray<Raw>) => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  for (const c of commands) await ledger.execute(c);
  const days = new Set<string>();
  for await (const e of store.readAll()) days.add(e.metadata.effectiveOn);
  return { store, ledger, days: [...days].sort() };
};

const replayAsOf = (store: ReturnType<typeof memoryStore>, asOf: string) =>
  replayAsync(reportProjection(), store.readAll(), { asOf });
type Replayed = Awaited<ReturnType<typeof replayAsOf>>;
type TestLedger = Awaited<ReturnType<typeof testLedger>>;

// Over generated societies: for each date picked before the latest (the live state answers the
// latest and after), `check` sets the Ledger's answer as of it beside the whole log's replay.
const againstReplays = (
  check: (l: TestLedger, asOf: string, whole: Replayed, members: number) => Promise<void>,
) => fc.assert(fc.asyncProperty(society, async ({ commands, members, dates }) => {
  const { store, ledger, days } = await history(commands);
  const past = days.slice(0, -1);
  for (const pick of dates) {
    const asOf = past[pick % Math.max(past.length, 1)];
    if (asOf === undefined) continue;
    await check(ledger, asOf, await replayAsOf(store, asOf), members);
  }
  await ledger.close();
}), { numRuns: 25 });

test('a member\'s balances as of any date are the whole log\'s replay as of that date', () =>
  againstReplays(async (ledger, asOf, whole, members) => {
    for (let k = 1; k <= members + 1; k++) {
      assert.equal(figures(await ledger.balances(`M${k}`, { asOf })),
        figures(memberBalances(whole.states.balances, `M${k}`, { asOf })), `M${k} on ${asOf}`);
    }
  }));

test('the portfolio as of any date is the whole log\'s replay as of that date', () =>
  againstReplays(async (ledger, asOf, whole) => {
    assert.equal(await ledger.portfolio({ asOf }), parReport(whole.states.balances, { asOf }),
      `portfolio on ${asOf}`);
  }));

test('a member\'s passbook as of any date is the whole log\'s replay as of that date: '
  + 'no page for an account opened after it', () =>
  againstReplays(async (ledger, asOf, whole, members) => {
    for (let k = 1; k <= members + 1; k++) {
      assert.equal(await ledger.passbook(`M${k}`, { asOf }),
        passbook(whole.states.passbook, `M${k}`, { asOf }), `M${k} on ${asOf}`);
    }
  }));

test.run();
