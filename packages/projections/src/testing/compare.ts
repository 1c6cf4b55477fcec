import { allProjections } from '../allProjections.ts';
import type { ProjectedEvent } from '../core/projectedEvent.ts';
import { replay } from '../replay.ts';
import { products } from './histories.ts';

/** The projections the property tests run: every one, passbooks of all three members. */
export const projections = () => allProjections({ passbookMembers: ['M0', 'M1', 'M2'] });

/** The states of every projection as JSON text (the cursor left out): equal means equal. */
export const statesText = (s: ReturnType<ReturnType<typeof projections>['initialState']>) => {
  const p = projections();
  const j = p.serialize(s);
  return JSON.stringify(typeof j === 'object' && j !== null ? Reflect.get(j, 'states') : j);
};

/** Replays a history through every projection. */
export const replayAll = (events: ReadonlyArray<ProjectedEvent>, o: { asOf?: string } = {}) =>
  replay(projections(), events, o);

export { products };
