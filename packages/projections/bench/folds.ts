// The folds the projections bench times, shared by the timing process and the memory child.
import type { ProjectedEvent } from '../src/index.ts';
import { allProjections, balancesProjection, combine } from '../src/index.ts';
import { readLines } from './readEvents.ts';

/** Whether a value is a non-null object. */
export const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null;
const isProjected = (u: Record<string, unknown>): u is Record<string, unknown> & ProjectedEvent =>
  typeof u.type === 'string';
// The bench trusts the file it generated (the store's bench measures decoding): a line is an
// event once it has a type and metadata; its position is its line number.
const asEvent = (u: unknown, line: number): ProjectedEvent | undefined => {
  if (!isRecord(u) || typeof u.type !== 'string' || !isRecord(u.metadata)) return undefined;
  const p = BigInt(line);
  u.position = { commit: p, prepare: p };
  return isProjected(u) ? u : undefined;
};

/** A fold under measurement: one event at a time, and what it has built. */
export type Fold = { apply: (e: ProjectedEvent) => void; result: () => unknown };

/** The member balances alone, or every projection, each through `combine`. */
export const projectionFold = (which: 'balances' | 'all'): Fold => {
  const p = which === 'all' ? allProjections({ passbookMembers: ['M1'] })
    : combine({ balances: balancesProjection() });
  let s: unknown = p.initialState();
  const apply = p.apply as (s: unknown, e: ProjectedEvent) => unknown;
  return { apply: (e) => { s = apply(s, e); }, result: () => s };
};

/** B1: money by account in paise, parsed by hand; what a minimal balances fold would do. */
export const handFold = (): Fold => {
  const balances = new Map<string, bigint>();
  const paise = (s: unknown) => (typeof s === 'string' ? BigInt(s.replace('.', '')) : 0n);
  const add = (k: unknown, x: bigint) => {
    if (typeof k === 'string') balances.set(k, (balances.get(k) ?? 0n) + x);
  };
  return {
    apply: (e) => {
      const d: unknown = e.data;
      if (!isRecord(d)) return;
      switch (e.type) {
        case 'Deposited': case 'InterestPosted': case 'SharesPurchased':
          add(d.accountId, paise(d.amount)); return;
        case 'Withdrawn': add(d.accountId, -paise(d.amount)); return;
        case 'LoanDisbursed': add(d.loanId, paise(d.principal)); return;
        case 'RepaymentReceived':
          add(d.loanId, -(isRecord(d.allocation) ? paise(d.allocation.principal) : 0n)); return;
        default: return;
      }
    },
    result: () => balances,
  };
};

/**
 * Reads `file` (up to `limit` lines) and JSON.parses each line; with a fold, applies each event
 * to it. `onEvent` sees the count after each line (the memory child samples there); `read`
 * is how lines are read (readLines unless the memory child says otherwise).
 */
export const time = (
  file: string, fold: Fold | null, limit = Infinity, onEvent?: (n: number) => void,
  read: typeof readLines = readLines,
) => {
  const t0 = process.hrtime.bigint();
  let n = 0;
  read(file, (text, line) => {
    const u: unknown = JSON.parse(text);
    n += 1;
    if (fold !== null) {
      const e = asEvent(u, line);
      if (e !== undefined) fold.apply(e);
    }
    if (onEvent !== undefined) onEvent(n);
  }, limit);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return { n, seconds, rate: n / seconds };
};
