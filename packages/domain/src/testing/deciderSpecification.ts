// Given/when/then for deciders. It lives beside the deciders it tests because the domain
// depends on no other package of ours, not even in its tests.
import * as assert from 'uvu/assert';

// Structural Either: any decider whose decide returns an fp-ts-shaped Either fits.
type Either<L, R> =
  | { readonly _tag: 'Left'; readonly left: L }
  | { readonly _tag: 'Right'; readonly right: R };

/** Any decider `{ initialState, evolve, decide }` whose decide returns an Either. */
export interface DeciderLike<C, E, S, R> {
  readonly initialState: S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: (command: C, state: S) => Either<R, ReadonlyArray<E>>;
}

/** The outcome step of a specification. */
export interface Then<E, S, R> {
  /** Asserts the exact events decided. */
  readonly then: (expected: ReadonlyArray<E>) => ReadonlyArray<E>;
  /** Asserts a rejection of the given type, and returns it for further checks. */
  readonly thenRejects: (type: string, details?: Partial<R>) => R;
  /** Asserts the state after the given events and the decided ones. */
  readonly thenState: (check: (state: S) => void) => void;
  /** The raw outcome. */
  readonly outcome: () => Either<R, ReadonlyArray<E>>;
}

/** The command step of a specification. */
export interface When<C, E, S, R> {
  readonly when: (command: C) => Then<E, S, R>;
}

const tagOf = (r: unknown): unknown =>
  typeof r === 'object' && r !== null ? Reflect.get(r, 'type') : undefined;

const show = (x: unknown): string =>
  JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

/**
 * Given/when/then for deciders, after Emmett's DeciderSpecification. A command that needs
 * facts from other aggregates is given with them, as its decider takes it (`{ ...c, facts }`).
 * @example spec(decider).given([admitted]).when({ ...exit, facts: { loans, shares, deposits } })
 *   .thenRejects('loan_outstanding')
 */
export const spec = <C, E, S, R>(decider: DeciderLike<C, E, S, R>) => ({
  given: (events: ReadonlyArray<E>): When<C, E, S, R> => ({
    when: (command: C): Then<E, S, R> => {
      const state = events.reduce(decider.evolve, decider.initialState);
      const outcome = () => decider.decide(command, state);
      return {
        outcome,
        then: (expected) => {
          const r = outcome();
          if (r._tag === 'Left') assert.unreachable(`expected events, got ${show(r.left)}`);
          else assert.equal(r.right, expected);
          return r._tag === 'Right' ? r.right : [];
        },
        thenRejects: (type, details) => {
          const r = outcome();
          if (r._tag === 'Right') {
            assert.unreachable(`expected rejection ${type}, got events ${show(r.right)}`);
            throw new Error('unreachable');
          }
          assert.is(tagOf(r.left), type, `rejection ${show(r.left)}`);
          if (details !== undefined) {
            for (const [k, v] of Object.entries(details)) {
              assert.equal(Reflect.get(Object(r.left), k), v, `rejection field ${k}`);
            }
          }
          return r.left;
        },
        thenState: (check) => {
          const r = outcome();
          if (r._tag === 'Left') assert.unreachable(`expected events, got ${show(r.left)}`);
          else check(r.right.reduce(decider.evolve, state));
        },
      };
    },
  }),
});
