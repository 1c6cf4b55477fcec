const isRecord = (u: unknown): u is Record<string, unknown> =>
  typeof u === 'object' && u !== null && !Array.isArray(u);

/**
 * SavingsAccountOpened, RecurringDepositOpened, FixedDepositOpened, SharesPurchased and
 * LoanApplied v1 -> v2. Version 1 was written before an opening recorded the member's branch;
 * the upcaster cannot know it (it reads nothing), so version 2 says `branchId: null`: "her
 * branch at the time", which her member stream tells (see BranchAtOpening).
 */
export const branchAtOpeningV1toV2 = (data: unknown): unknown =>
  isRecord(data) && !Object.hasOwn(data, 'branchId') ? { ...data, branchId: null } : data;
