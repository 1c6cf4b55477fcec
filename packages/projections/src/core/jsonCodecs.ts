import * as t from 'io-ts';

/** A cursor's JSON form. */
export const CursorJsonCodec = t.type({
  position: t.union([t.null, t.type({ commit: t.string, prepare: t.string })]),
  revisions: t.readonlyArray(t.tuple([t.string, t.string])),
  applied: t.number,
  ignored: t.number,
  through: t.union([t.null, t.string]),
});
/** A reversal index's JSON form. */
export const ReversalIndexJsonCodec = t.type({
  keysA: t.readonlyArray(t.number),
  keysB: t.readonlyArray(t.number),
  code: t.readonlyArray(t.number),
  aux: t.readonlyArray(t.number),
  day: t.readonlyArray(t.number),
  amount: t.readonlyArray(t.string),
  splits: t.readonlyArray(t.string),
  unresolved: t.number,
});
