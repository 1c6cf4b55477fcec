import * as t from 'io-ts';

/** One field that failed to decode: where, what was expected, what was found. */
export interface FieldError {
  readonly path: string;
  readonly expected: string;
  readonly got: string;
  readonly message: string;
}

// Refinements, exact, readonly and recursive codecs validate through the codec they wrap
// without a context entry of their own, so an entry's parent may be one of them: what counts
// is the codec underneath.
const underneath = (type: t.Decoder<unknown, unknown>): t.Decoder<unknown, unknown> => {
  let inner = type;
  while (inner instanceof t.RefinementType || inner instanceof t.ExactType ||
    inner instanceof t.ReadonlyType || inner instanceof t.RecursiveType) inner = inner.type;
  return inner;
};

// Unions and intersections add an entry per member, keyed by its index: not a field.
const holdsMembers = (type: t.Decoder<unknown, unknown>): boolean => {
  const inner = underneath(type);
  return inner instanceof t.UnionType || inner instanceof t.IntersectionType;
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
/** The dotted field path of one io-ts error, e.g. `data.schedule.3.amount`; '' for the root. */
export const fieldPathOf = (error: t.ValidationError): string => {
  const context = error.context;
  const keys: string[] = [];
  context.forEach((entry, i) => {
    const parent = i > 0 ? context[i - 1] : undefined;
    if (i === 0 || entry.key === '' || (parent && holdsMembers(parent.type))) return;
    keys.push(entry.key);
  });
  return keys.join('.');
};

/** One failing field, and what is wrong there said without its path. */
export interface FieldProblem {
  readonly path: string;
  readonly expected: string;
  readonly got: string;
  /** e.g. `expected number, got "x"`; `reportErrors` puts the path before it. */
  readonly detail: string;
}

/**
 * The failing fields of io-ts errors, one per path, the first `errorReportLimits.maxFields`.
 * `reportErrors` is the same report with the path in each message.
 */
export const fieldProblems = (errors: t.Errors): ReadonlyArray<FieldProblem> => {
  const seen = new Set<string>();
  const out: FieldProblem[] = [];
  for (const e of errors) {
    if (out.length === errorReportLimits.maxFields) break;
    const last = e.context[e.context.length - 1];
    const path = fieldPathOf(e);
    if (seen.has(path)) continue;
    seen.add(path);
    const expected = last?.type.name ?? 'a value';
    const got = show(e.value);
    const why = e.message ? ` (${e.message})` : '';
    // A field that must not be there, or a check across fields: the message says it all.
    const detail = expected === 'never'
      ? `${e.message ?? 'unexpected'}${e.value === undefined ? '' : `, got ${got}`}`
      : `expected ${expected}, got ${got}${why}`;
    out.push({ path, expected, got, detail: cut(detail) });
  }
  return out;
};

/**
 * Turns io-ts errors into `field.path: expected X, got Y` lines, one per failing field: the
 * first `errorReportLimits.maxFields` of them, each cut to a bounded length.
 */
export const reportErrors = (errors: t.Errors): ReadonlyArray<FieldError> =>
  fieldProblems(errors).map(({ path, expected, got, detail }) => ({
    path, expected, got, message: cut(`${path === '' ? '(root)' : path}: ${detail}`),
  }));
