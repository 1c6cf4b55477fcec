import fc from 'fast-check';
import type { NewEvent } from '@usha/ledger';
import type { TestEvent } from './testCatalogue.ts';

const amount = fc
  .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99 }))
  .map(([r, p]) => `${r}.${String(p).padStart(2, '0')}`);

// Plain objects only: a decoded event never has a null prototype, so the model must not either.
const plain = { noNullPrototype: true } as const;
const metadata = fc.record({ commandId: fc.uuid() }, plain);

/** An event of the test catalogue, without its id. */
export const testEvent = (): fc.Arbitrary<TestEvent> =>
  fc.oneof(
    fc.record(
      {
        type: fc.constant('Deposited' as const),
        data: fc.record({ account: fc.string(), amount, sequence: fc.bigInt({ min: 0n }) }, plain),
        metadata,
      },
      plain,
    ),
    fc.record(
      {
        type: fc.constant('Withdrawn' as const),
        data: fc.record({ account: fc.string(), amount }, plain),
        metadata,
      },
      plain,
    ),
    fc.record(
      {
        type: fc.constant('Noted' as const),
        data: fc.record(
          {
            text: fc.string({ unit: 'binary' }),
            tags: fc.array(fc.string(), { maxLength: 3 }),
            detail: fc.record({ level: fc.integer() }, plain),
          },
          { requiredKeys: ['text', 'tags'], noNullPrototype: true },
        ),
        metadata,
      },
      plain,
    ),
  );

/** A lowercase UUID, the form of event id the stores accept. */
export const eventId = (): fc.Arbitrary<string> => fc.uuid().map((u) => u.toLowerCase());

/** An event with a fresh id. */
export const newTestEvent = (): fc.Arbitrary<NewEvent<TestEvent>> =>
  fc.tuple(testEvent(), eventId()).map(([e, id]) => ({ ...e, eventId: id }));

/** A stream name of the `<category>-<id>` convention, from a small pool so streams repeat. */
export const streamOf = (): fc.Arbitrary<string> =>
  fc.constantFrom('loan-a', 'loan-b', 'member-c', 'deposit-d-1');

let counter = 0;
/** A deterministic, unique event id for example-based tests. */
export const nextEventId = (): string => {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
};
