// CPU per single-event append to the memory store (the Ledger's schema), for comparing two
// trees side by side: run it in each, in turns, and compare the medians.
//   node --import tsx packages/ledger/bench/memoryAppendCost.ts
import { randomUUID } from 'node:crypto';
import { inMemoryEventStore } from '../src/memory/inMemoryEventStore.ts';
import { ledgerEventSchema, type LedgerEvent } from '../src/app/log/ledgerEvent.ts';
import { memberWithSavings, memoryStore, testLedger } from '../src/app/testSupport.ts';
const src = memoryStore();
await memberWithSavings(await testLedger(src), 'M1', '1000');
const evs: LedgerEvent[] = [];
for await (const e of src.readAll()) evs.push({ type: e.type, data: e.data, metadata: e.metadata } as LedgerEvent);
const store = inMemoryEventStore({ schema: ledgerEventSchema });
const n = 60000;
const events = Array.from({ length: n }, (_, i) => ({ ...evs[i % evs.length]!, eventId: randomUUID() }));
const t0 = process.cpuUsage();
for (let i = 0; i < n; i++) await store.appendToStream(`s-${i % 1000}`, [events[i]!]);
const u = process.cpuUsage(t0);
console.log(((u.user + u.system) / n).toFixed(2), 'us/append');
