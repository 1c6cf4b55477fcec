import * as t from 'io-ts';
import { BigIntFromString, eventSchemaFromCodecs, type CatalogueEvent } from '@usha/ledger';

// A small catalogue for the store contract suite: enough shapes (strings, a decimal amount,
// a bigint, nesting, an optional field) to exercise encoding and decoding, and nothing of the
// domain's, whose catalogue plugs into the stores through the same `schema` option.

/** A decimal amount with two places, as money travels in events: `"120.50"`. */
export const Amount = new t.Type<string, string, unknown>(
  'Amount',
  (u): u is string => typeof u === 'string' && /^\d{1,15}\.\d{2}$/.test(u),
  (u, c) => (typeof u === 'string' && /^\d{1,15}\.\d{2}$/.test(u) ? t.success(u) : t.failure(u, c)),
  (s) => s,
);

const dataCodecs = {
  Deposited: t.type({ account: t.string, amount: Amount, sequence: BigIntFromString }),
  Withdrawn: t.type({ account: t.string, amount: Amount }),
  Noted: t.intersection([
    t.type({ text: t.string, tags: t.array(t.string) }),
    t.partial({ detail: t.type({ level: t.number }) }),
  ]),
};

const metadataCodec = t.type({ commandId: t.string });

/** The schema the contract suite gives every store. */
export const testSchema = eventSchemaFromCodecs(dataCodecs, metadataCodec);

/** An event of the test catalogue. */
export type TestEvent = CatalogueEvent<typeof dataCodecs, typeof metadataCodec>;
