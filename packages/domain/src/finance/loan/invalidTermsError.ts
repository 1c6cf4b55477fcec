/** Loan terms that cannot produce a schedule; names the field and says why. */
export class InvalidTermsError extends Error {
  override readonly name = 'InvalidTermsError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`invalid loan terms: ${field}: ${reason}`);
  }
}
