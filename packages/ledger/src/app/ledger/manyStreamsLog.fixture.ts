// Writes a log of many small streams, as the Ledger would store it: for each member, her
// admission, a share purchase, a savings account and a recurring deposit (four streams; her own
// stream also notes each account opened on it, so six events). Writing it command by command
// through the Ledger would take minutes for a million events; instead the Ledger stores the four
// commands of one member once, and each other member's events are those with her ids put in, the
// request hash recomputed from her requests as the Ledger computes it, and the event ids derived
// from her command ids, all appended through the file store's normal append path (which checks
// every event).
import * as E from 'fp-ts/lib/Either.js';
import { decodeCommand } from '@usha/domain';
import { products } from '@usha/domain/testing';
import type { NewEvent } from '../../eventStore/port.ts';
import { openFileEventStore } from '../../file/fileEventStore.ts';
import { inMemoryEventStore } from '../../memory/inMemoryEventStore.ts';
import { commandHash } from '../commands/commandHash.ts';
import { eventUuid } from '../log/eventUuid.ts';
import { ledgerEventSchema, type LedgerEvent } from '../log/ledgerEvent.ts';
import { createLedger } from './createLedger.ts';

const marker = 'x0000000'; // member 0's id part; no other text in an event contains it

/** The id part of member i's ids: `M-x0000042`, `SB-x0000042`, `adm-x0000042`... */
export const memberPart = (i: number): string => `x${String(i).padStart(7, '0')}`;

/** The four requests that make member i's history, as raw Ledger input. */
export const memberRequests = (i: number): ReadonlyArray<{ type: string; data: object }> => {
  const m = memberPart(i);
  const by = (c: string) => ({ commandId: `${c}-${m}`, actor: 'clerk', on: '2024-05-01' });
  const memberId = `M-${m}`;
  return [
    { type: 'AdmitMember', data: { ...by('adm'), memberId, branchId: 'SONAGACHI',
      shareProductId: 'SH', shares: 5 } },
    { type: 'PurchaseShares', data: { ...by('shr'), accountId: `SH-${m}`, memberId,
      productId: 'SH', shares: 5 } },
    { type: 'OpenSavingsAccount', data: { ...by('osb'), accountId: `SB-${m}`, memberId,
      productId: 'SB' } },
    { type: 'OpenRecurringDeposit', data: { ...by('ord'), accountId: `RD-${m}`, memberId,
      productId: 'RD', instalment: '500', termMonths: 12 } },
  ];
};

const hashOf = (request: { type: string; data: object }): string => {
  const c = decodeCommand(request);
  if (E.isLeft(c)) throw new Error(`template request invalid: ${c.left.message}`);
  return commandHash(c.right);
};

interface Template {
  readonly stream: string;
  readonly text: string; // the stored form's JSON, member 0's ids in it
  readonly hash: string; // the request hash in it
  readonly request: number; // which of memberRequests made it
}

// Member 0's history, stored by the Ledger itself.
const template = async (): Promise<Template[]> => {
  const store = inMemoryEventStore({ schema: ledgerEventSchema });
  const ledger = await createLedger({ store, products });
  for (const r of memberRequests(0)) {
    const o = await ledger.execute(r);
    if (o.status !== 'accepted') throw new Error(`template ${r.type}: ${JSON.stringify(o)}`);
  }
  await ledger.close();
  const ids = memberRequests(0).map((r) => Reflect.get(r.data, 'commandId'));
  const out: Template[] = [];
  for await (const e of store.readAll()) {
    const request = ids.indexOf(e.metadata.commandId);
    if (request < 0) throw new Error(`template event ${e.type} of no request`);
    out.push({ stream: e.stream, text: JSON.stringify(ledgerEventSchema.encode(e)),
      hash: e.metadata.commandHash, request });
  }
  return out;
};

// The template's events by stream, in the order the Ledger stored them.
const byStream = (events: ReadonlyArray<Template>): ReadonlyArray<ReadonlyArray<Template>> => {
  const streams = new Map<string, Template[]>();
  for (const t of events) streams.set(t.stream, [...streams.get(t.stream) ?? [], t]);
  return [...streams.values()];
};

/** Writes a new log `file` of `members` members' streams; returns the events written. */
export const writeManyStreamsLog = async (file: string, members: number): Promise<number> => {
  const events = await template();
  const streams = byStream(events);
  const store = await openFileEventStore({ file, schema: ledgerEventSchema });
  const inFlight = new Set<Promise<unknown>>();
  try {
    for (let i = 0; i < members; i++) {
      const m = memberPart(i);
      const requests = memberRequests(i);
      for (const stream of streams) {
        const batch = stream.map((t): NewEvent<LedgerEvent> => {
          const request = requests[t.request];
          if (request === undefined) throw new Error('a template event without its request');
          const text = t.text.replaceAll(marker, m).replace(t.hash, hashOf(request));
          const decoded = ledgerEventSchema.decode(JSON.parse(text));
          if (E.isLeft(decoded)) throw new Error(`member ${i}: ${decoded.left.message}`);
          return { ...decoded.right, eventId: eventUuid(decoded.right.metadata.eventId) };
        });
        const name = (stream[0]?.stream ?? '').replaceAll(marker, m);
        const p = store.appendToStream(name, batch, { expectedRevision: 'no_stream' });
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
        if (inFlight.size >= 512) await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
  } finally {
    await store.close();
  }
  return members * events.length;
};
