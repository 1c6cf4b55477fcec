import * as t from 'io-ts';
import { decodeJson } from '../core/decodeJson.ts';
import type { Projection } from '../projection.ts';
import { applyPassbook } from './apply.ts';
import type { PassbookState } from './state.ts';

const kind = t.union([t.literal('shares'), t.literal('savings'), t.literal('recurring'),
  t.literal('fixed'), t.literal('loan')]);
const PassbookJson = t.type({
  through: t.union([t.null, t.string]),
  accounts: t.array(t.type({
    accountId: t.string, memberId: t.string, kind, balance: t.string, firstOn: t.string,
    lines: t.array(t.tuple([t.string, t.string, t.string, t.string, t.string])),
  })),
});

/**
 * Passbooks, a page per account, line by line as a co-operative prints them. `members` chooses
 * whose passbooks are kept (all when omitted: memory then grows with every line).
 */
export const passbookProjection = (
  o: { readonly members?: ReadonlyArray<string> } = {},
): Projection<PassbookState> => {
  const members = o.members === undefined ? null : new Set(o.members);
  return {
    name: 'passbook',
    // 2: her admission fee and its reversal print on her share page. 3: each page's first date
    // (a version 2 checkpoint has none: it is replayed, not resumed).
    version: 3,
    initialState: () => ({ members, accounts: new Map(), through: null }),
    apply: applyPassbook,
    serialize: (s) => ({
      through: s.through,
      accounts: [...s.accounts.values()].map((a) => ({
        ...a, balance: String(a.balance),
        lines: a.lines.map((l) => [l.on, l.particulars, String(l.withdrawal), String(l.deposit),
          String(l.balance)]),
      })),
    }),
    deserialize: (json) => {
      const j = decodeJson('passbook', PassbookJson, json);
      return {
        members, through: j.through,
        accounts: new Map(j.accounts.map((a) => [a.accountId, {
          ...a, balance: BigInt(a.balance),
          lines: a.lines.map(([on, particulars, w, d, b]) => ({
            on, particulars, withdrawal: BigInt(w), deposit: BigInt(d), balance: BigInt(b),
          })),
        }])),
      };
    },
  };
};
