import * as t from 'io-ts';
import { MemberId, SocietyId } from '../shared/ids.ts';
import {
  Count, DateString, FinancialYearLabel, intBetween, MoneyString, PositiveCount, RatePercent,
  SignedMoneyString,
} from '../shared/codecs.ts';
import { byTag, closed, eventCodec } from '../shared/shape.ts';
import { ClassProvisions } from './provisioning.ts';
import { societySettingsFields } from './settings.ts';
import { SocietyLendingLimits } from './lendingLimits.ts';
import { TdsSettings } from '../tds/tdsSettings.ts';
import { ProductRateChanged } from '../products/rateChange.ts';

/**
 * The society was configured: its settings (societySettingsFields), in force from `on`.
 * Version 4 carries the TDS setting; version 3 (without it) is read with TDS off, as it was
 * decided. Version 3 carries the society-wide lending limits; version 2 (without them) is read
 * with no limit, as it was decided. Version 2 carries the provisioning norms and so the NPA threshold;
 * version 1 had only the two percents and is read with the default norms.
 */
export const SocietyConfigured = eventCodec('SocietyConfigured', {
  societyId: SocietyId, on: DateString, ...societySettingsFields,
  lendingLimits: SocietyLendingLimits, tds: TdsSettings,
});
export type SocietyConfigured = t.TypeOf<typeof SocietyConfigured>;

/**
 * The society's settings were changed, all of them stated: in force from `on`, so a year's
 * close applies those in force on its 31 March. Version 3 carries the TDS setting; version 2
 * (without it) is read with TDS off, as it was decided. Version 2 carries the society-wide lending
 * limits; version 1 (without them) is read with no limit, as it was decided.
 */
export const SocietySettingsChanged = eventCodec('SocietySettingsChanged', {
  societyId: SocietyId, on: DateString, ...societySettingsFields,
  lendingLimits: SocietyLendingLimits, tds: TdsSettings,
});
export type SocietySettingsChanged = t.TypeOf<typeof SocietySettingsChanged>;

/**
 * The payout of a year's dividend ended: every member's part was decided, `credited` to
 * savings, `payableInCash`, or `refused` (her year decided already, or a date she could not
 * take). A later run for the year, which pays only parts a run refused, ends again with its own
 * counts; once a run ends refusing none, no run is started for the year again.
 */
export const DividendRunEnded = eventCodec('DividendRunEnded', {
  societyId: SocietyId, on: DateString, financialYear: FinancialYearLabel,
  credited: Count, payableInCash: Count, refused: Count,
});
export type DividendRunEnded = t.TypeOf<typeof DividendRunEnded>;

/**
 * A financial year was closed: the statutory reserve is `statutoryReservePercent` of a profit,
 * rounded up to the paisa (the law asks for at least that share); nothing out of a loss.
 */
export const FinancialYearClosed = eventCodec('FinancialYearClosed', {
  societyId: SocietyId, on: DateString, financialYear: FinancialYearLabel,
  startsOn: DateString, endsOn: DateString, netProfit: SignedMoneyString,
  statutoryReservePercent: RatePercent, statutoryReserveTransfer: MoneyString,
  reserveRounding: t.literal('up'), distributableSurplus: SignedMoneyString,
});
export type FinancialYearClosed = t.TypeOf<typeof FinancialYearClosed>;

/**
 * A financial year's close has begun (its date is the close's): from then the year's books
 * take no new entry but its year-end interest, so that the figures the close takes (interest,
 * accruals, provision, net profit) are those of every entry the year holds. Ended by
 * FinancialYearClosed.
 */
export const YearCloseBegun = eventCodec('YearCloseBegun', {
  societyId: SocietyId, on: DateString, financialYear: FinancialYearLabel,
});
export type YearCloseBegun = t.TypeOf<typeof YearCloseBegun>;

/**
 * The year-end accruals of accrual-basis books, dated the year's last day (31 March): deposit
 * interest earned and not yet credited (payable), loan interest earned on performing loans and
 * not yet paid (receivable), and that on non-performing loans, recorded for the auditor but not
 * income until received. Figures as of the end of that day.
 */
