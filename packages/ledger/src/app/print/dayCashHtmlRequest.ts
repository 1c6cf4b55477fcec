import type * as t from 'io-ts';
import { BranchId, closedWithOptional, DateString } from '@usha/domain';
import { Paper, PrintLang } from '@usha/projections';
import { printRequest } from './printRequest.ts';

/** A printed day-end cash page asked for: a branch, its day, a language, a paper (A4). */
export const DayCashHtmlRequest = closedWithOptional(
  { branchId: BranchId, on: DateString, lang: PrintLang }, { paper: Paper },
  'DayCashHtmlRequest');
/** The request as a caller writes it: plain strings, checked when it is decoded. */
export type DayCashHtmlRequest = t.OutputOf<typeof DayCashHtmlRequest>;

/** The request decoded, or refused with a PrintRequestError naming its first wrong field. */
export const dayCashHtmlRequest = printRequest(DayCashHtmlRequest, 'dayCashHtml');
