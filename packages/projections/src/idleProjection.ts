import type { Projection } from './projection.ts';

/**
 * A projection that folds nothing: its state stays the initial one. A replay keeps one in
 * place of a state its report never reads, so that state costs nothing while the shape of
 * the combined state (and every reader of it) stays the same.
 * @example combine({ balances: idleProjection(balancesProjection()), books: booksProjection() })
 */
export const idleProjection = <S>(p: Projection<S>): Projection<S> => ({
  ...p, apply: (s) => s,
});
