import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { JsonError } from './jsonValue.ts';

/** Parses JSON text to an unknown value (decode it with a codec), refusing bad text. */
export const parseJson = (text: string): Either<JsonError, unknown> => {
  try {
    const value: unknown = JSON.parse(text);
    return right(value);
  } catch (e) {
    return left({ path: '', message: e instanceof Error ? e.message : String(e) });
  }
};
