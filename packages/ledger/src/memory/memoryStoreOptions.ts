import type { EventSchema } from '../eventStore/eventSchema.ts';
import type { EventShape } from '../eventStore/port.ts';
import {
  checkedClock, checkedMaxAppendBytes, checkedSchema, readOptionFields, StoreOptionsError,
  type RefuseOption,
} from '../eventStore/storeOptionFields.ts';

/** In-memory store options that cannot be used: the field (`''`: the whole) and why. */
export class MemoryStoreOptionsError extends StoreOptionsError {
  override readonly name = 'MemoryStoreOptionsError';
  constructor(field: string, reason: string) {
    super('memory store', field, reason);
  }
}

/** The in-memory store's options as read once and checked, defaults filled in. */
export interface MemoryStoreSettings<E extends EventShape> {
  readonly schema: EventSchema<E>;
  readonly maxAppendBytes: number;
  readonly now: (() => Date) | undefined;
}

const refuse: RefuseOption = (field, reason) => {
  throw new MemoryStoreOptionsError(field, reason);
};

/**
 * The in-memory store's options, each field read once and checked with the file store's
 * ranges (`maxAppendBytes` 1 to 1 GiB, `schema` with `decode` and `encode`, `now` a function).
 */
export const memoryStoreOptions = <E extends EventShape>(
  given: { readonly schema: EventSchema<E> },
): MemoryStoreSettings<E> => {
  const o = readOptionFields(given, ['schema', 'maxAppendBytes', 'now'], refuse);
  return {
    schema: checkedSchema<E>(o.schema, refuse),
    maxAppendBytes: checkedMaxAppendBytes(o.maxAppendBytes, 1024 * 1024, refuse),
    now: checkedClock(o.now, refuse),
  };
};
