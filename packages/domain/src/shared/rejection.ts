import type { AggregateKind } from './streams.ts';

/**
 * Why a command was refused: a closed union of tagged objects, each carrying what is needed to
 * explain it. Amounts are decimal strings, dates 'YYYY-MM-DD'. The table in
 * docs/reference/rejections.md lists them in the order the deciders check them.
 */
export type Rejection =
  // Checked before any decider, on the decoded command (commandLimits.ts).
  | {
    readonly type: 'amount_too_large'; readonly field: string; readonly limit: string;
    readonly requested: string;
  }
  // Checked by the Ledger before any decider: the actor's appointment and role (staff/).
  | {
    readonly type: 'not_authorised'; readonly actor: string; readonly commandType: string;
    readonly rolesAllowed: ReadonlyArray<string>;
    readonly why: 'not_staff' | 'revoked' | 'role' | 'other_branch' | 'branch_unknown'
      | 'first_appointment_not_board' | 'no_staff_register' | 'process_step'
      | 'not_yet_appointed';
  }
  | {
    readonly type: 'approval_required'; readonly commandType: string;
    readonly requestId: string; readonly status: string;
  }
  // The staff register and approval requests (staff/).
  | { readonly type: 'invalid_staff_branch'; readonly role: string;
    readonly branchId: string | null }
  | { readonly type: 'staff_revoked'; readonly staffId: string }
  | { readonly type: 'invalid_request'; readonly field: string; readonly reason: string }
  | { readonly type: 'request_already_decided'; readonly requestId: string;
    readonly status: string }
  | {
    readonly type: 'same_maker_and_checker'; readonly requestId: string;
    readonly makerId: string; readonly checkerId: string;
  }
  // Checked first by the share, deposit and loan deciders, on the command's own date.
  | { readonly type: 'period_closed'; readonly closedThrough: string; readonly on: string }
  // Checked first by every decider.
  | { readonly type: 'not_found'; readonly aggregate: AggregateKind; readonly id: string }
  | { readonly type: 'already_exists'; readonly aggregate: AggregateKind; readonly id: string }
  | {
    readonly type: 'wrong_aggregate'; readonly aggregate: AggregateKind;
    readonly expected: string; readonly got: string;
  }
  // Checked by commands that open, take money in or lend, on the member's own stream.
  // `admittedOn`: she was admitted, after the command's date.
  | { readonly type: 'member_not_admitted'; readonly memberId: string;
    readonly admittedOn?: string }
  | { readonly type: 'member_exited'; readonly memberId: string }
  | { readonly type: 'account_closed'; readonly accountId: string; readonly status: string }
  | { readonly type: 'loan_closed'; readonly loanId: string; readonly status: string }
  | { readonly type: 'date_before_last_event'; readonly on: string; readonly lastOn: string }
  | { readonly type: 'unknown_product'; readonly productId: string }
  | {
    readonly type: 'wrong_product'; readonly productId: string;
    readonly expected: string; readonly got: string;
  }
  // Corrections (any aggregate).
  | { readonly type: 'event_not_found'; readonly eventId: string }
  | { readonly type: 'already_reversed'; readonly eventId: string }
  | {
    readonly type: 'not_reversible'; readonly eventId: string; readonly eventType: string;
    readonly why: string;
  }
  // Membership and shares.
  | {
    readonly type: 'below_minimum_shares'; readonly minimumShares: number;
    readonly sharesAfter: number;
  }
  | {
    readonly type: 'above_maximum_shares'; readonly maximumShares: number;
    readonly sharesAfter: number;
  }
  | {
    readonly type: 'insufficient_shares'; readonly sharesHeld: number;
    readonly sharesRequested: number;
  }
  | { readonly type: 'shares_locked_in'; readonly lockedUntil: string }
  | { readonly type: 'loan_outstanding'; readonly outstandingPrincipal: string }
  | {
    readonly type: 'shares_pledged_to_loan'; readonly outstandingPrincipal: string;
    readonly sharesRequiredWhileBorrowing: number; readonly sharesAfter: number;
  }
  | {
    readonly type: 'exit_must_redeem_all'; readonly sharesHeld: number;
    readonly sharesRequested: number;
  }
  | { readonly type: 'nothing_to_redeem'; readonly sharesHeld: number }
  | { readonly type: 'shares_still_held'; readonly sharesHeld: number }
  | { readonly type: 'share_account_open'; readonly accountId: string }
  | { readonly type: 'deposits_still_open'; readonly openDepositAccounts: number }
  | { readonly type: 'already_at_branch'; readonly branchId: string }
  | { readonly type: 'dividend_already_credited'; readonly financialYear: string }
  | { readonly type: 'dividend_not_payable_in_cash'; readonly financialYear: string }
  | { readonly type: 'dividend_already_paid'; readonly financialYear: string }
  | {
    readonly type: 'dividend_amount_differs'; readonly financialYear: string;
    readonly expected: string; readonly got: string;
  }
  | { readonly type: 'dividend_not_credited'; readonly financialYear: string }
  | {
    readonly type: 'dividend_not_awaiting_deposit'; readonly requested: string;
    readonly awaitingDeposit: string;
  }
  | {
    readonly type: 'dividend_savings_open'; readonly financialYear: string;
    readonly savingsAccountId: string;
  }
  | {
    readonly type: 'dividend_already_deposited'; readonly financialYear: string;
    readonly savingsAccountId: string;
  }
  // Deposits.
  | {
    readonly type: 'operation_not_allowed'; readonly kind: string; readonly operation: string;
    readonly status: string;
  }
  | {
    readonly type: 'term_out_of_range'; readonly minimum: number; readonly maximum: number;
    readonly requested: number;
  }
  | {
    readonly type: 'amount_out_of_range'; readonly minimum: string;
    readonly maximum: string | null; readonly requested: string;
  }
  | {
    readonly type: 'amount_not_instalment'; readonly instalment: string;
    readonly requested: string;
  }
  | {
    readonly type: 'all_instalments_paid'; readonly instalments: number;
  }
  | { readonly type: 'insufficient_balance'; readonly balance: string; readonly requested: string }
  | {
    readonly type: 'below_minimum_balance'; readonly minimumBalance: string;
    readonly balanceAfter: string;
  }
  // Dormancy (deposit/dormancy.ts): checked after the balance, as a manager may still reactivate.
  | {
    readonly type: 'account_dormant'; readonly accountId: string;
    readonly lastActivityOn: string; readonly dormantSince: string;
  }
  | {
    readonly type: 'account_not_dormant'; readonly accountId: string;
    readonly lastActivityOn: string; readonly dormantAfterMonths: number | null;
  }
  // Liens on a guarantor's savings (deposit/liens.ts).
  | {
    readonly type: 'lien_held'; readonly liens: string; readonly minimumBalance: string;
    readonly free: string; readonly requested: string;
  }
  | { readonly type: 'lien_exceeds_free_balance'; readonly free: string;
    readonly requested: string }
  | { readonly type: 'lien_already_held'; readonly loanId: string; readonly amount: string }
  | { readonly type: 'no_lien'; readonly loanId: string }
  | {
    readonly type: 'recovery_exceeds_lien'; readonly loanId: string; readonly lien: string;
    readonly requested: string;
  }
  // Nominees on share and deposit accounts (nominee/).
  | { readonly type: 'nominee_unchanged'; readonly nomineeRef: string }
  | {
    readonly type: 'interest_period_invalid'; readonly expectedFrom: string;
    readonly periodFrom: string; readonly periodTo: string;
  }
  | {
    readonly type: 'instalment_not_missable'; readonly instalmentNumber: number;
    readonly why: 'beyond_term' | 'already_paid' | 'already_missed' | 'not_yet_due';
  }
  | {
    readonly type: 'nothing_to_post'; readonly accountId: string; readonly periodFrom: string;
    readonly periodTo: string;
  }
  | { readonly type: 'not_yet_mature'; readonly maturesOn: string }
  | { readonly type: 'already_mature'; readonly maturesOn: string }
  // An interest engine refused the account's terms (InvalidDepositTermsError names the field).
  | { readonly type: 'cannot_compute'; readonly field: string; readonly reason: string }
  // Loans.
  | {
    readonly type: 'invalid_loan_status'; readonly status: string;
    readonly allowed: ReadonlyArray<string>;
  }
  | {
    readonly type: 'same_user_cannot_approve'; readonly recordedBy: string;
    readonly actor: string;
  }
  | { readonly type: 'approved_above_applied'; readonly applied: string; readonly approved: string }
  | { readonly type: 'invalid_terms'; readonly field: string; readonly reason: string }
  | {
    readonly type: 'overpayment'; readonly due: string; readonly outstanding: string;
    readonly received: string; readonly excessAllowed: boolean;
  }
  | {
    readonly type: 'waiver_exceeds_interest_due'; readonly interestDue: string;
    readonly requested: string;
  }
  | {
    readonly type: 'recovery_exceeds_written_off'; readonly recoverable: string;
    readonly requested: string;
  }
  | {
    readonly type: 'loan_not_settled'; readonly principalOutstanding: string;
    readonly due: string;
  }
  // Charges by rule (charges/): nothing the rules give is left unrecorded for the date.
  | {
    readonly type: 'nothing_to_charge'; readonly aggregate: AggregateKind; readonly id: string;
    readonly on: string;
  }
  // Tranches, top-ups and reschedules (loan/tranche.ts, loan/topUp.ts, loan/reschedule.ts).
  | {
    readonly type: 'partial_disbursement_not_allowed'; readonly approved: string;
    readonly requested: string;
  }
  | { readonly type: 'tranche_limit_reached'; readonly maxTranches: number }
  | {
    readonly type: 'tranche_exceeds_approved'; readonly approved: string;
    readonly disbursed: string; readonly requested: string;
  }
  | { readonly type: 'top_up_not_allowed'; readonly productId: string }
  | {
    readonly type: 'top_up_loan_invalid'; readonly loanId: string;
    readonly why: 'same_loan' | 'other_member' | 'not_active';
  }
  | {
    readonly type: 'top_up_payoff_exceeds_principal'; readonly payoff: string;
    readonly principal: string;
  }
  | { readonly type: 'payoff_differs'; readonly payoff: string; readonly requested: string }
  // Lending limits (loan/limits.ts), at application and at approval.
  | {
    readonly type: 'invalid_guarantor'; readonly memberId: string;
    readonly why: 'borrower' | 'named_twice' | 'amount_above_principal' | 'not_admitted'
      | 'exited' | 'account';
  }
  | { readonly type: 'too_many_loans'; readonly maximum: number; readonly open: number }
  | {
    readonly type: 'loan_limit_exceeded'; readonly limit: 'savings_multiple';
    readonly multiple: number; readonly basis: string; readonly maximum: string;
    readonly requested: string;
  }
  // The society-wide limits (society/lendingLimits.ts), checked beside the product's.
  | {
    readonly type: 'loan_limit_exceeded'; readonly limit: 'society_loans_at_once';
    readonly maximum: number; readonly open: number;
  }
  | {
    readonly type: 'loan_limit_exceeded'; readonly limit: 'society_outstanding_principal';
    readonly maximum: string; readonly outstanding: string; readonly requested: string;
  }
  | {
    readonly type: 'guarantors_required'; readonly threshold: string; readonly requested: string;
    readonly required: number; readonly named: number;
  }
  | {
    readonly type: 'guarantee_not_secured'; readonly memberId: string;
    readonly accountId: string; readonly amount: string;
  }
  // The society.
  | {
    readonly type: 'reserve_below_legal_minimum'; readonly minimumPercent: string;
    readonly requested: string;
  }
  | { readonly type: 'invalid_society_settings'; readonly field: string; readonly reason: string }
  | {
    readonly type: 'financial_year_not_ended'; readonly financialYear: string;
    readonly endsOn: string;
  }
  | { readonly type: 'financial_year_already_closed'; readonly financialYear: string }
  | { readonly type: 'year_not_next'; readonly financialYear: string; readonly expected: string }
  | {
    readonly type: 'year_end_entries_missing'; readonly financialYear: string;
    readonly missing: ReadonlyArray<string>;
  }
  | { readonly type: 'financial_year_not_closed'; readonly financialYear: string }
  | {
    readonly type: 'accruals_not_at_year_end'; readonly financialYear: string;
    readonly endsOn: string;
  }
  | { readonly type: 'year_end_accruals_already_recorded'; readonly financialYear: string }
  | {
    readonly type: 'provision_not_at_year_end'; readonly financialYear: string;
    readonly endsOn: string;
  }
  | { readonly type: 'loan_loss_provision_already_set'; readonly financialYear: string }
  | {
    readonly type: 'dividend_rate_above_cap'; readonly capPercent: string;
    readonly requested: string;
  }
  | { readonly type: 'dividend_already_declared'; readonly financialYear: string }
  | { readonly type: 'dividend_exceeds_surplus'; readonly surplus: string; readonly total: string }
  | {
    readonly type: 'dividend_allocation_mismatch'; readonly financialYear: string;
    readonly batch: number; readonly reason: string;
  }
  | { readonly type: 'dividend_run_already_ended'; readonly financialYear: string }
  // Standing instructions (standingInstruction/).
  | { readonly type: 'invalid_standing_instruction'; readonly field: string;
    readonly reason: string }
  | {
    readonly type: 'invalid_instruction_status'; readonly instructionId: string;
    readonly status: string; readonly allowed: ReadonlyArray<string>;
  }
  | {
    readonly type: 'instruction_already_run'; readonly instructionId: string;
    readonly dueOn: string; readonly lastDueOn: string;
  }
  // A branch's cash (branch/): checked after the branch's closed day and its last date.
  | {
    readonly type: 'branch_day_closed'; readonly branchId: string;
    readonly closedThrough: string; readonly on: string;
  }
  | { readonly type: 'same_cash_place'; readonly branchId: string; readonly place: string }
  | {
    readonly type: 'cash_short'; readonly branchId: string; readonly place: string;
    readonly available: string; readonly requested: string;
  }
  | {
    readonly type: 'till_not_counted'; readonly branchId: string; readonly tillId: string;
    readonly book: string;
  }
  // An admission fee naming a till whose movement of that fee the branch's stream lacks.
  | {
    readonly type: 'till_not_moved'; readonly branchId: string; readonly tillId: string;
    readonly stepId: string; readonly amount: string;
  }
  // A till's side released while its account step stands (her money is in her account).
  | {
    readonly type: 'step_stands'; readonly branchId: string; readonly stepId: string;
    readonly stream: string;
  };

