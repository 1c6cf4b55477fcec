import { commandCodecs, type Command } from './commandCatalogue.ts';
import { MAX_COMMAND_AMOUNT_MINOR } from './money/limits.ts';
import * as E from 'fp-ts/lib/Either.js';
import { parseMoney } from './money/money.ts';
import {
  CURRENCY_DIGITS, MoneyInput, PositiveMoneyInput, SignedMoneyInput, moneyString,
} from './shared/codecs.ts';
import type { Rejection } from './shared/rejection.ts';

const moneyCodecs: ReadonlySet<unknown> = new Set([MoneyInput, PositiveMoneyInput,
  SignedMoneyInput]);

// The amount fields of a command's data, read from its codec (the shape is described once):
// `closed()` keeps its props visible for this.
const propsOf = (codec: unknown): Record<string, unknown> => {
  const props: unknown = typeof codec === 'object' && codec !== null
    ? Reflect.get(codec, 'props') : undefined;
  return typeof props === 'object' && props !== null ? { ...props } : {};
};
const amountFields: ReadonlyMap<string, ReadonlyArray<string>> = new Map(
  Object.entries(commandCodecs).map(([type, codec]) => [type,
    Object.entries(propsOf(propsOf(codec).data))
      .filter(([, c]) => moneyCodecs.has(c)).map(([field]) => field)]),
);

const limit = moneyString(MAX_COMMAND_AMOUNT_MINOR);

/**
 * The first amount of a decoded command beyond MAX_COMMAND_AMOUNT_MINOR, as the rejection
 * `amount_too_large` naming its field; undefined when every amount is within the limit.
 * @example amountTooLarge(withdrawOf('10000000000.01')) // { field: 'data.amount', ... }
 */
export const amountTooLarge = (c: Command): Rejection | undefined => {
  for (const field of amountFields.get(c.type) ?? []) {
    const v: unknown = Reflect.get(c.data, field);
    const r = typeof v === 'string' ? amountBeyondLimit(field, v) : undefined;
    if (r !== undefined) return r;
  }
  return undefined;
};

/** `amount_too_large` for one amount field beyond the limit, measured by its size (sign off). */
export const amountBeyondLimit = (field: string, v: string): Rejection | undefined => {
  const m = parseMoney(v, CURRENCY_DIGITS);
  const minor = E.isRight(m) ? m.right.minor : 0n;
  return (minor < 0n ? -minor : minor) > MAX_COMMAND_AMOUNT_MINOR
    ? { type: 'amount_too_large', field: `data.${field}`, limit, requested: v } : undefined;
};

/** Every command type with the names of its amount fields (for docs and tests). */
export const commandAmountFields = amountFields;
