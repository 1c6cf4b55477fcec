import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { ioTsFailures, type FieldFailure } from './fieldPath.ts';
import type { EventShape } from './port.ts';

/** An event in the form a store keeps it: JSON data and metadata (bigint allowed on write). */
export interface StoredForm {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/**
 * How a store checks events: `encode` before writing (the result is then decoded again, so an
 * event that could not be read back is refused), `decode` on every read. The domain catalogue
 * plugs in here; `@usha/testing` has a small one for the contract suite.
 */
export interface EventSchema<E extends EventShape> {
  readonly decode: (stored: StoredForm) => Either<FieldFailure, E>;
  readonly encode: (event: E) => StoredForm;
}

/** The event union described by a map of data codecs and one metadata codec. */
export type CatalogueEvent<C extends Record<string, t.Mixed>, M extends t.Mixed> = {
  readonly [K in keyof C & string]: {
    readonly type: K;
    readonly data: t.TypeOf<C[K]>;
    readonly metadata: t.TypeOf<M>;
  };
}[keyof C & string];

const firstFailure = (prefix: string, errors: t.Errors): FieldFailure => {
  const f = ioTsFailures(errors)[0] ?? { field: '', message: 'invalid' };
  return { field: f.field === '' ? prefix : `${prefix}.${f.field}`, message: f.message };
};

/**
 * Builds a schema from io-ts codecs: one for the data of each event type, one for metadata.
 * @example eventSchemaFromCodecs({ Opened: t.type({ id: t.string }) }, t.type({}))
 */
export const eventSchemaFromCodecs = <C extends Record<string, t.Mixed>, M extends t.Mixed>(
  codecs: C,
  metadataCodec: M,
): EventSchema<CatalogueEvent<C, M>> => ({
  decode: (stored) => {
    if (!Object.hasOwn(codecs, stored.type)) {
      return left({ field: 'type', message: `unknown event type ${JSON.stringify(stored.type)}` });
    }
    const codec = codecs[stored.type];
    if (codec === undefined) return left({ field: 'type', message: 'no codec' });
    const data = codec.decode(stored.data);
    if (data._tag === 'Left') return left(firstFailure('data', data.left));
    const metadata = metadataCodec.decode(stored.metadata);
    if (metadata._tag === 'Left') return left(firstFailure('metadata', metadata.left));
    const event = { type: stored.type, data: data.right, metadata: metadata.right };
    // The boundary: io-ts has just checked data against codecs[type]; TypeScript cannot relate
    // a runtime key to its union member, so this is the one place the event type is asserted.
    return right(event as CatalogueEvent<C, M>);
  },
  encode: (event) => {
    const codec = codecs[event.type];
    if (codec === undefined) return { type: event.type, data: undefined, metadata: undefined };
    return {
      type: event.type,
      data: codec.encode(event.data),
      metadata: metadataCodec.encode(event.metadata),
    };
  },
});
