import * as t from 'io-ts';
import { eventSchemaFromCodecs, type CatalogueEvent } from '../eventStore/eventSchema.ts';

// A one-event catalogue for the file store's own tests (the shared contract suite in
// @usha/testing has a fuller one; this package cannot depend on that one).
const codecs = { Noted: t.type({ text: t.string }) };
const metadata = t.type({});

/** Schema of the fixture catalogue. */
export const noteSchema = eventSchemaFromCodecs(codecs, metadata);
export type Note = CatalogueEvent<typeof codecs, typeof metadata>;

/** A note event with a given id. */
export const note = (eventId: string, text = 'hello') => ({
  eventId,
  type: 'Noted' as const,
  data: { text },
  metadata: {},
});

/** The nth fixture event id, a valid lowercase UUID. */
export const idOf = (n: number): string =>
  `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * For tests of the index checkpoint itself: every close brings it to the log's end (by default
 * a close after less than 4 MiB appended writes none, and the next open verifies those lines).
 */
export const everyClose = { checkpointOnCloseAfterBytes: 0 } as const;
