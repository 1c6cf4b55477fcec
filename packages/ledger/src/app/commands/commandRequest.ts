import type * as t from 'io-ts';
import type { commandCodecs } from '@usha/domain';

type Codecs = typeof commandCodecs;

/** A command's type name. */
export type CommandType = keyof Codecs;

/** The fields the Ledger fills in, by command (see `ledgerFilledFields`). */
interface Filled {
  ExitMember: 'outstandingLoanPrincipal' | 'sharesHeld' | 'openDepositAccounts';
  RedeemShares: 'outstandingLoanPrincipal';
  PostInterest: 'periodFrom' | 'amount';
  MatureDeposit: 'interest';
  CloseDepositEarly: 'interest';
  CloseFinancialYear: 'netProfit';
  DeclareDividend: 'holdings' | 'faceValue';
}
type FilledOf<T> = T extends keyof Filled ? Filled[T] : never;

/**
 * What a caller sends for a command: its data as plain JSON (amounts and dates as strings),
 * without the fields the Ledger fills in. Decoded at the edge like any input.
 */
export type CommandRequest<T extends CommandType> =
  Omit<t.OutputOf<Codecs[T]>['data'], FilledOf<T>>;
