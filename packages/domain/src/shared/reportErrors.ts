import type * as t from 'io-ts';

/** One field that failed to decode: where, what was expected, what was found. */
export interface FieldError {
  readonly path: string;
  readonly expected: string;
  readonly got: string;
  readonly message: string;
}

const isCombinator = (type: t.Decoder<unknown, unknown>): boolean => {
  const tag: unknown = Reflect.get(type, '_tag');
  return tag === 'UnionType' || tag === 'IntersectionType' || tag === 'RefinementType' ||
    tag === 'ExactType' || tag === 'ReadonlyType';
};

/** At most this many fields are reported, each message cut to `maxMessageLength`. */
export const errorReportLimits = { maxFields: 10, maxMessageLength: 240 } as const;

// A value written briefly and never throwing: strings, arrays and objects are cut once the
// text reaches 60 characters, so a report costs the same whatever the input's size or kind.
const preview = (u: unknown, room: number): string => {
  if (typeof u === 'string') return JSON.stringify(u.length > room ? u.slice(0, room) : u);
  if (typeof u === 'bigint') return `${u}n`;
  if (typeof u !== 'object' || u === null) return String(u);
  let entries: ReadonlyArray<readonly [string, unknown]>;
  try {
    entries = Array.isArray(u) ? u.slice(0, 8).map((v) => ['', v] as const)
      : Object.entries(u).slice(0, 8);
  } catch {
    return 'an unreadable object';
  }
  let s = Array.isArray(u) ? '[' : '{';
  for (const [k, v] of entries) {
    if (s.length > room) break;
    const key = k === '' ? '' : `${JSON.stringify(k)}:`;
    s += `${s.length > 1 ? ',' : ''}${key}${preview(v, room - s.length)}`;
  }
  return `${s}${Array.isArray(u) ? ']' : '}'}`;
};

const show = (u: unknown): string => {
  if (u === undefined) return 'nothing';
  const s = preview(u, 60);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

const cut = (s: string): string => s.length <= errorReportLimits.maxMessageLength ? s
  : `${s.slice(0, errorReportLimits.maxMessageLength - 3)}...`;

// The path skips the keys io-ts adds for union and intersection members, so that it reads as
// the field a person wrote: `data.allocation.principal`, `data.schedule.installments.3.dueOn`.
const pathOf = (context: t.Context): string => {
  const keys: string[] = [];
  context.forEach((entry, i) => {
    const parent = i > 0 ? context[i - 1] : undefined;
    if (i === 0 || entry.key === '' || (parent && isCombinator(parent.type))) return;
    keys.push(entry.key);
  });
  return keys.join('.');
};

/**
 * Turns io-ts errors into `field.path: expected X, got Y` lines, one per failing field: the
 * first `errorReportLimits.maxFields` of them, each cut to a bounded length.
 */
export const reportErrors = (errors: t.Errors): ReadonlyArray<FieldError> => {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    if (out.length === errorReportLimits.maxFields) break;
    const last = e.context[e.context.length - 1];
    const path = pathOf(e.context);
    if (seen.has(path)) continue;
    seen.add(path);
    const expected = last?.type.name ?? 'a value';
    const got = show(e.value);
    const why = e.message ? ` (${e.message})` : '';
    const where = path === '' ? '(root)' : path;
    // A field that must not be there, or a check across fields: the message says it all.
    const message = expected === 'never'
      ? `${where}: ${e.message ?? 'unexpected'}${e.value === undefined ? '' : `, got ${got}`}`
      : `${where}: expected ${expected}, got ${got}${why}`;
    out.push({ path, expected, got, message: cut(message) });
  }
  return out;
};
