import { HEAD_OFFICE_BRANCH } from '@usha/projections';

/**
 * Why a report of branch `branchId` would mislead, or undefined: a branch no entry of the log
 * names (a mistyped id would print books of zeros); the head office's always reads.
 */
export const branchProblem = (
  branchId: string, known: ReadonlyArray<string>,
): string | undefined =>
  (branchId === HEAD_OFFICE_BRANCH || known.includes(branchId) ? undefined
    : `--branch ${branchId}: no entry of that branch in the log; its branches: `
      + `${[...new Set([...known, HEAD_OFFICE_BRANCH])].sort().join(', ')}`);
