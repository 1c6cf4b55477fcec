import { InvalidReadError } from './errors.ts';
import { quotedValue } from './quotedValue.ts';
import { positionOf } from './readOptions.ts';
import type { Position } from './position.ts';

/** A subscription's options as taken once (see `takeSubscribeOptions`). */
export interface TakenSubscribeOptions {
  readonly from: Position | 'start' | 'end';
  readonly signal: AbortSignal | undefined;
}

/**
 * A subscription's options read once, each field once, into values of its own, or why they
 * are refused: `from` must be `'start'`, `'end'` or a position of two bigints of 0 or more
 * (numbers would compare unequal to the positions read, and the checkpoint's event come again),
 * and `signal` an AbortSignal (a look-alike whose `aborted` answers one thing to the loop and
 * another to the wait could spin it without end). None given: from the start, no signal.
 */
export const takeSubscribeOptions = (
  options: unknown,
): InvalidReadError | TakenSubscribeOptions => {
  if (options === undefined || options === null) return { from: 'start', signal: undefined };
  if (typeof options !== 'object') {
    return new InvalidReadError(`subscription options: ${quotedValue(options)}, not a record`);
  }
  try {
    const from: unknown = Reflect.get(options, 'from');
    const signal: unknown = Reflect.get(options, 'signal');
    if (signal !== undefined && !(signal instanceof AbortSignal)) {
      return new InvalidReadError(`signal: ${quotedValue(signal)}, not an AbortSignal`);
    }
    if (from === undefined || from === 'start' || from === 'end') {
      return { from: from ?? 'start', signal };
    }
    const position = positionOf(from);
    return position instanceof InvalidReadError ? position : { from: position, signal };
  } catch {
    return new InvalidReadError('subscription options: a value that cannot be read');
  }
};
