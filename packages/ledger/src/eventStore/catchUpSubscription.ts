import { InvalidReadError, StoreClosedError } from './errors.ts';
import { takeSubscribeOptions } from './subscribeOptions.ts';
import type { ChangeSignal } from './changeSignal.ts';
import type {
  EventShape,
  ReadAllOptions,
  RecordedEvent,
  SubscriptionMessage,
} from './port.ts';
import { comparePosition, type Position } from './position.ts';

/**
 * A catch-up subscription built on `readAll`: it reads from the checkpoint to the end, says it
 * has caught up, then waits for the next append and reads again from where it stopped. Reading
 * again (rather than being pushed events) means no event is missed or delivered twice, even when
 * appends land while it is catching up.
 */
export async function* catchUpSubscription<E extends EventShape>(
  readAll: (options: ReadAllOptions) => AsyncIterable<RecordedEvent<E>>,
  changes: ChangeSignal,
  options: unknown,
): AsyncGenerator<SubscriptionMessage<E>> {
  // Read once, here, where a refusal is the iteration's first error.
  const taken = takeSubscribeOptions(options);
  if (taken instanceof InvalidReadError) throw taken;
  const { signal } = taken;
  const aborted = () => signal?.aborted === true;
  let checkpoint: Position | undefined;
  if (taken.from === 'end') {
    for await (const e of readAll({ direction: 'backwards', maxCount: 1 })) checkpoint = e.position;
  } else if (taken.from !== 'start') {
    checkpoint = taken.from;
  }
  let caughtUp = false;
  while (!changes.isClosed() && !aborted()) {
    const seen = changes.version();
    const from = checkpoint ?? 'start';
    try {
      for await (const event of readAll({ from, direction: 'forwards' })) {
        if (checkpoint !== undefined && comparePosition(event.position, checkpoint) <= 0) continue;
        if (aborted()) return;
        yield { kind: 'event', event };
        checkpoint = event.position;
      }
    } catch (e) {
      // A store closed while we read ends the subscription, as closing it while we wait does.
      if (e instanceof StoreClosedError) return;
      throw e;
    }
    if (!caughtUp) {
      caughtUp = true;
      yield { kind: 'caught-up' };
    }
    await changes.wait(seen, signal);
  }
}
