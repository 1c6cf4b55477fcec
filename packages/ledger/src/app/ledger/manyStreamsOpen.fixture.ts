// Run as a child process, under a small heap: opens a log written by manyStreamsLog.fixture.ts
// (file store, then the Ledger without a projection), then sends a retried command, commands
// on existing streams and one that needs a member's facts, and prints what happened as JSON:
// `node --max-old-space-size=64 --import tsx manyStreamsOpen.fixture.ts <log> <members> [every]`
// (`every`: the close writes the index checkpoints whatever followed the last ones; by default
// it leaves a short tail to the next open).
import { products } from '@usha/domain/testing';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { ledgerEventSchema } from '../log/ledgerEvent.ts';
import { createLedger } from './createLedger.ts';
import { memberPart, memberRequests } from './manyStreamsLog.fixture.ts';

const [file = '', membersArg = '0', closes = 'default'] = process.argv.slice(2);
const everyClose = closes === 'every';
const last = Number(membersArg) - 1; // the last member written: found through every index
const m = memberPart(last);
const t0 = performance.now();
const store = await openFileEventStore({ file, schema: ledgerEventSchema,
  ...(everyClose ? { checkpointOnCloseAfterBytes: 0 } : {}) });
const t1 = performance.now();
const ledger = await createLedger({ store, products,
  ...(everyClose ? { indexCheckpoint: { onCloseAfterEvents: 0 } } : {}) });
const t2 = performance.now();
const by = (c: string) => ({ commandId: `${c}-${m}`, actor: 'clerk', on: '2025-06-01' });
const retried = await ledger.execute(memberRequests(last)[2]);
const deposit = await ledger.execute({ type: 'MakeDeposit',
  data: { ...by('dep'), accountId: `SB-${m}`, amount: '1000', source: 'cash' } });
const overdraw = await ledger.execute({ type: 'Withdraw',
  data: { ...by('wdr'), accountId: `SB-${m}`, amount: '5000' } });
// Her exit is refused for her two open deposit accounts, which only the member index names.
const redeem = await ledger.execute({ type: 'RedeemShares', data: { ...by('red'),
  accountId: `SH-${m}`, memberId: `M-${m}`, shares: 5, forExit: true } });
const exit = await ledger.execute({ type: 'ExitMember',
  data: { ...by('ext'), memberId: `M-${m}` } });
const t3 = performance.now();
await ledger.close(); // the index checkpoint written beside the log with `every`, else as due
const t4 = performance.now();
await store.close();
const summary = (o: { status: string; duplicate: boolean } & object) =>
  ({ status: o.status, duplicate: o.duplicate, rejection: Reflect.get(o, 'rejection') });
process.stdout.write(`${JSON.stringify({
  openStoreMs: Math.round(t1 - t0), createLedgerMs: Math.round(t2 - t1),
  commandsMs: Math.round(t3 - t2), maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  opened: ledger.opened, closeMs: Math.round(t4 - t3),
  retried: summary(retried), deposit: summary(deposit), overdraw: summary(overdraw),
  redeem: summary(redeem), exit: summary(exit),
})}\n`);
