import { amountAt } from './amountColumn.ts';
import type { RowLayout } from './rowLayout.ts';
import type { RowShape, RowView } from './rowShape.ts';
import { idOf, textAt, type Table } from './table.ts';

/** The tables a view may follow a list into, by name. */
export type Tables = Readonly<Record<string, Table>>;

// The ids of the rows of `of` listed from row r of `t` (first row in column k, then links).
const listed = (t: Table, k: number, r: number, of: Table | undefined): string[] => {
  const ids: string[] = [];
  if (of === undefined) return ids;
  const next = of.layout.linkAt;
  for (let x = t.ints[r * t.widths.ints + k] ?? -1; x >= 0;
    x = of.ints[x * of.widths.ints + next] ?? -1) ids.push(idOf(of, x));
  return ids;
};

/** Row r of `t` as a plain object: the key, then each field but links, as described. */
export const readRow = (tables: Tables, t: Table, r: number): Record<string, unknown> => {
  const { shape, columns } = t.layout;
  const w = t.widths;
  const o: Record<string, unknown> = { [shape.key]: idOf(t, r) };
  for (const [name, f, k] of columns) {
    switch (f.kind) {
      case 'amount': o[name] = amountAt(t.amounts, r * w.amounts + k); break;
      case 'count': o[name] = t.nums[r * w.nums + k] ?? 0; break;
      case 'id': o[name] = textAt(t, k, r) ?? ''; break;
      case 'optionalId': case 'date': o[name] = textAt(t, k, r); break;
      case 'flag': o[name] = f.values[t.ints[r * w.ints + k] ?? 0] ?? f.values[0]; break;
      case 'list': o[name] = listed(t, k, r, tables[f.of]); break;
      case 'place': o[name] = t.ints[r * w.ints + k] ?? 0; break;
      case 'link': break;
    }
  }
  return o;
};

/** A reader of rows of a table laid out as `layout`, as its typed view. */
export const viewOf = <S extends RowShape>(_layout: RowLayout<S>) =>
  (tables: Tables, t: Table, r: number): RowView<S> =>
    // readRow writes exactly the key and the non-link fields of S, with values of their kinds.
    readRow(tables, t, r) as RowView<S>;
