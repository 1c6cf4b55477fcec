import * as t from 'io-ts';
import { BranchId, closedWithOptional, DateString } from '@usha/domain';
import { Paper, PrintLang } from '@usha/projections';
import { printRequest } from './printRequest.ts';

const StaffId = t.refinement(t.string, (s) => s.length > 0 && s.length <= 128, 'StaffId');

/**
 * A printed collection sheet asked for: a branch's members (or one field officer's) and what
 * they owe on the day `on`, in a language, on a paper (A4 when omitted).
 */
export const CollectionSheetHtmlRequest = closedWithOptional(
  { branchId: BranchId, on: DateString, lang: PrintLang },
  { fieldOfficer: StaffId, paper: Paper }, 'CollectionSheetHtmlRequest');
/** The request as a caller writes it: plain strings, checked when it is decoded. */
export type CollectionSheetHtmlRequest = t.OutputOf<typeof CollectionSheetHtmlRequest>;

/** The request decoded, or refused with a PrintRequestError naming its first wrong field. */
export const collectionSheetHtmlRequest =
  printRequest(CollectionSheetHtmlRequest, 'collectionSheetHtml');
