import * as E from 'fp-ts/lib/Either.js';
import { admissionFeeChargedV1toV2 } from './admissionFeeChargedV1.ts';
import { branchAtOpeningV1toV2 } from './branchAtOpeningV1.ts';
import { chargedByHandV1toV2 } from './chargedByHandV1.ts';
import { dividendDeclaredV1toV2 } from './dividendDeclaredV1.ts';
import { fixedDepositTermV2toV3 } from './fixedDepositTermV2.ts';
import { loanDisbursedV1toV2 } from './loanDisbursedV1.ts';
import { repaymentReceivedV1toV2 } from './repaymentReceivedV1.ts';
import { societyConfiguredV1toV2 } from './societyConfiguredV1.ts';
import { withNoSocietyLendingLimits } from './societyLendingLimitsV2.ts';
import { withTdsOff } from './societyTdsV4.ts';

/** What an upcaster may read of the stored event besides its data: its own id (metadata). */
export interface UpcastEnvelope {
  readonly eventId: string;
}

/**
 * Turns the data of version n of an event into version n + 1; never fails, never reads I/O.
 * Most read the data alone; one whose new field is the event's own id reads it from `envelope`.
 */
export type Upcaster = (data: unknown, envelope?: UpcastEnvelope) => unknown;

/** The schema version each event type is written at now; a type not listed is at 1. */
export const currentSchemaVersions: Readonly<Record<string, number>> = {
  RepaymentReceived: 2,
  DividendDeclared: 2,
  SocietyConfigured: 4,
  SocietySettingsChanged: 3,
  SavingsAccountOpened: 2,
  RecurringDepositOpened: 2,
  FixedDepositOpened: 3,
  SharesPurchased: 2,
  LoanApplied: 2,
  LoanDisbursed: 2,
  PenaltyCharged: 2,
  FeeCharged: 2,
  AdmissionFeeCharged: 2,
};

/** Upcasters by event type and the version they start from. */
export const upcasters: Readonly<Record<string, Readonly<Record<number, Upcaster>>>> = {
  RepaymentReceived: { 1: repaymentReceivedV1toV2 },
  DividendDeclared: { 1: dividendDeclaredV1toV2 },
  SocietyConfigured: {
    1: societyConfiguredV1toV2, 2: withNoSocietyLendingLimits, 3: withTdsOff,
  },
  SocietySettingsChanged: { 1: withNoSocietyLendingLimits, 2: withTdsOff },
  SavingsAccountOpened: { 1: branchAtOpeningV1toV2 },
  RecurringDepositOpened: { 1: branchAtOpeningV1toV2 },
  FixedDepositOpened: { 1: branchAtOpeningV1toV2, 2: fixedDepositTermV2toV3 },
  SharesPurchased: { 1: branchAtOpeningV1toV2 },
  LoanApplied: { 1: branchAtOpeningV1toV2 },
  LoanDisbursed: { 1: loanDisbursedV1toV2 },
  PenaltyCharged: { 1: chargedByHandV1toV2 },
  FeeCharged: { 1: chargedByHandV1toV2 },
  AdmissionFeeCharged: { 1: admissionFeeChargedV1toV2 },
};

/** The version new events of a type are written at. */
export const schemaVersionOf = (type: string): number =>
  Object.hasOwn(currentSchemaVersions, type) ? currentSchemaVersions[type] ?? 1 : 1;

/**
 * Brings event data from `version` to the current version, one step at a time; Left names the
 * step that is missing or a version from the future.
 */
export const upcast = (
  type: string, version: number, data: unknown, envelope?: UpcastEnvelope,
): E.Either<string, unknown> => {
  const current = schemaVersionOf(type);
  if (version > current) {
    return E.left(
      `schema version ${version} is newer than ${current}, the latest this library knows`);
  }
  let out = data;
  for (let v = version; v < current; v += 1) {
    const steps = Object.hasOwn(upcasters, type) ? upcasters[type] : undefined;
    const step = steps !== undefined && Object.hasOwn(steps, v) ? steps[v] : undefined;
    if (step === undefined) return E.left(`no upcaster from version ${v} to ${v + 1}`);
    out = step(out, envelope);
  }
  return E.right(out);
};
