import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { FinancialYearLabel, MemberId, plainInput } from '@usha/domain';
import { fieldErrorsWithoutValues } from './directoryInput.ts';

/** The declaration a member files so no tax is deducted: 15G, or 15H at 60 or over. */
export const TdsExemptionForm = t.keyof({ '15G': null, '15H': null }, 'TdsExemptionForm');
export type TdsExemptionForm = t.TypeOf<typeof TdsExemptionForm>;

/** A Form 15G/15H declaration for one financial year, as the Ledger is asked to record it. */
export const TdsExemption = t.type({
  financialYear: FinancialYearLabel, form: TdsExemptionForm,
}, 'TdsExemption');
export type TdsExemption = t.TypeOf<typeof TdsExemption>;

/** Her declarations in her record, by financial year: personal data, never in the log. */
export const StoredTdsExemptions = t.record(t.string, TdsExemptionForm, 'StoredTdsExemptions');
export type StoredTdsExemptions = t.TypeOf<typeof StoredTdsExemptions>;

/** The declarations a sealed record's JSON holds (none in a record written before them). */
export const tdsExemptionsIn = (json: unknown): StoredTdsExemptions => {
  const held: unknown = typeof json === 'object' && json !== null
    ? Reflect.get(json, 'tdsExemptions') : undefined;
  if (held === undefined) return {};
  const r = StoredTdsExemptions.decode(held);
  if (E.isLeft(r)) throw new Error('the TDS declarations of a directory record are not readable');
  return r.right;
};

/** A declaration refused as given: the fields at fault are named; nothing is written. */
export class InvalidTdsExemptionError extends Error {
  override readonly name = 'InvalidTdsExemptionError';
  constructor(readonly memberId: string, readonly problems: string) {
    super(`the Form 15G/15H declaration of member ${memberId} is not valid: ${problems}`);
  }
}

/**
 * The declaration decoded, or the typed error naming its faulty fields, whatever the caller
 * passed: the member id must be one, and the declaration is read into a plain copy first (no
 * getter, proxy or cycle reaches the codec; what one threw is never repeated).
 */
export const decodeTdsExemption = (memberId: unknown, u: unknown): TdsExemption => {
  if (typeof memberId !== 'string' || !MemberId.is(memberId)) {
    throw new InvalidTdsExemptionError('(not a member id)', 'memberId: expected a member id');
  }
  const plain = plainInput(u);
  if (E.isLeft(plain)) throw new InvalidTdsExemptionError(memberId, plain.left.message);
  const r = TdsExemption.decode(plain.right);
  if (E.isRight(r)) return { financialYear: r.right.financialYear, form: r.right.form };
  // Named by field, never by value: a PAN or a name given in the wrong field is personal data.
  throw new InvalidTdsExemptionError(memberId,
    fieldErrorsWithoutValues(r.left).map((f) => f.message).join('; '));
};
