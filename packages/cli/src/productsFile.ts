import { readFile } from 'node:fs/promises';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { ProductCatalogue, reportErrors } from '@usha/domain';

/** Why a product catalogue file was refused: named by the file, and the field when it is one. */
export type ProductsFileError =
  | { readonly type: 'products_unreadable'; readonly file: string; readonly reason: string }
  | { readonly type: 'products_not_json'; readonly file: string; readonly reason: string }
  | { readonly type: 'products_invalid'; readonly file: string; readonly field: string;
    readonly reason: string };

/** A refusal as one line for standard error. */
export const describeProductsFileError = (e: ProductsFileError): string =>
  e.type === 'products_unreadable' ? `--products: cannot read ${e.file}: ${e.reason}`
    : e.type === 'products_not_json' ? `--products: ${e.file} is not JSON: ${e.reason}`
      : `--products: ${e.file} is not a product catalogue: ${e.reason}`;

/**
 * Reads a product catalogue from a JSON file and decodes it with the domain's codec (every
 * product checked, each key its product's id), or says what is wrong with it.
 * @example await readProductsFile('products.json') // right({ SB: { kind: 'savings', ... } })
 */
export const readProductsFile = async (
  file: string,
): Promise<Either<ProductsFileError, ProductCatalogue>> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const reason = e instanceof Error && 'code' in e ? String(e.code) : String(e);
    return left({ type: 'products_unreadable', file, reason });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return left({ type: 'products_not_json', file, reason: e instanceof Error ? e.message
      : String(e) });
  }
  const decoded = ProductCatalogue.decode(json);
  if (decoded._tag === 'Right') return right(decoded.right);
  const first = reportErrors(decoded.left)[0];
  return left({ type: 'products_invalid', file, field: first?.path ?? '',
    reason: first?.message ?? 'not a product catalogue' });
};