/** The tag of a rejection. */
export type RejectionType = Rejection['type'];

/** Every rejection tag, in the order of the reference table. */
export const rejectionTypes = [
  'amount_too_large', 'not_authorised', 'approval_required',
  'invalid_staff_branch', 'staff_revoked', 'invalid_request', 'request_already_decided',
  'same_maker_and_checker', 'period_closed',
  'not_found', 'already_exists', 'wrong_aggregate', 'member_not_admitted',
  'member_exited', 'account_closed',
  'loan_closed', 'date_before_last_event', 'unknown_product', 'wrong_product',
  'event_not_found', 'already_reversed', 'not_reversible',
  'below_minimum_shares', 'above_maximum_shares', 'insufficient_shares', 'shares_locked_in',
  'loan_outstanding', 'shares_pledged_to_loan', 'exit_must_redeem_all', 'nothing_to_redeem',
  'shares_still_held', 'share_account_open', 'deposits_still_open', 'already_at_branch',
  'dividend_already_credited', 'dividend_not_payable_in_cash', 'dividend_already_paid',
  'dividend_amount_differs', 'dividend_not_credited', 'dividend_savings_open',
  'dividend_already_deposited', 'dividend_not_awaiting_deposit',
  'operation_not_allowed', 'term_out_of_range', 'amount_out_of_range', 'amount_not_instalment',
  'all_instalments_paid', 'insufficient_balance', 'below_minimum_balance',
  'account_dormant', 'account_not_dormant',
  'lien_held', 'lien_exceeds_free_balance', 'lien_already_held', 'no_lien',
  'recovery_exceeds_lien', 'nominee_unchanged',
  'interest_period_invalid', 'instalment_not_missable', 'nothing_to_post', 'not_yet_mature',
  'already_mature',
  'cannot_compute',
  'invalid_loan_status', 'same_user_cannot_approve', 'approved_above_applied',
  'invalid_terms', 'overpayment', 'waiver_exceeds_interest_due',
  'recovery_exceeds_written_off', 'loan_not_settled', 'nothing_to_charge',
  'partial_disbursement_not_allowed', 'tranche_limit_reached', 'tranche_exceeds_approved',
  'top_up_not_allowed', 'top_up_loan_invalid', 'top_up_payoff_exceeds_principal',
  'payoff_differs',
  'invalid_guarantor', 'too_many_loans', 'loan_limit_exceeded', 'guarantors_required',
  'guarantee_not_secured',
  'reserve_below_legal_minimum', 'invalid_society_settings', 'financial_year_not_ended',
  'financial_year_already_closed', 'year_not_next', 'year_end_entries_missing',
  'financial_year_not_closed', 'accruals_not_at_year_end',
  'year_end_accruals_already_recorded', 'provision_not_at_year_end',
  'loan_loss_provision_already_set', 'dividend_rate_above_cap',
  'dividend_already_declared',
  'dividend_exceeds_surplus', 'dividend_allocation_mismatch', 'dividend_run_already_ended',
  'invalid_standing_instruction', 'invalid_instruction_status', 'instruction_already_run',
  'branch_day_closed', 'same_cash_place', 'cash_short', 'till_not_counted', 'till_not_moved',
  'step_stands',
] as const satisfies ReadonlyArray<RejectionType>;

// Fails to compile when a rejection is added to the union but not to the list above.
const everyRejectionListed: Exclude<RejectionType, (typeof rejectionTypes)[number]> extends never
  ? true : false = true;
void everyRejectionListed;

