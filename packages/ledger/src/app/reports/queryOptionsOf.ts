import {
  BranchId, FinancialYearLabel, SocietyId, isBusinessDate, isOpaqueId, type PlainValue,
} from '@usha/domain';
import type { ReadOptions } from './queryOptions.ts';
import { QueryRequestError, queryRequest } from './queryRequest.ts';

/** Every option a query of the Ledger reads, each checked for its kind of value. */
export interface CheckedOptions {
  readonly asOf: string;
  readonly branchId: string;
  readonly financialYear: string;
  readonly societyId: string;
  readonly accountId: string;
  readonly withName: boolean;
  readonly npaDaysPastDue: number;
  /** Checked by the period reports themselves: a day that does not exist is a date error. */
  readonly from: string;
  readonly to: string;
}

type Name = keyof CheckedOptions;

const isString = (v: PlainValue): v is string => typeof v === 'string';

// What each option must be, and how a refusal says so.
const checks: { readonly [K in Name]: readonly [(v: PlainValue) => boolean, string] } = {
  asOf: [isBusinessDate, 'not a business date (YYYY-MM-DD)'],
  branchId: [(v) => BranchId.is(v), 'not a branch id'],
  financialYear: [(v) => FinancialYearLabel.is(v), 'not a financial year such as 2024-25'],
  societyId: [(v) => SocietyId.is(v), 'not a society id'],
  accountId: [(v) => isString(v) && isOpaqueId(v), 'not an account id'],
  withName: [(v) => typeof v === 'boolean', 'not true or false'],
  npaDaysPastDue: [(v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0,
    'not a whole number of days'],
  from: [isString, 'not a business date (YYYY-MM-DD)'],
  to: [isString, 'not a business date (YYYY-MM-DD)'],
};

/** The options a query reads: those it may be given, those it must be, and its positions. */
export type OptionsOf<M extends Name, R extends Name> =
  Partial<Pick<CheckedOptions, M>> & Pick<CheckedOptions, R> & ReadOptions;

/**
 * A query's options read once into a checked copy (queryRequest): any JS value that is not an
 * object of the options named, each of its kind, is refused with a QueryRequestError naming
 * the query and the field; a query whose options may be omitted reads undefined as none.
 * A field the query does not read is refused: dropping it would answer another question.
 */
export const queryOptionsOf = <M extends Name = never, R extends Name = never>(
  method: string, u: unknown, o: { readonly may?: ReadonlyArray<M>;
    readonly must?: ReadonlyArray<R> },
): OptionsOf<M, R> => {
  const refuse = (why: string) => new QueryRequestError(method, why);
  const must: ReadonlyArray<Name> = o.must ?? [];
  if (u === undefined && must.length === 0) return {} as OptionsOf<M, R>;
  const { fields, read } = queryRequest(u, refuse, [...must, ...o.may ?? []]);
  const out: Record<string, PlainValue> = {};
  for (const k of [...must, ...o.may ?? []]) {
    const v = fields[k];
    if (v === undefined) {
      if (must.includes(k)) throw refuse(`${k}: required`);
      continue;
    }
    const [ok, why] = checks[k];
    if (!ok(v)) throw refuse(`${k}: ${why}`);
    out[k] = v;
  }
  return { ...out, ...read } as OptionsOf<M, R>;
};
