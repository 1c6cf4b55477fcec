import type { Either } from 'fp-ts/lib/Either.js';
import type { Rejection } from './rejection.ts';

/**
 * An aggregate as three pure functions (Emmett's decider, made total with fp-ts): the state
 * before any event, how an event changes it, and what a command decides given the state.
 */
export interface Decider<Command, Event, State> {
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (command: Command, state: State) => Either<Rejection, ReadonlyArray<Event>>;
}

/** Folds events over the initial state: what a store replays on load. */
export const foldEvents = <C, E, S>(decider: Decider<C, E, S>, events: ReadonlyArray<E>): S =>
  events.reduce(decider.evolve, decider.initialState);
