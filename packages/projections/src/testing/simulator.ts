// A small co-operative run through the domain's deciders: commands routed to their streams,
// events stored with metadata, stream revisions and global positions, as a store would. Only
// accepted commands leave events, so every history is one the domain can produce.
import * as E from 'fp-ts/lib/Either.js';
import {
  createDepositDecider, createLoanDecider, createMemberDecider, createShareDecider,
  createSocietyDecider, decodeCommand, eventIdFor, routeCommand, schemaVersionOf, type Command,
  type DomainEvent, type ProductCatalogue,
} from '@usha/domain';
import type { ProjectedEvent } from '../core/projectedEvent.ts';

type AnyDecider = {
  initialState: unknown;
  evolve: (s: unknown, e: DomainEvent) => unknown;
  decide: (c: Command, s: unknown) => E.Either<{ type: string }, ReadonlyArray<DomainEvent>>;
};

const deciders = (products: ProductCatalogue): Record<string, AnyDecider> => {
  const config = { products };
  // Each decider takes the commands routed to its aggregate only; the router guarantees it.
  const wrap = <C, S>(d: {
    initialState: S; evolve: (s: S, e: never) => S;
    decide: (c: C, s: S) => E.Either<{ type: string }, ReadonlyArray<DomainEvent>>;
  }): AnyDecider => d as unknown as AnyDecider;
  return {
    member: wrap(createMemberDecider(config)), shares: wrap(createShareDecider(config)),
    deposit: wrap(createDepositDecider(config)), loan: wrap(createLoanDecider(config)),
    society: wrap(createSocietyDecider()),
  };
};

/** A store-like log fed by commands. */
export interface Simulator {
  readonly events: ProjectedEvent[];
  /** Runs a command given as a literal; returns the events it produced (none if rejected). */
  run(type: Command['type'], data: Record<string, unknown>): ReadonlyArray<ProjectedEvent>;
}

/** A simulator over a product catalogue. */
export const simulator = (products: ProductCatalogue, prefix = ''): Simulator => {
  const ds = deciders(products);
  const states = new Map<string, unknown>();
  const revisions = new Map<string, bigint>();
  const events: ProjectedEvent[] = [];
  let n = 0;
  return {
    events,
    run: (type, data) => {
      n += 1;
      const commandId = `${prefix}k${n}`;
      const decoded = decodeCommand({ type, data: { commandId, actor: 'clerk-1', ...data } });
      if (E.isLeft(decoded)) throw new Error(decoded.left.message);
      const c = decoded.right;
      const { aggregate, stream } = routeCommand(c);
      const d = ds[aggregate];
      if (d === undefined) throw new Error(`no decider for ${aggregate}`);
      const before = states.has(stream) ? states.get(stream) : d.initialState;
      const r = d.decide(c, before);
      if (E.isLeft(r)) return [];
      let s = before;
      const out: ProjectedEvent[] = [];
      r.right.forEach((e, i) => {
        s = d.evolve(s, e);
        const revision = (revisions.get(stream) ?? -1n) + 1n;
        revisions.set(stream, revision);
        const position = { commit: BigInt(events.length + 1) * 10n,
          prepare: BigInt(events.length + 1) * 10n };
        const stored: ProjectedEvent = {
          ...e,
          metadata: { eventId: eventIdFor(c.data.commandId, i),
            commandId: c.data.commandId, actor: c.data.actor, effectiveOn: c.data.on,
            schemaVersion: schemaVersionOf(e.type) },
          position, stream, revision,
        } as ProjectedEvent;
        events.push(stored);
        out.push(stored);
      });
      states.set(stream, s);
      return out;
    },
  };
};
