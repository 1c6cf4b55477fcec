import type * as t from 'io-ts';
import { fieldPathOf, fieldProblems } from '@usha/domain';

/** A field that failed to decode: its dotted path and what is wrong there. */
export interface FieldFailure {
  readonly field: string;
  readonly message: string;
}

/**
 * The dotted field path of one io-ts error, e.g. `data.schedule.3.amount`: the domain's one
 * path format, so that a refused command and an unreadable event name a field alike.
 */
export const ioTsFieldPath = (error: t.ValidationError): string => fieldPathOf(error);

/** Turns io-ts errors into field failures, one per distinct field, in the domain's words. */
export const ioTsFailures = (errors: t.Errors): FieldFailure[] =>
  fieldProblems(errors).map((p) => ({ field: p.path, message: p.detail }));
