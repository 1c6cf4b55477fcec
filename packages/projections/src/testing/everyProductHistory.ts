import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { historyOf, type Op } from './histories.ts';

// Days to wait, then an operation: two loans (one charged, waived, repaid in part, written off
// and recovered), shares and a dividend, deposits and interest, a fixed deposit that matures,
// a recurring deposit that misses an instalment.
const steps: ReadonlyArray<readonly [number, Op]> = [
  [1, { k: 'deposit', m: 0, paise: 500_000 }], [1, { k: 'buy', m: 1, shares: 3 }],
  [1, { k: 'loan', m: 0, rupees: 6000, weekly: false }],
  [1, { k: 'loan', m: 1, rupees: 3000, weekly: true }], [1, { k: 'fixed', m: 2 }],
  [1, { k: 'recurring', m: 2 }], [3, { k: 'penalty', m: 0, paise: 1234 }],
  [3, { k: 'fee', m: 0, paise: 5678 }], [30, { k: 'waive', m: 0, paise: 100 }],
  [0, { k: 'repay', m: 0, paise: 50_000 }],
  [1, { k: 'penalty', m: 0, paise: 999 }], [1, { k: 'fee', m: 0, paise: 888 }],
  [1, { k: 'miss', m: 2 }], [1, { k: 'writeoff', m: 0 }],
  [1, { k: 'recover', m: 0, paise: 7_000 }], [60, { k: 'mature', m: 2 }],
  [1, { k: 'dividend', m: 1 }], [1, { k: 'reverse', pick: 3 }],
];

/** A fixed history in which every product's events occur: every balance field is written. */
export const everyProductHistory = (): ProjectedEvent[] =>
  historyOf(steps.map(([gap, op]) => ({ gap, op })));
