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

/**
 * A command as its decider takes it: with `facts` beside `type` and `data` when the command
 * needs figures from other aggregates, as itself when it needs none. `F` maps a command type
 * to its facts type (declared next to the command); a command listed there cannot be decided
 * without them, and the caller's request never carries them.
 * @example const c: WithFacts<ExitMember, MemberFacts> = { ...exit, facts } // facts required
 */
export type WithFacts<C extends { readonly type: string }, F> =
  C extends { readonly type: infer K } ? (K extends keyof F ? C & { readonly facts: F[K] } : C)
    : never;
