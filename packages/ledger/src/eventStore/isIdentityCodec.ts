import * as t from 'io-ts';

// io-ts codec classes whose `validate` succeeds exactly when `is` holds and then returns its
// input: the primitives (literal and keyof return the accepted value, which is the input).
// `ObjectType` is deprecated in io-ts but still built by `t.object`, so it is kept.
const identityLeaves: ReadonlyArray<new (...args: never[]) => object> = [
  t.StringType,
  t.NumberType,
  t.BooleanType,
  t.NullType,
  t.UndefinedType,
  t.VoidType,
  t.UnknownType,
  t.AnyType,
  t.NeverType,
  t.LiteralType,
  t.KeyofType,
  t.AnyArrayType,
  t.AnyDictionaryType,
  t.ObjectType,
];

const maxDepth = 32;

const check = (codec: unknown, depth: number): boolean => {
  // A plain `new t.Type(...)` is none of the classes below: it may transform.
  if (depth > maxDepth || !(codec instanceof t.Type)) return false;
  if (identityLeaves.some((leaf) => codec instanceof leaf)) return true;
  // A refinement validates its base, then its predicate; the others wrap one codec.
  if (codec instanceof t.RefinementType || codec instanceof t.ReadonlyType ||
    codec instanceof t.ReadonlyArrayType || codec instanceof t.ArrayType) {
    return check(codec.type, depth + 1);
  }
  // Validate in place: a copy is made only when a member's output differs from its input.
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    const props: unknown = codec.props;
    return typeof props === 'object' && props !== null &&
      Object.values(props).every((p) => check(p, depth + 1));
  }
  // A union returns the first member's output; an intersection of members that all return
  // their input returns the input (io-ts `mergeAll`).
  if (codec instanceof t.UnionType || codec instanceof t.IntersectionType) {
    const types: unknown = codec.types;
    return Array.isArray(types) && types.every((m) => check(m, depth + 1));
  }
  // Exact and strict types strip unknown keys, records may too, tuples check lengths,
  // recursive types are not followed: all of them keep the full `decode`.
  return false;
};

/**
 * True if the codec, built only from io-ts's own combinators, decodes any value that its `is`
 * accepts to that same value. For such a codec `is` is a complete check, and much cheaper than
 * `decode` (which builds a context for every field); a codec made with `new t.Type` may
 * transform what it decodes, so it is never treated as one.
 * @example isIdentityCodec(t.type({ id: t.string })) // true
 * @example isIdentityCodec(BigIntFromString) // false: it decodes a string to a bigint
 */
export const isIdentityCodec = (codec: t.Mixed): boolean => check(codec, 0);
