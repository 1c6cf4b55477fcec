import type * as t from 'io-ts';

// io-ts codecs, by `_tag`, whose `validate` succeeds exactly when `is` holds and then returns its
// input: the primitives (literal and keyof return the accepted value, which is the input).
const identityLeaves: ReadonlySet<string> = new Set([
  'StringType',
  'NumberType',
  'BooleanType',
  'NullType',
  'UndefinedType',
  'VoidType',
  'UnknownType',
  'AnyType',
  'NeverType',
  'LiteralType',
  'KeyofType',
  'AnyArrayType',
  'AnyDictionaryType',
  'ObjectType',
]);

const maxDepth = 32;

const membersOf = (codec: object, key: 'props' | 'types'): unknown[] | undefined => {
  const members: unknown = Reflect.get(codec, key);
  if (Array.isArray(members)) return members;
  if (typeof members !== 'object' || members === null) return undefined;
  return Object.values(members);
};

const check = (codec: unknown, depth: number): boolean => {
  if (depth > maxDepth || typeof codec !== 'object' || codec === null) return false;
  const tag: unknown = Reflect.get(codec, '_tag');
  if (typeof tag !== 'string') return false; // `new t.Type(...)`: may transform
  if (identityLeaves.has(tag)) return true;
  switch (tag) {
    // A refinement validates its base, then its predicate; the others wrap one codec.
    case 'RefinementType':
    case 'ReadonlyType':
    case 'ReadonlyArrayType':
    case 'ArrayType':
      return check(Reflect.get(codec, 'type'), depth + 1);
    // Validate in place: a copy is made only when a member's output differs from its input.
    case 'InterfaceType':
    case 'PartialType': {
      const props = membersOf(codec, 'props');
      return props !== undefined && props.every((p) => check(p, depth + 1));
    }
    // A union returns the first member's output; an intersection of members that all return
    // their input returns the input (io-ts `mergeAll`).
    case 'UnionType':
    case 'IntersectionType': {
      const types = membersOf(codec, 'types');
      return types !== undefined && types.every((m) => check(m, depth + 1));
    }
    // Exact and strict types strip unknown keys, records may too, tuples check lengths,
    // recursive types are not followed: all of them keep the full `decode`.
    default:
      return false;
  }
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
