import type { Command } from '@usha/domain';

/**
 * The fields of a command that the Ledger fills in from other aggregates or the finance core,
 * never from the caller: a caller's value is overwritten. They are left out of the request
 * hash, so a retry is the same request even if the figures have moved since.
 */
export const ledgerFilledFields: Readonly<Partial<Record<Command['type'], readonly string[]>>> = {
  ExitMember: ['outstandingLoanPrincipal', 'sharesHeld', 'openDepositAccounts'],
  RedeemShares: ['outstandingLoanPrincipal'],
  PostInterest: ['periodFrom', 'amount'],
  MatureDeposit: ['interest'],
  CloseDepositEarly: ['interest'],
  CloseFinancialYear: ['netProfit'],
  DeclareDividend: ['holdings', 'faceValue'],
};

/** Values that decode, put in place of Ledger-filled fields until the real ones are known. */
export const placeholderFor = (field: string, on: unknown): unknown => {
  switch (field) {
    case 'sharesHeld': case 'openDepositAccounts': return 0;
    case 'periodFrom': return on;
    case 'holdings': return [];
    case 'faceValue': return '1';
    default: return '0';
  }
};

// Looked up for every command executed: a Map, not a search of the entries.
const filledByType = new Map(Object.entries(ledgerFilledFields));

/** A raw command input with placeholders in the Ledger-filled fields (caller values dropped). */
export const withPlaceholders = (input: unknown): unknown => {
  if (typeof input !== 'object' || input === null) return input;
  const type: unknown = Reflect.get(input, 'type');
  const data: unknown = Reflect.get(input, 'data');
  const fields = typeof type === 'string' ? filledByType.get(type) : undefined;
  if (fields === undefined || typeof data !== 'object' || data === null) return input;
  const filled: Record<string, unknown> = { ...data };
  for (const f of fields) filled[f] = placeholderFor(f, Reflect.get(data, 'on'));
  return { type, data: filled };
};
