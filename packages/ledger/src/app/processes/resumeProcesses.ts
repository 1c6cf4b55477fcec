import * as E from 'fp-ts/lib/Either.js';
import type { ProcessContext } from './processContext.ts';
import type { ProcessEntry } from './processIndex.ts';
import type { ProcessOutcome } from './processOutcome.ts';
import { processRequests, type ProcessRecord } from './processRecord.ts';
import { closeFinancialYear } from './closeFinancialYear.ts';
import { creditDividends } from './creditDividends.ts';
import { repayFromSavings } from './repayFromSavings.ts';
import { approveWithLiens } from './approveWithLiens.ts';
import { closeLoanReleasingLiens } from './closeLoanReleasingLiens.ts';
import { recoverFromGuarantor } from './recoverFromGuarantor.ts';
import { topUpLoan } from './topUpLoan.ts';
import { standingDue } from './standingDue.ts';
import { cashAtTill } from '../branch/cashAtTill.ts';
import {
  claimProcess, type HeldElsewhere, type ProcessClaimSettings,
} from './processClaim.ts';
import { ProcessTakenOverError } from './runningClaim.ts';

const malformed = (p: ProcessEntry): ProcessOutcome => ({
  status: 'rejected', processId: p.processId, steps: [],
  rejection: { type: 'invalid_command', message: 'the recorded request does not decode',
    fields: [] },
});

/** Runs a process again from its recorded request (decoded like every other input). */
const resumeOne = (
  ctx: ProcessContext, p: ProcessEntry & { readonly record: ProcessRecord },
): Promise<ProcessOutcome> => {
  const { name, request } = p.record;
  switch (name) {
    case 'repayFromSavings': {
      const r = processRequests.repayFromSavings.decode(request);
      return E.isLeft(r) ? Promise.resolve(malformed(p)) : repayFromSavings(ctx, r.right);
    }
    case 'creditDividends': {
      const r = processRequests.creditDividends.decode(request);
      return E.isLeft(r) ? Promise.resolve(malformed(p)) : creditDividends(ctx, r.right);
    }
    case 'approveWithLiens': {
      const r = processRequests.approveWithLiens.decode(request);
      return E.isLeft(r) ? Promise.resolve(malformed(p)) : approveWithLiens(ctx, r.right);
    }
    case 'closeLoanReleasingLiens': {
      const r = processRequests.closeLoanReleasingLiens.decode(request);
      return E.isLeft(r) ? Promise.resolve(malformed(p)) : closeLoanReleasingLiens(ctx, r.right);
    }
    case 'recoverFromGuarantor': {
      const r = processRequests.recoverFromGuarantor.decode(request);
      return E.isLeft(r) ? Promise.resolve(malformed(p)) : recoverFromGuarantor(ctx, r.right);
    }
    case 'topUpLoan': {
      const r = processRequests.topUpLoan.decode(request);
      return E.isLeft(r) ? Promise.resolve(malformed(p)) : topUpLoan(ctx, r.right);
    }
    case 'standingInstruction': {
      const r = processRequests.standingInstruction.decode(request);
      return E.isLeft(r) ? Promise.resolve(malformed(p)) : standingDue(ctx, r.right);
    }
    case 'cashAtTill': {
      const r = processRequests.cashAtTill.decode(request);
      return E.isLeft(r) ? Promise.resolve(malformed(p)) : cashAtTill(ctx, r.right);
    }
    case 'closeFinancialYear': {
      const r = processRequests.closeFinancialYear.decode(request);
      return E.isLeft(r) ? Promise.resolve(malformed(p)) : closeFinancialYear(ctx, r.right);
    }
  }
};

/** What an instance did at open with the processes the log shows unfinished. */
export interface ResumedAtOpen {
  /** Those it claimed and completed, in log order. */
  readonly resumed: ReadonlyArray<ProcessOutcome>;
  /**
   * Those another instance claimed first, its lease still running, or took over while this
   * one ran them (its lease having run out): left to it.
   */
  readonly elsewhere: ReadonlyArray<HeldElsewhere>;
}

/**
 * Completes the processes the log shows started and not ended that this instance wins a claim
 * on (processClaim.ts), one after another in log order, and leaves the others to the instance
 * that holds them. Running a process again is safe by construction (deterministic step ids),
 * so one whose last step was refused, and so never marked ended, is only run again, applying
 * nothing; of several instances opening at once, one runs it. The claim is kept while it runs
 * (runningClaim.ts); one taken over meanwhile stops before its next step and is listed with
 * those held elsewhere.
 */
export const resumeClaimedProcesses = async (
  ctx: ProcessContext, settings: ProcessClaimSettings,
  unfinished: ReadonlyArray<ProcessEntry & { readonly record: ProcessRecord }>,
): Promise<ResumedAtOpen> => {
  const resumed: ProcessOutcome[] = [];
  const elsewhere: HeldElsewhere[] = [];
  for (const p of unfinished) {
    const claim = await claimProcess(ctx.store, settings, p);
    if (claim.kind === 'held') {
      elsewhere.push(claim.by);
      continue;
    }
    // The run's first step takes this claim rather than claiming again.
    if (claim.claim !== undefined) ctx.claims?.handedOver.set(p.processId, claim.claim);
    try {
      resumed.push(await resumeOne(ctx, p));
    } catch (e) {
      if (!(e instanceof ProcessTakenOverError)) throw e;
      elsewhere.push(e.by);
    } finally {
      ctx.claims?.handedOver.delete(p.processId);
    }
  }
  return { resumed, elsewhere };
};
