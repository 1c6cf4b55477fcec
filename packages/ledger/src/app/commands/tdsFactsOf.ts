import * as E from 'fp-ts/lib/Either.js';
import {
  financialYearOf, minorOf, settingsOn, streamNameFor, type AccountHistory, type BusinessDate,
  type MemberId, type TdsFacts,
} from '@usha/domain';
import type { FactReaders, FactsRead } from './fetchFacts.ts';
import type { FactSource } from './factSource.ts';
import { herDeposit, memberAccountsOf } from './memberAccounts.ts';
import type { LedgerRejection } from './outcome.ts';
import type { StreamState } from './streamStates.ts';

type Read<F> = Promise<E.Either<LedgerRejection, FactsRead<F>>>;
type Interest = { readonly history: AccountHistory; readonly tds?: TdsFacts };

const source = (s: StreamState): FactSource => ({ stream: s.stream, revision: s.revision });

// Interest credited on one account dated from `from` to `to`, read up to its state's revision:
// postings not reversed, and the interest of a maturity or an early closing.
const creditedIn = async (r: FactReaders, s: StreamState, from: string, to: string):
  Promise<bigint> => {
  if (s.revision === undefined) return 0n;
  const credits = new Map<string, bigint>();
  const inYear = (on: string) => on >= from && on <= to;
  for await (const e of r.store.readStream(s.stream)) {
    if (e.revision > s.revision) break;
    if (e.type === 'InterestPosted' && inYear(e.data.on)) {
      credits.set(e.data.eventId, minorOf(e.data.amount));
    } else if ((e.type === 'DepositMatured' || e.type === 'DepositClosedEarly')
      && inYear(e.data.on)) {
      credits.set(e.type, minorOf(e.data.interest));
    } else if (e.type === 'EventReversed') credits.delete(e.data.reversedEventId);
  }
  return [...credits.values()].reduce((a, b) => a + b, 0n);
};

// Her interest in the year up to `on` on every deposit account of hers: every stream read is
// named, so a posting stored meanwhile, or an account opened, sends it round.
const earlierInYear = async (r: FactReaders, memberId: MemberId, on: BusinessDate,
  target: StreamState): Promise<{ minor: bigint; readFrom: FactSource[] }> => {
  const fy = financialYearOf(on);
  let minor = 0n;
  const readFrom: FactSource[] = [];
  // Her accounts as her stream notes them (memberAccounts.ts), that stream named too.
  const held = await memberAccountsOf(r, memberId);
  readFrom.push(...held.readFrom);
  for (const d of held.accounts.deposits) {
    const name = streamNameFor.deposit(d.accountId);
    const s = name === target.stream ? target : await r.states.load(name, 'deposit');
    if (s !== target) readFrom.push(source(s));
    if (herDeposit(s, memberId) !== undefined) minor += await creditedIn(r, s, fy.start, on);
  }
  return { minor, readFrom };
};

/**
 * The interest facts with the TDS facts beside them when the society's setting in force on
 * `on` deducts it: her interest earlier in that financial year and whether she filed a Form
 * 15G/15H for it (from the member directory, never the log). With TDS off, or no society,
 * none: nothing is deducted.
 */
export const withTds = async <F extends Interest>(
  r: FactReaders, on: BusinessDate, target: StreamState, read: Read<F>,
): Read<F> => {
  const f = await read;
  const id = r.society();
  const account = target.state.kind === 'deposit' ? target.state.state : undefined;
  if (E.isLeft(f) || id === undefined || account === undefined || account.status === 'none') {
    return f;
  }
  const s = await r.states.load(streamNameFor.society(id), 'society');
  const state = s.state.kind === 'society' ? s.state.state : undefined;
  const settings = state?.status === 'configured'
    ? settingsOn(state.settings, on)?.tds : undefined;
  if (settings === undefined || !settings.enabled) return f;
  const earlier = await earlierInYear(r, account.memberId, on, target);
  const exempt = (await r.tdsExempt?.(account.memberId, financialYearOf(on).label)) ?? false;
  const tds: TdsFacts = { settings, exempt, interestEarlierInYearMinor: earlier.minor };
  return E.right({ facts: { ...f.right.facts, tds },
    readFrom: [...f.right.readFrom, source(s), ...earlier.readFrom] });
};
