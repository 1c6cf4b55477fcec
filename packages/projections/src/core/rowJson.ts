// A described table's rows in checkpoints (rowShape.ts): the codec, and the writing of a row
// to JSON and back, both derived from the description.
import * as t from 'io-ts';
import { setAmount } from './amountColumn.ts';
import type { RowLayout } from './rowLayout.ts';
import type { Field, RowShape } from './rowShape.ts';
import { addRow, setText, type Table } from './table.ts';

/** A bigint written as a decimal string of digits (a sign allowed) in a checkpoint. */
export const IntegerText = new t.Type<string, string, unknown>('IntegerText',
  (u): u is string => typeof u === 'string' && /^-?\d+$/.test(u),
  (u, c) => (typeof u === 'string' && /^-?\d+$/.test(u) ? t.success(u) : t.failure(u, c)),
  (s) => s);

// An array of exactly n items each passing `is`, e.g. a loan's ids or totals.
const exactly = (n: number, name: string, is: (u: unknown) => boolean) =>
  new t.Type<string[], string[], unknown>(name,
    (u): u is string[] => Array.isArray(u) && u.length === n && u.every(is),
    (u, c) => (Array.isArray(u) && u.length === n && u.every(is)
      ? t.success(u.map(String)) : t.failure(u, c)),
    (a) => a);

const fieldCodec = (f: Field): t.Mixed => {
  switch (f.kind) {
    case 'amount': return IntegerText;
    case 'count': return t.number;
    case 'id': return t.string;
    case 'optionalId': case 'date': return t.union([t.null, t.string]);
    case 'flag': return t.keyof(Object.fromEntries(f.values.map((v) => [v, null])));
    default: return t.array(t.string);
  }
};

// Fields a checkpoint holds by name: in `packed`, all but the ids and amounts.
const byName = (l: RowLayout<RowShape>, f: Field) => f.kind !== 'link' && f.kind !== 'place'
  && (l.shape.checkpoint === 'byName' || (f.kind !== 'id' && f.kind !== 'amount'));
const ofKind = (l: RowLayout<RowShape>, kind: Field['kind']) =>
  l.columns.filter(([, f]) => f.kind === kind);

/** The codec of one row of a described table, as its checkpoint holds it. */
export const rowJsonCodec = (
  l: RowLayout<RowShape>,
): t.Type<Record<string, unknown>, unknown, unknown> => {
  const props: Record<string, t.Mixed> = {};
  if (l.shape.checkpoint === 'byName') props[l.shape.key] = t.string;
  else props.ids = exactly(1 + ofKind(l, 'id').length, 'ids', (u) => typeof u === 'string');
  for (const [name, f] of l.columns) if (byName(l, f)) props[name] = fieldCodec(f);
  if (l.shape.checkpoint === 'packed') {
    props.totals = exactly(ofKind(l, 'amount').length, 'amounts', IntegerText.is);
  }
  return t.type(props);
};

const json = (f: Field, v: unknown): unknown => {
  if (f.kind === 'amount') return String(v);
  return Array.isArray(v) ? [...v] : v;
};

/** A row's view as its checkpoint holds it (fields in described order, bigints as text). */
export const rowToJson = (l: RowLayout<RowShape>, view: Record<string, unknown>) => {
  const { key, checkpoint } = l.shape;
  const o: Record<string, unknown> = {};
  if (checkpoint === 'byName') o[key] = view[key];
  else o.ids = [view[key], ...ofKind(l, 'id').map(([name]) => view[name])];
  for (const [name, f] of l.columns) if (byName(l, f)) o[name] = json(f, view[name]);
  if (checkpoint === 'packed') o.totals = ofKind(l, 'amount').map(([name]) => String(view[name]));
  return o;
};

const text = (u: unknown): string | null => (typeof u === 'string' ? u : null);
const strings = (u: unknown): ReadonlyArray<unknown> => (Array.isArray(u) ? u : []);

/** The key of a decoded row. */
export const keyOf = (l: RowLayout<RowShape>, j: Record<string, unknown>): string =>
  text(l.shape.checkpoint === 'byName' ? j[l.shape.key] : strings(j.ids)[0]) ?? '';

/**
 * Adds a decoded row (`rowJsonCodec`) to `t`: every field but lists and places, which only the
 * owner of the other tables and stores can rebuild. Returns the row.
 */
export const addRowFromJson = (t: Table, j: Record<string, unknown>): number => {
  const l = t.layout;
  const r = addRow(t, keyOf(l, j));
  const w = t.widths;
  const ids = strings(j.ids);
  const totals = strings(j.totals);
  let nthId = 0;
  let nthAmount = 0;
  for (const [name, f, k] of l.columns) {
    const packed = !byName(l, f);
    switch (f.kind) {
      case 'amount':
        setAmount(t.amounts, r * w.amounts + k, BigInt(text(packed ? totals[nthAmount] : j[name])
          ?? '0'));
        nthAmount += 1;
        break;
      case 'count': t.nums[r * w.nums + k] = Number(j[name]); break;
      case 'id':
        nthId += 1;
        setText(t, k, r, text(packed ? ids[nthId] : j[name]));
        break;
      case 'optionalId': case 'date': setText(t, k, r, text(j[name])); break;
      case 'flag': t.ints[r * w.ints + k] = f.values.indexOf(text(j[name]) ?? ''); break;
      default: break;
    }
  }
  return r;
};
