/** One printed line of a passbook. */
export interface PassbookLine {
  readonly on: string;
  readonly particulars: string;
  /** Paise out of the account (for a loan: lent to the member, charged). */
  readonly withdrawal: bigint;
  /** Paise into the account (for a loan: repaid). */
  readonly deposit: bigint;
  /** The balance after the line (for a loan: principal outstanding). */
  readonly balance: bigint;
}

/** The kind of a passbook page. */
export type PassbookKind = 'shares' | 'savings' | 'recurring' | 'fixed' | 'loan';

/** One account's page of a member's passbook. */
export interface PassbookAccount {
  readonly accountId: string;
  readonly memberId: string;
  readonly kind: PassbookKind;
  /** A savings page's product, so that its rate changes print on it. */
  productId?: string;
  balance: bigint;
  readonly lines: PassbookLine[];
  /**
   * The earliest date of the events that made or moved the page: as of an earlier date, a
   * replay of the events dated by then has no page for the account.
   */
  firstOn: string;
}

/**
 * Passbooks of the members chosen (or of all): a page per account, line by line. Memory grows
 * with the lines kept: choose the members whose passbooks are wanted.
 */
export interface PassbookState {
  readonly members: ReadonlySet<string> | null;
  readonly accounts: Map<string, PassbookAccount>;
  through: string | null;
}
