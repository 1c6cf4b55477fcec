// A columnar table's one description: its fields, each with a kind, in the order its rows are
// read as plain objects and written to checkpoints. The columns (which typed array, which
// slot), the empty row, the read-only view, its type and the checkpoint codec are all derived
// from it (rowLayout.ts, rowView.ts, rowJson.ts), so a field is added in one place.

/** A field's kind: what it holds, and so which column keeps it. */
export type Field =
  /** Paise, exact (a bigint): an amount column. */
  | { readonly kind: 'amount' }
  /** A small number (shares held, instalments missed): a float column. */
  | { readonly kind: 'count' }
  /** Another row's id (a member's, a product's), '' until written: a text column. */
  | { readonly kind: 'id' }
  /** An id that may be absent (null): a text column. */
  | { readonly kind: 'optionalId' }
  /** A business date ('YYYY-MM-DD') or null: a text column. */
  | { readonly kind: 'date' }
  /** One of a fixed list of names, the first until written: an int column holding its place. */
  | { readonly kind: 'flag'; readonly values: ReadonlyArray<string> }
  /** Rows of another table, in the order linked: two int columns (first and last row). */
  | { readonly kind: 'list'; readonly of: string }
  /** The next row of the list this row is in (-1: none): an int column, never shown. */
  | { readonly kind: 'link' }
  /** A place in a store beside the table, rebuilt on load: an int column, not checkpointed. */
  | { readonly kind: 'place' };

/** A table's description: the id field's name, the fields in order, the checkpoint form. */
export interface RowShape {
  readonly key: string;
  readonly fields: Readonly<Record<string, Field>>;
  /**
   * `byName`: a row is an object of its fields by name. `packed` (for tables with many rows):
   * `ids` holds the key and the id fields, `totals` the amounts, the other fields by name.
   */
  readonly checkpoint: 'byName' | 'packed';
}

/** An amount field. */
export const amount = { kind: 'amount' } as const;
/** A count field. */
export const count = { kind: 'count' } as const;
/** An id field. */
export const id = { kind: 'id' } as const;
/** An optional id field. */
export const optionalId = { kind: 'optionalId' } as const;
/** A date field. */
export const date = { kind: 'date' } as const;
/** A link field. */
export const link = { kind: 'link' } as const;
/** A place field. */
export const place = { kind: 'place' } as const;
/** A flag field: one of `values`, the first by default. */
export const flag = <const V extends ReadonlyArray<string>>(values: V) =>
  ({ kind: 'flag', values }) as const;
/** A list field: rows of table `of`, through their link field. */
export const list = <const T extends string>(of: T) => ({ kind: 'list', of }) as const;

/** The value a field of kind F reads as. */
export type ValueOf<F extends Field> =
  F extends { kind: 'amount' } ? bigint
    : F extends { kind: 'count' | 'place' } ? number
      : F extends { kind: 'id' } ? string
        : F extends { kind: 'optionalId' | 'date' } ? string | null
          : F extends { kind: 'flag'; values: ReadonlyArray<infer V> } ? V
            : F extends { kind: 'list' } ? ReadonlyArray<string>
              : never;

type Flat<T> = { readonly [K in keyof T]: T[K] };

/** A row read as a plain, read-only object: its key and every field but links. */
export type RowView<S extends RowShape> = Flat<
  & { readonly [K in S['key']]: string }
  & { readonly [K in keyof S['fields'] as S['fields'][K] extends { kind: 'link' } ? never : K]:
    ValueOf<S['fields'][K]> }>;
