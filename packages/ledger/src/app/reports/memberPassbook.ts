import { formatPassbook, type Passbook } from '@usha/projections';

/**
 * Whose passbook it is, read from the member directory: her name, or why there is none (she
 * was forgotten, the directory has no record of her, or the Ledger has no directory).
 */
export type PassbookHolder =
  | { readonly status: 'present'; readonly name: string }
  | { readonly status: 'forgotten' | 'absent' | 'no_directory' };

/** A member's passbook, with its holder when the query asked for her name. */
export interface MemberPassbook extends Passbook {
  readonly holder?: PassbookHolder;
}

const holderLine = (h: PassbookHolder | undefined): string[] =>
  h === undefined ? [] : [h.status === 'present' ? `Name: ${h.name}` : `Name: (${h.status})`];

/**
 * A passbook as printed pages, the holder's name under the title when it was asked for.
 * @example console.log(formatMemberPassbook(await ledger.passbook('M-1', { withName: true })))
 */
export const formatMemberPassbook = (p: MemberPassbook): string => {
  const [title = '', ...rest] = formatPassbook(p).split('\n');
  return [title, ...holderLine(p.holder), ...rest].join('\n');
};
