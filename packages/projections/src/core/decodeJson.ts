import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { reportErrors } from '@usha/domain';
import { CheckpointFormatError } from '../projection.ts';

/** Decodes a checkpoint's JSON with a codec, or throws CheckpointFormatError naming fields. */
export const decodeJson = <A>(projection: string, codec: t.Decoder<unknown, A>, u: unknown): A => {
  const r = codec.decode(u);
  if (E.isLeft(r)) {
    throw new CheckpointFormatError(projection,
      reportErrors(r.left).slice(0, 3).map((f) => f.message).join('; '));
  }
  return r.right;
};
