import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { closed } from './shape.ts';

/**
 * A closed object codec (see `closed`) with some fields that may be left out: a field added to
 * a product or a command after data was written is optional, so what was written still decodes.
 * An absent field stays absent (not `undefined`), so a decoded value encodes as it came.
 * @example closedWithOptional({ id: t.string }, { note: t.string }, 'X').decode({ id: 'a' })
 */
export const closedWithOptional = <R extends t.Props, O extends t.Props>(
  required: R, optional: O, name: string,
) => {
  // Both kinds of field are named to `closed`, which then refuses any field named by neither;
  // an optional one may be undefined there, and the partial codec checks its value if present.
  const asUndefinable = Object.fromEntries(Object.entries(optional)
    .map(([k, c]) => [k, t.union([c, t.undefined])]));
  const named = closed({ ...required, ...asUndefinable }, name);
  const base = t.intersection([t.type(required), t.partial(optional)], name);
  type A = t.TypeOf<typeof base>;
  type O2 = t.OutputOf<typeof base>;
  return Object.assign(new t.Type<A, O2, unknown>(
    name,
    (u): u is A => named.is(u) && base.is(u),
    (u, c) => {
      const n = named.validate(u, c);
      if (E.isLeft(n)) return n;
      return base.validate(u, c);
    },
    base.encode,
  // `props` names every field (as `closed` does); `optionalProps` those that may be left out.
  ), { props: { ...required, ...optional }, optionalProps: { ...optional } });
};
