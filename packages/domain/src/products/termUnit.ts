import type * as t from 'io-ts';
import { oneOf } from '../shared/codecs.ts';

/** The unit a fixed deposit's term is counted in: Fineract's depositPeriodFrequencyType. */
export const TermUnitCodec = oneOf('TermUnit', ['days', 'weeks', 'months', 'years'] as const);
export type TermUnitSetting = t.TypeOf<typeof TermUnitCodec>;