export const YearEndAccrualsRecorded = eventCodec('YearEndAccrualsRecorded', {
  societyId: SocietyId, on: DateString, financialYear: FinancialYearLabel,
  depositInterestPayable: MoneyString, loanInterestReceivable: MoneyString,
  loanInterestNotRecognised: MoneyString,
});
export type YearEndAccrualsRecorded = t.TypeOf<typeof YearEndAccrualsRecorded>;

/**
 * The provision for loan losses as of a year's 31 March: the loans of each asset class (by
 * days past due), their outstanding principal, the percent the society's norms set and the
 * provision; `total` is the new balance of the provision, `previousTotal` the one it replaces
 * (the books move by the difference). Totals by class, never per loan.
 */
export const LoanLossProvisionSet = eventCodec('LoanLossProvisionSet', {
  societyId: SocietyId, on: DateString, financialYear: FinancialYearLabel,
  byClass: ClassProvisions, total: MoneyString, previousTotal: MoneyString,
});
export type LoanLossProvisionSet = t.TypeOf<typeof LoanLossProvisionSet>;

/** A member's part of a dividend: share-days held over the year and the amount. */
export const DividendPart = closed({
  memberId: MemberId, shareDays: intBetween('ShareDays', 0, Number.MAX_SAFE_INTEGER),
  amount: MoneyString,
}, 'DividendPart');
export type DividendPart = t.TypeOf<typeof DividendPart>;

const hexShape = /^[0-9a-f]{64}$/;
/** A SHA-256 digest, 64 lowercase hex digits. */
export const Sha256Hex = new t.Type<string, string, unknown>(
  'Sha256Hex',
  (u): u is string => typeof u === 'string' && hexShape.test(u),
  (u, c) => typeof u === 'string' && hexShape.test(u) ? t.success(u)
    : t.failure(u, c, 'expected a SHA-256 digest: 64 lowercase hex digits'),
  t.identity,
);

/**
 * How a declaration's parts are recorded. `batches`: in `batches` DividendAllocated events of
 * `batchSize` parts (the last one the rest), members in id order, whose chained digest ends at
 * `digest`. `inline`: the parts themselves, as version 1 declarations carried them.
 */
export const DividendAllocation = byTag('DividendAllocation', 'kind', {
  batches: closed({
    kind: t.literal('batches'), members: Count, batchSize: PositiveCount, batches: Count,
    digest: Sha256Hex,
  }, 'DividendBatches'),
  inline: closed({
    kind: t.literal('inline'), parts: t.readonlyArray(DividendPart),
  }, 'DividendInline'),
});
export type DividendAllocation = t.TypeOf<typeof DividendAllocation>;

/**
 * A dividend on share capital was declared, shared out by share-days (shareDividends). Version
 * 2: the parts are recorded apart (`allocation`), so the event's size does not grow with the
 * membership; version 1 listed them in `parts` and is read as `allocation.kind` inline.
 */
export const DividendDeclared = eventCodec('DividendDeclared', {
  societyId: SocietyId, on: DateString, financialYear: FinancialYearLabel,
  ratePercent: RatePercent, faceValue: MoneyString, total: MoneyString,
  allocation: DividendAllocation,
});
export type DividendDeclared = t.TypeOf<typeof DividendDeclared>;

/**
 * One batch of a declared dividend's parts: batch `batch` (from 0) of the declaration of
 * `financialYear`; `digest` is SHA-256 of the previous batch's digest (for the first, that of
 * no text) followed by `\n<memberId>,<shareDays>,<amount>` per part: the last batch's is the
 * declared one (chainDigest).
 */
export const DividendAllocated = eventCodec('DividendAllocated', {
  societyId: SocietyId, on: DateString, financialYear: FinancialYearLabel,
  batch: Count, parts: t.readonlyArray(DividendPart), digest: Sha256Hex,
});
export type DividendAllocated = t.TypeOf<typeof DividendAllocated>;

/** The society's events, by type. */
export const societyEvents = {
  SocietyConfigured, SocietySettingsChanged, FinancialYearClosed, DividendDeclared,
  DividendAllocated, DividendRunEnded, YearEndAccrualsRecorded, LoanLossProvisionSet,
  ProductRateChanged, YearCloseBegun,
} as const;
export type SocietyEvent =
  | SocietyConfigured | SocietySettingsChanged | FinancialYearClosed | DividendDeclared
  | DividendAllocated | DividendRunEnded | YearEndAccrualsRecorded | LoanLossProvisionSet
  | ProductRateChanged | YearCloseBegun;
