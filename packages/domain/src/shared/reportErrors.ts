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

const show = (u: unknown): string => {
  if (u === undefined) return 'nothing';
  if (typeof u === 'bigint') return `${u}n`;
  const s = JSON.stringify(u);
  return s === undefined ? String(u) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

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

/** Turns io-ts errors into `field.path: expected X, got Y` lines, one per failing field. */
export const reportErrors = (errors: t.Errors): ReadonlyArray<FieldError> => {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
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
      ? `${where}: ${e.message ?? 'unexpected'}, got ${got}`
      : `${where}: expected ${expected}, got ${got}${why}`;
    out.push({ path, expected, got, message });
  }
  return out;
};
