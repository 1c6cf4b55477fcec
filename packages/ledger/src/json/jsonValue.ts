/** A value that JSON can carry exactly: what the stores write and read back. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { readonly [key: string]: JsonValue };

/** Why a value cannot be written as JSON, and where in it. */
export interface JsonError {
  /** Dotted path from the root, e.g. `data.items.2.amount`; `''` is the root. */
  readonly path: string;
  readonly message: string;
}
