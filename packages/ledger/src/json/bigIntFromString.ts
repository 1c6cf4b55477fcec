import * as t from 'io-ts';

const decimal = /^-?(0|[1-9]\d*)$/;

/** io-ts codec: a bigint travels in JSON as its decimal string, e.g. `"42"`. */
export const BigIntFromString = new t.Type<bigint, string, unknown>(
  'BigIntFromString',
  (u): u is bigint => typeof u === 'bigint',
  (u, c) => (typeof u === 'string' && decimal.test(u) ? t.success(BigInt(u)) : t.failure(u, c)),
  (b) => b.toString(),
);
