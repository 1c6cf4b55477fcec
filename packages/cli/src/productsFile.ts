import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { ProductCatalogue, reportErrors } from '@usha/domain';
import { readRegularFile } from '@usha/ledger';
import { fileMeaning } from './fileProblem.ts';

/**
 * Why a product catalogue file was refused: named by the file, and the field when it is one;
 * one that cannot be read says why in words (`no such file`, `not a regular file`).
 */
export type ProductsFileError =
  | { readonly type: 'products_unreadable'; readonly file: string; readonly reason: string }
  | { readonly type: 'products_not_json'; readonly file: string; readonly reason: string }
  | { readonly type: 'products_invalid'; readonly file: string; readonly field: string;
    readonly reason: string };

/** A refusal as one line for standard error. */
export const describeProductsFileError = (e: ProductsFileError): string =>
  e.type === 'products_unreadable' ? `--products: ${e.file}: ${e.reason}`
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
    // Opened without waiting, read only if a regular file (a pipe is never waited on).
    text = (await readRegularFile(file)).toString('utf8');
  } catch (e) {
    const code: unknown = e instanceof Error ? Reflect.get(e, 'code') : undefined;
    if (typeof code !== 'string') throw e;
    return left({ type: 'products_unreadable', file, reason: fileMeaning(code) });
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
