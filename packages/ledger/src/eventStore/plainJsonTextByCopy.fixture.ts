// The plain twin of `plainJsonText` (the model its property test holds it to): the same
// answer by the simple route. Only objects whose keys are out of order are copied (shallow,
// sorted), then the native writer writes the whole. Anything else (bigint, -0, holes,
// undefined, class instances, integer-like or "__proto__" keys, deep nesting) is left to
// `canonicalJson`.

const maxDepth = 64; // as canonicalJson
const refused: unique symbol = Symbol('refused');

const isPlainObject = (value: object): value is { readonly [key: string]: unknown } => {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

// JSON.stringify writes integer-like keys first whatever the order: those go the long way.
const isAwkwardKey = (key: string): boolean => {
  const first = key.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || key === '__proto__';
};

const check = (value: unknown, depth: number): unknown => {
  switch (typeof value) {
    case 'string': case 'boolean': return value;
    case 'number': return Number.isFinite(value) && !Object.is(value, -0) ? value : refused;
    case 'object':
      if (value === null) return null;
      if (depth >= maxDepth) return refused;
      if (Array.isArray(value)) return checkArray(value, depth);
      return isPlainObject(value) ? checkObject(value, depth) : refused;
    default: return refused;
  }
};

const checkArray = (value: readonly unknown[], depth: number): unknown => {
  let out: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    if (!(i in value)) return refused;
    const item: unknown = value[i];
    const checked = check(item, depth + 1);
    if (checked === refused) return refused;
    if (checked !== item) (out ??= value.slice())[i] = checked;
  }
  return out ?? value;
};

// Sorts short key lists in place, by UTF-16 code units as the native sort does: without the
// work array the native sort allocates on every call (most of what a sorted copy cost). A long
// list takes the native sort.
const sortKeys = (keys: string[]): string[] => {
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] ?? '';
    let j = i - 1;
    for (; j >= 0 && (keys[j] ?? '') > key; j--) keys[j + 1] = keys[j] ?? '';
    keys[j + 1] = key;
  }
  return keys;
};

const checkObject = (value: { readonly [key: string]: unknown }, depth: number): unknown => {
  const keys = Object.keys(value);
  let unsorted = false;
  // The fields whose own values were copied (objects out of order below this one), by key;
  // made only when there is one.
  let copied: Map<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? '';
    if (isAwkwardKey(key)) return refused;
    if (i > 0 && (keys[i - 1] ?? '') >= key) unsorted = true;
    const field = value[key];
    const checked = check(field, depth + 1);
    if (checked === refused) return refused;
    if (checked !== field) (copied ??= new Map()).set(key, checked);
  }
  if (!unsorted && copied === undefined) return value;
  const out: Record<string, unknown> = {};
  for (const key of unsorted ? sortKeys(keys) : keys) {
    out[key] = copied?.has(key) === true ? copied.get(key) : value[key];
  }
  return out;
};

/** What `plainJsonText` returns, by a sorted copy and `JSON.stringify`: its model in tests. */
export const plainJsonTextByCopy = (value: unknown): string | undefined => {
  const checked: unknown = check(value, 0);
  return checked === refused ? undefined : JSON.stringify(checked);
};
