// The branch part of a books checkpoint, apart from the society's part so that one written
// before the books kept branches (without it) still opens: its society figures are exact, and
// reports by branch refuse it (BranchBooksUnavailableError) until the books are replayed.
import * as t from 'io-ts';
import { carriedRoles } from './branchBooks.ts';
import type { PostingRole } from './chartOfAccounts.ts';
import type { BooksState } from './state.ts';

const Row = t.tuple([t.string, t.array(t.string)]);

/** The codec of the branch part of a books checkpoint. */
export const BranchesJson = t.intersection([t.type({
  branches: t.array(t.tuple([t.string, t.type({
    balances: t.array(t.string), daily: t.array(Row), years: t.array(Row),
  })])),
  // [member id, her branch, [carried role, amount] for each non-zero one]
  members: t.array(t.tuple([t.string, t.string, t.array(t.tuple([t.string, t.string]))])),
}), t.partial({
  // [member id, [on, from, to] for each transfer of hers]: members never transferred left out
  // (a checkpoint of books version 1 has none; the runner replays those, see projection.ts).
  transfers: t.array(t.tuple([t.string, t.array(t.tuple([t.string, t.string, t.string]))])),
})]);
export type BranchesJson = t.TypeOf<typeof BranchesJson>;

const strings = (r: ReadonlyArray<bigint>) => r.map(String);

/** The branch part of the books as checkpoint JSON. */
export const serializeBranches = (s: BooksState): BranchesJson => ({
  branches: [...s.branches].map(([b, r]) => [b, {
    balances: strings(r.balances),
    daily: [...r.daily].map(([d, row]) => [d, strings(row)]),
    years: [...r.years].map(([y, row]) => [y, strings(row)]),
  }]),
  members: [...s.members].map(([id, m]) => [id, m.branchId,
    m.held.flatMap((x, k) => (x === 0n ? [] : [[carriedRoles[k] ?? '', String(x)]]))]),
  transfers: [...s.members].filter(([, m]) => m.transfers.length > 0)
    .map(([id, m]) => [id, m.transfers.map((t) => [t.on, t.from, t.to])]),
});

const slotOf = (role: string): number => {
  const k = carriedRoles.findIndex((r: PostingRole) => r === role);
  if (k < 0) throw new TypeError(`books checkpoint carries an unknown role ${role}`);
  return k;
};

/** Reads the branch part into `s`, each row by account code through `rows`. */
export const deserializeBranches = (
  s: BooksState, j: BranchesJson, rows: (r: ReadonlyArray<bigint>) => bigint[],
): void => {
  const bigints = (r: ReadonlyArray<string>) => rows(r.map((x) => BigInt(x)));
  for (const [b, r] of j.branches) {
    s.branches.set(b, {
      balances: bigints(r.balances),
      daily: new Map(r.daily.map(([d, row]) => [d, bigints(row)])),
      years: new Map(r.years.map(([y, row]) => [y, bigints(row)])),
    });
  }
  for (const [id, branchId, held] of j.members) {
    const amounts = carriedRoles.map(() => 0n);
    for (const [role, x] of held) amounts[slotOf(role)] = BigInt(x);
    s.members.set(id, { branchId, held: amounts, transfers: [] });
  }
  for (const [id, transfers] of j.transfers ?? []) {
    const m = s.members.get(id);
    if (m === undefined) throw new TypeError(`books checkpoint: transfers of ${id}, not a member`);
    for (const [on, from, to] of transfers) m.transfers.push({ on, from, to });
  }
};
