import * as t from 'io-ts';
import { decodeJson } from '../core/decodeJson.ts';
import { minor } from '../core/minor.ts';
import type { ResolvedEvent } from '../core/projectedEvent.ts';
import type { Projection } from '../projection.ts';

/** A recurring deposit's plan as opened, and how many of its instalments are paid. */
export interface RecurringPlan {
  readonly memberId: string;
  /** Instalment n is due on `openedOn` + (n - 1) months. */
  readonly openedOn: string;
  readonly instalment: bigint;
  readonly termMonths: number;
  paid: number;
}

/**
 * What a collection sheet needs beyond the balances: each recurring deposit's plan and the
 * instalments paid into it, and each member's field officer assignments ([on, staffId], in
 * log order, which is date order: a member's stream refuses an assignment dated before her
 * last event). Mutable: `apply` updates it in place. Grows with RDs and assignments.
 */
export interface CollectionSheetFacts {
  readonly recurring: Map<string, RecurringPlan>;
  readonly officers: Map<string, Array<readonly [string, string]>>;
}

const applyFacts = (s: CollectionSheetFacts, e: ResolvedEvent): CollectionSheetFacts => {
  switch (e.type) {
    case 'RecurringDepositOpened': {
      const d = e.data;
      if (!s.recurring.has(d.accountId)) {
        s.recurring.set(d.accountId, { memberId: d.memberId, openedOn: d.on,
          instalment: minor(d.instalment), termMonths: d.termMonths, paid: 0 });
      }
      return s;
    }
    case 'Deposited': {
      const plan = s.recurring.get(e.data.accountId);
      if (plan !== undefined && e.data.instalmentNumber !== null) plan.paid += 1;
      return s;
    }
    // A reversed instalment is owed again: the next deposit takes its number.
    case 'EventReversed': {
      const plan = s.recurring.get(e.data.aggregateId);
      const r = e.reversed;
      if (plan !== undefined && r?.type === 'Deposited' && r.instalment) plan.paid -= 1;
      return s;
    }
    case 'FieldOfficerAssigned': {
      const d = e.data;
      const list = s.officers.get(d.memberId);
      if (list === undefined) s.officers.set(d.memberId, [[d.on, d.staffId]]);
      else list.push([d.on, d.staffId]);
      return s;
    }
    default: return s;
  }
};

/** The field officer collecting from a member on `on`: the latest assignment by then, or null. */
export const officerOn = (s: CollectionSheetFacts, memberId: string, on: string): string | null => {
  let officer: string | null = null;
  for (const [from, staffId] of s.officers.get(memberId) ?? []) {
    if (from <= on) officer = staffId;
  }
  return officer;
};

const PlanJson = t.type({
  memberId: t.string, openedOn: t.string, instalment: t.string, termMonths: t.number,
  paid: t.number,
});
const FactsJson = t.type({
  recurring: t.array(t.tuple([t.string, PlanJson])),
  officers: t.array(t.tuple([t.string, t.array(t.tuple([t.string, t.string]))])),
});

/** The facts of collection sheets and due lists: RD plans and field officer assignments. */
export const collectionSheetFactsProjection = (): Projection<CollectionSheetFacts> => ({
  name: 'collectionSheetFacts',
  version: 1,
  initialState: () => ({ recurring: new Map(), officers: new Map() }),
  apply: applyFacts,
  serialize: (s) => ({
    recurring: [...s.recurring].map(([id, p]) => [id, { ...p, instalment: String(p.instalment) }]),
    officers: [...s.officers],
  }),
  deserialize: (json) => {
    const j = decodeJson('collectionSheetFacts', FactsJson, json);
    return {
      recurring: new Map(j.recurring.map(([id, p]) =>
        [id, { ...p, instalment: BigInt(p.instalment) }])),
      officers: new Map(j.officers),
    };
  },
});
