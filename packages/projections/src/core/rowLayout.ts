import type { Field, RowShape } from './rowShape.ts';

/** How many columns of each kind a row has. */
export interface RowWidths {
  readonly texts: number;
  readonly ints: number;
  readonly nums: number;
  readonly amounts: number;
}

/** Which of the four column groups keeps a field of this kind. */
export const groupOf = (f: Field): keyof RowWidths => {
  switch (f.kind) {
    case 'amount': return 'amounts';
    case 'count': return 'nums';
    case 'id': case 'optionalId': case 'date': return 'texts';
    default: return 'ints';
  }
};

/**
 * Where a table's fields are kept, derived from its description: each field's column in its
 * group (a list's first row; its last is the next column), the widths, and the int columns of
 * a new row (a flag's first value, no row linked, place 0).
 */
export interface RowLayout<S extends RowShape> {
  readonly shape: S;
  readonly widths: RowWidths;
  readonly at: { readonly [K in keyof S['fields']]: number };
  readonly newInts: ReadonlyArray<number>;
  /** The fields in order, each with its column. */
  readonly columns: ReadonlyArray<readonly [name: string, field: Field, column: number]>;
  /** The int column of the table's link field, or -1: the table is in no list. */
  readonly linkAt: number;
}

/** The layout of a described table: columns given in the order the fields are described. */
export const layoutOf = <S extends RowShape>(shape: S): RowLayout<S> => {
  const widths = { texts: 0, ints: 0, nums: 0, amounts: 0 };
  const at: Record<string, number> = {};
  const newInts: number[] = [];
  let linkAt = -1;
  const columns: Array<readonly [string, Field, number]> = [];
  for (const [name, f] of Object.entries(shape.fields)) {
    const g = groupOf(f);
    at[name] = widths[g];
    columns.push([name, f, widths[g]]);
    widths[g] += f.kind === 'list' ? 2 : 1;
    if (f.kind === 'list') newInts.push(-1, -1);
    else if (f.kind === 'link') {
      linkAt = at[name] ?? -1;
      newInts.push(-1);
    }
    else if (g === 'ints') newInts.push(0);
  }
  // `at` was filled above with exactly the described fields' names.
  return { shape, widths, at: at as RowLayout<S>['at'], newInts, columns, linkAt };
};
