import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { ioTsFailures, type FieldFailure } from './fieldPath.ts';
import { isIdentityCodec } from './isIdentityCodec.ts';
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

// Schemas made by `eventSchemaFromCodecs`: their decode returns a fresh `{ type, data, metadata }`
// and nothing else, which lets a store build a recorded event as one object literal.
const plainSchemas = new WeakSet<object>();

/** True if the schema's decoded events are plain `{ type, data, metadata }` objects. */
export const decodesToPlainEvents = (schema: object): boolean => plainSchemas.has(schema);

// Of those schemas, the check that a stored form is valid and decodes to itself.
const asIsChecks = new WeakMap<object, (stored: StoredForm) => boolean>();

/**
 * For a schema made by `eventSchemaFromCodecs`: a check that is true when a stored form is
 * valid and `decode` would return its own `type`, `data` and `metadata` unchanged (codecs whose
 * output is their input, see `isIdentityCodec`). A store's reads use it to build the recorded
 * event straight from what they parsed; on `false` they decode, which names the failing field.
 * Undefined for other schemas.
 */
export const decodesAsIs = (schema: object): ((stored: StoredForm) => boolean) | undefined =>
  asIsChecks.get(schema);

interface Entry {
  readonly codec: t.Mixed;
  /** `is` settles validity and the output is the input (see `isIdentityCodec`). */
  readonly identity: boolean;
}

/**
 * Builds a schema from io-ts codecs: one for the data of each event type, one for metadata.
 * Decoding runs for every event read, so where a codec's output is its input (strings, numbers,
 * `t.type` of those...) `is` checks the value and `decode` runs only to name a failing field.
 * @example eventSchemaFromCodecs({ Opened: t.type({ id: t.string }) }, t.type({}))
 */
export const eventSchemaFromCodecs = <C extends Record<string, t.Mixed>, M extends t.Mixed>(
  codecs: C,
  metadataCodec: M,
): EventSchema<CatalogueEvent<C, M>> => {
  const entries = new Map<string, Entry>();
  for (const [type, codec] of Object.entries(codecs)) {
    entries.set(type, { codec, identity: isIdentityCodec(codec) });
  }
  const metadataIdentity = isIdentityCodec(metadataCodec);
  const schema: EventSchema<CatalogueEvent<C, M>> = {
    decode: (stored) => {
      const entry = entries.get(stored.type);
      if (entry === undefined) {
        const message = `unknown event type ${JSON.stringify(stored.type)}`;
        return left({ field: 'type', message });
      }
      let data: unknown = stored.data;
      if (!entry.identity || !entry.codec.is(data)) {
        const decoded = entry.codec.decode(data);
        if (decoded._tag === 'Left') return left(firstFailure('data', decoded.left));
        data = decoded.right;
      }
      let metadata: unknown = stored.metadata;
      if (!metadataIdentity || !metadataCodec.is(metadata)) {
        const decoded = metadataCodec.decode(metadata);
        if (decoded._tag === 'Left') return left(firstFailure('metadata', decoded.left));
        metadata = decoded.right;
      }
      const event = { type: stored.type, data, metadata };
      // The boundary: io-ts has just checked data against codecs[type]; TypeScript cannot
      // relate a runtime key to its union member, so this is the one place the type is asserted.
      return right(event as CatalogueEvent<C, M>);
    },
    encode: (event) => {
      const codec = entries.get(event.type)?.codec;
      if (codec === undefined) return { type: event.type, data: undefined, metadata: undefined };
      return {
        type: event.type,
        data: codec.encode(event.data),
        metadata: metadataCodec.encode(event.metadata),
      };
    },
  };
  plainSchemas.add(schema);
  asIsChecks.set(schema, (stored) => {
    const entry = entries.get(stored.type);
    return entry !== undefined && entry.identity && metadataIdentity
      && entry.codec.is(stored.data) && metadataCodec.is(stored.metadata);
  });
  return schema;
};
