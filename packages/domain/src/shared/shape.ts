import * as t from 'io-ts';
import * as E from 'fp-ts/lib/Either.js';
import { CommandId, UserIdInput } from './ids.ts';
import { DateString } from './codecs.ts';

const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

// Whether `props` names `k` as its own field: `k in props` would also say yes to
// `toString`, `constructor` or `__proto__`, which every object inherits.
const names = (props: t.Props, k: string): boolean => Object.hasOwn(props, k);

// Whether every own field of `u` is named in `props` (what `Object.keys(u).every(...)` says,
// without the array: this runs for every object in every event stored or read). An own
// `__proto__` (JSON.parse makes one) is listed by `for...in` like any other field.
const onlyNamed = (u: object, props: t.Props): boolean => {
  for (const k in u) if (Object.hasOwn(u, k) && !names(props, k)) return false;
  return true;
};

/**
 * An object codec that refuses fields it does not name. Events are copied to auditors and
 * replicas: a stray `name` or `phone` must fail at the boundary, not ride along unseen.
 */
export const closed = <P extends t.Props>(props: P, name: string) => {
  const base = t.type(props, name);
  type A = t.TypeOf<typeof base>;
  type O = t.OutputOf<typeof base>;
  // `props` stays visible so that docs and tools can list the fields.
  return Object.assign(new t.Type<A, O, unknown>(
    name,
    (u): u is A => base.is(u) && onlyNamed(u, props),
    (u, c) => {
      const r = base.validate(u, c);
      if (!isRecord(u) || onlyNamed(u, props)) return r;
      const extra = Object.keys(u).filter((k) => !names(props, k));
      if (extra.length === 0) return r;
      // The value is left out of the error: a stray field is where a name or a phone number
      // would be, and error reports get logged.
      const errors: t.Errors = extra.map((k) => ({
        value: undefined,
        context: [...c, { key: k, type: t.never, actual: undefined }],
        message: 'unexpected field: events and commands carry only the fields they name',
      }));
      return t.failures(E.isLeft(r) ? [...r.left, ...errors] : errors);
    },
    // io-ts's own `identity` where every field encodes to itself: `t.type` then skips its copy.
    base.encode,
  ), { props });
};

/** The codec of an event `{ type, data }`. */
export const eventCodec = <T extends string, P extends t.Props>(type: T, data: P) =>
  closed({ type: t.literal(type), data: closed(data, `${type}Data`) }, type);

/** Fields every command carries: its id, who acts, and the business date it takes effect. */
export const commandFields = { commandId: CommandId, actor: UserIdInput, on: DateString };

/** The codec of a command `{ type, data }`; data also has commandId, actor and on. */
export const commandCodec = <T extends string, P extends t.Props>(type: T, data: P) =>
  closed({
    type: t.literal(type),
    data: closed({ ...commandFields, ...data }, `${type}Data`),
  }, type);

/**
 * A union discriminated by a string field, decoded by looking the field up first, so that an
 * error names the field of the one member meant rather than every member's complaint.
 */
export const byTag = <K extends string, M extends Record<string, t.Mixed>>(
  name: string, tag: K, members: M,
) => {
  type A = t.TypeOf<M[keyof M]>;
  type O = t.OutputOf<M[keyof M]>;
  const codecs: ReadonlyArray<t.Mixed> = Object.values(members);
  const memberFor = (u: unknown): t.Mixed | undefined => {
    const v = isRecord(u) ? u[tag] : undefined;
    return typeof v === 'string' && Object.hasOwn(members, v) ? members[v] : undefined;
  };
  return new t.Type<A, O, unknown>(
    name,
    (u): u is A => codecs.some((m) => m.is(u)),
    (u, c) => {
      const m = memberFor(u);
      if (m !== undefined) return m.validate(u, c);
      const v = isRecord(u) ? u[tag] : u;
      return t.failures([{
        value: v,
        context: [...c, { key: tag, type: t.never, actual: v }],
        message: `expected one of ${Object.keys(members).join(', ')}`,
      }]);
    },
    // Members that all encode to themselves make the union one that does: no lookup, no copy.
    codecs.every((m) => m.encode === t.identity) ? t.identity : (a) => {
      const m = memberFor(a);
      return m === undefined ? a : m.encode(a);
    },
  );
};

/** A codec with a check across fields; a failure names the field it blames. */
export const withCheck = <A, O>(
  codec: t.Type<A, O, unknown>,
  check: (a: A) => { readonly field: string; readonly message: string } | undefined,
): t.Type<A, O, unknown> =>
  new t.Type<A, O, unknown>(
    codec.name,
    (u): u is A => codec.is(u) && check(u) === undefined,
    (u, c) => {
      const r = codec.validate(u, c);
      if (E.isLeft(r)) return r;
      const bad = check(r.right);
      if (bad === undefined) return r;
      const value: unknown = isRecord(u) ? u[bad.field] : u;
      return t.failures([{
        value,
        context: [...c, { key: bad.field, type: t.never, actual: value }],
        message: bad.message,
      }]);
    },
    codec.encode,
  );
