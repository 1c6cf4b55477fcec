import type * as t from 'io-ts';

/** A field that failed to decode: its dotted path and what was expected there. */
export interface FieldFailure {
  readonly field: string;
  readonly message: string;
}

// io-ts contexts list every codec on the way down; union and intersection members repeat
// the parent's key with a numeric "key" for the member, which is not a field of the data.
const isMemberStep = (parent: t.ContextEntry | undefined): boolean => {
  const tag: unknown = parent === undefined ? undefined : Reflect.get(parent.type, '_tag');
  return tag === 'UnionType' || tag === 'IntersectionType';
};

/** The dotted field path of one io-ts error, e.g. `data.schedule.3.amount`. */
export const ioTsFieldPath = (error: t.ValidationError): string => {
  const keys: string[] = [];
  error.context.forEach((entry, i) => {
    if (i === 0 || entry.key === '') return;
    if (isMemberStep(error.context[i - 1])) return;
    keys.push(entry.key);
  });
  return keys.join('.');
};

const show = (value: unknown): string => {
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return typeof value;
  }
};

/** Turns io-ts errors into field failures, one per distinct field, deepest first kept. */
export const ioTsFailures = (errors: t.Errors): FieldFailure[] => {
  const seen = new Map<string, FieldFailure>();
  for (const e of errors) {
    const field = ioTsFieldPath(e);
    if (seen.has(field)) continue;
    const expected = e.context[e.context.length - 1]?.type.name ?? 'a value';
    seen.set(field, { field, message: e.message ?? `expected ${expected}, got ${show(e.value)}` });
  }
  return [...seen.values()];
};
