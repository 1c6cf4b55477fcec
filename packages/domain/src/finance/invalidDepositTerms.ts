/** Terms of a deposit, savings or dividend calculation that cannot be used; names the field. */
export class InvalidDepositTermsError extends Error {
  override readonly name = 'InvalidDepositTermsError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
