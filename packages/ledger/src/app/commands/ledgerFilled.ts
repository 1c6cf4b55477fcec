import type { Command, PlainValue } from '@usha/domain';

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
export const placeholderFor = (field: string, on: PlainValue | undefined): PlainValue => {
  switch (field) {
    case 'sharesHeld': case 'openDepositAccounts': return 0;
    case 'periodFrom': return on ?? null;
    case 'holdings': return [];
    case 'faceValue': return '1';
    default: return '0';
  }
};

// Looked up for every command executed: a Map, not a search of the entries.
const filledByType = new Map(Object.entries(ledgerFilledFields));

const isRecord = (u: PlainValue | undefined): u is { readonly [k: string]: PlainValue } =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * A command's plain copy with placeholders in the Ledger-filled fields (caller values dropped).
 * It takes the copy `plainInput` made, never the caller's object: nothing here can throw.
 */
export const withPlaceholders = (input: PlainValue): PlainValue => {
  if (!isRecord(input)) return input;
  const { type, data } = input;
  const fields = typeof type === 'string' ? filledByType.get(type) : undefined;
  if (fields === undefined || !isRecord(data)) return input;
  const filled: Record<string, PlainValue> = { ...data };
  for (const f of fields) filled[f] = placeholderFor(f, data.on);
  return { ...input, data: filled };
};
