import { StreamNotFoundError } from '../../eventStore/errors.ts';
import type { EventStore, RecordedEvent } from '../../eventStore/port.ts';
import { comparePosition } from '../../eventStore/position.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

type Event = RecordedEvent<LedgerEvent>;
type Head = { readonly event: Event; readonly rest: AsyncIterator<Event> };

// The first event of a stream and the reader of the rest; none for a stream with no events (a
// store may throw StreamNotFoundError whatever the hint says).
const headOf = async (store: EventStore<LedgerEvent>, stream: string): Promise<Head | null> => {
  const rest = store.readStream(stream, { notFoundAsEmpty: true })[Symbol.asyncIterator]();
  try {
    const first = await rest.next();
    return first.done === true ? null : { event: first.value, rest };
  } catch (e) {
    if (e instanceof StreamNotFoundError) return null;
    throw e;
  }
};

const before = (a: Head, b: Head) => comparePosition(a.event.position, b.event.position) < 0;

// A binary min-heap of stream heads by position: any number of streams merge in
// O(events x log streams), one event of each stream held at a time.
const push = (heap: Head[], h: Head): void => {
  let i = heap.push(h) - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    const parent = heap[p];
    if (parent === undefined || !before(h, parent)) break;
    heap[i] = parent;
    heap[p] = h;
    i = p;
  }
};

const pop = (heap: Head[]): Head | undefined => {
  const top = heap[0];
  const last = heap.pop();
  if (top === undefined || last === undefined || heap.length === 0) return top;
  heap[0] = last;
  for (let i = 0; ;) {
    const l = 2 * i + 1;
    let m = i;
    const at = (k: number) => heap[k];
    const lh = at(l);
    const rh = at(l + 1);
    if (lh !== undefined && before(lh, at(m) ?? lh)) m = l;
    if (rh !== undefined && before(rh, at(m) ?? rh)) m = l + 1;
    if (m === i) break;
    const a = heap[i];
    const b = heap[m];
    if (a === undefined || b === undefined) break;
    heap[i] = b;
    heap[m] = a;
    i = m;
  }
  return top;
};

/**
 * The events of some streams, merged into log order (by position), as `readAll` would deliver
 * them with every other stream left out: a fold over them applies each in the same order as a
 * replay of the whole log does. A stream named twice is read once; one with no events, not at all.
 */
export async function* streamsInLogOrder(
  store: EventStore<LedgerEvent>, streams: Iterable<string>,
): AsyncGenerator<Event> {
  const heap: Head[] = [];
  for (const s of new Set(streams)) {
    const h = await headOf(store, s);
    if (h !== null) push(heap, h);
  }
  try {
    for (let h = pop(heap); h !== undefined; h = pop(heap)) {
      yield h.event;
      const next = await h.rest.next();
      if (next.done !== true) push(heap, { event: next.value, rest: h.rest });
    }
  } finally {
    // A reader that stops early (or fails) leaves no stream read open.
    await Promise.all(heap.map((h) => h.rest.return?.()));
  }
}
