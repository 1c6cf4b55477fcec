import * as E from 'fp-ts/lib/Either.js';
import {
  BranchId, branchEvents, parseBusinessDate, signedMoneyString, streamNameFor, type BranchEvent,
} from '@usha/domain';
import { StreamNotFoundError } from '../../eventStore/errors.ts';
import type { EventStore } from '../../eventStore/port.ts';
import type { StreamStates } from '../commands/streamStates.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';
import { dayCash, type DayCash } from './dayCashReport.ts';
import { dayCashReportText } from './dayCashReportText.ts';
import { queryRequest } from '../reports/queryRequest.ts';

/** A branch's cash now: the vault, each till, and the last day closed. */
export interface TillPositions {
  readonly branchId: string;
  readonly vault: string;
  readonly tills: ReadonlyArray<{ readonly tillId: string; readonly cash: string;
    readonly counted: boolean }>;
  readonly closedThrough: string | null;
}

/**
 * An id that is not a branch id, a day that is no date, or a request that is no object of
 * fields: the query names it rather than reading a stream for it.
 */
export class BranchQueryError extends Error {
  override readonly name = 'BranchQueryError';
  constructor(readonly field: string, reason = 'not a branch id') {
    super(`${field}: ${reason}`);
  }
}

const isBranchEvent = (e: LedgerEvent): e is LedgerEvent & BranchEvent =>
  Object.hasOwn(branchEvents, e.type);

/** The till-position query and the day-end cash report, over the branch's one stream. */
export const branchQueries = (deps: {
  readonly store: EventStore<LedgerEvent>;
  readonly states: StreamStates;
}) => {
  const branch = (id: unknown): BranchId => {
    if (!BranchId.is(id)) throw new BranchQueryError('branchId');
    return id;
  };
  // The request read once into a plain copy: what a caller sends anyway (null, a revoked
  // proxy, a getter that throws) is refused with this query's error, never a TypeError.
  const request = (u: unknown, known: ReadonlyArray<string>) =>
    queryRequest(u, (why) => new BranchQueryError('request', why), known);
  const day = (on: unknown): string => {
    const d = parseBusinessDate(on);
    if (E.isLeft(d)) throw new BranchQueryError('on', d.left.message);
    return d.right;
  };
  /** The cash each till and the vault of a branch hold, as the store holds it now. */
  const tillPositions = async (u: { readonly branchId: string }): Promise<TillPositions> => {
    const q = { branchId: branch(request(u, ['branchId']).fields.branchId) };
    const loaded = await deps.states.load(streamNameFor.branch(branch(q.branchId)), 'branch');
    const s = loaded.state.kind === 'branch' ? loaded.state.state : undefined;
    const tills = s === undefined ? [] : [...s.tills].map(([tillId, p]) => ({ tillId,
      cash: signedMoneyString(p.cashMinor), counted: !p.uncounted }));
    return { branchId: q.branchId, vault: signedMoneyString(s?.vaultMinor ?? 0n), tills,
      closedThrough: s?.closedThrough ?? null };
  };
  /** A branch's cash on one day, by till and for the vault (dayCashReport.ts). */
  const dayCashOf = async (u: { readonly branchId: string; readonly on: string }):
    Promise<DayCash> => {
    const r = request(u, ['branchId', 'on']).fields;
    const q = { branchId: branch(r.branchId), on: day(r.on) };
    const events: BranchEvent[] = [];
    try {
      for await (const e of deps.store.readStream(streamNameFor.branch(branch(q.branchId)))) {
        if (isBranchEvent(e)) events.push(e);
      }
    } catch (e) {
      if (!(e instanceof StreamNotFoundError)) throw e;
    }
    return dayCash(q.branchId, q.on, events);
  };
  /** The day-end cash report as text (dayCashReportText.ts). */
  const dayCashReport = async (q: { readonly branchId: string; readonly on: string }):
    Promise<string> => dayCashReportText(await dayCashOf(q));
  return { tillPositions, dayCash: dayCashOf, dayCashReport };
};

/** The branch queries a Ledger offers. */
export type BranchQueries = ReturnType<typeof branchQueries>;
