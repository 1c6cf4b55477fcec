import {
  defaultProvisioningNorms, evolveSociety, initialSocietyState, societyEvents,
  societySettingsOn, businessDate, streamNameFor, type ProvisioningNorms, type SocietyId, type SocietyEvent,
  type SocietyState,
} from '@usha/domain';
import type { EventStore } from '../../eventStore/port.ts';
import { comparePosition, type Position } from '../../eventStore/position.ts';
import type { LedgerEvent } from '../log/ledgerEvent.ts';

/** The log holds several societies and the query named none. */
export class SocietyNotNamedError extends Error {
  override readonly name = 'SocietyNotNamedError';
  constructor(readonly societies: ReadonlyArray<string>) {
    super(`the log holds societies ${societies.join(', ')}: name one (societyId)`);
  }
}

const isSocietyEvent = (e: LedgerEvent): e is LedgerEvent & SocietyEvent =>
  Object.hasOwn(societyEvents, e.type);

/** Society states folded from the events a report reads, by society id. */
export interface SocietyFold {
  /** Folds one event (any: those of other aggregates are passed over). */
  readonly apply: (e: LedgerEvent) => void;
  /** The provisioning norms in force on `on` ('YYYY-MM-DD'); the defaults when unconfigured. */
  readonly normsOn: (on: string, societyId?: string) => ProvisioningNorms;
}

/**
 * A fold of the society's own events with the domain's `evolveSociety`, so a report classifies
 * loans by the norms the society's decider applies, as in force on the report's date.
 */
export const societyFold = (): SocietyFold => {
  const states = new Map<string, SocietyState>();
  return {
    apply: (e) => {
      if (!isSocietyEvent(e)) return;
      const id = e.data.societyId;
      states.set(id, evolveSociety(states.get(id) ?? initialSocietyState, e));
    },
    normsOn: (on, societyId) => {
      if (societyId === undefined && states.size > 1) {
        throw new SocietyNotNamedError([...states.keys()].sort());
      }
      const s = societyId === undefined ? [...states.values()][0] : states.get(societyId);
      return s === undefined || s.status !== 'configured' || on === ''
        ? defaultProvisioningNorms
        : societySettingsOn(s, businessDate(on, 'asOf')).provisioningNorms;
    },
  };
};

/**
 * The norms in force on `on` of the society whose stream is read (a few events: its settings,
 * closes and dividends), as known at `asKnownAt` when given: what a report on the accrual
 * basis classifies by when it is not told a threshold. The defaults for no society.
 */
export const societyNormsFromStream = async (
  store: EventStore<LedgerEvent>, societyId: SocietyId | undefined,
  o: { readonly on: string; readonly asKnownAt?: Position },
): Promise<ProvisioningNorms> => {
  if (societyId === undefined || o.on === '') return defaultProvisioningNorms;
  const fold = societyFold();
  for await (const e of store.readStream(streamNameFor.society(societyId))) {
    if (o.asKnownAt !== undefined && comparePosition(e.position, o.asKnownAt) > 0) break;
    fold.apply(e);
  }
  return fold.normsOn(o.on, societyId);
};
