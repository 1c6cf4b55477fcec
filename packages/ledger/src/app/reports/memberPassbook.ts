import { formatPassbook, type Passbook } from '@usha/projections';

/**
 * Whose passbook it is, read from the member directory: her name, or why there is none (she
 * was forgotten, the directory has no record of her, or the Ledger has no directory).
 */
export type PassbookHolder =
  | { readonly status: 'present'; readonly name: string }
  | { readonly status: 'forgotten' | 'absent' | 'no_directory' };

/**
 * A member's passbook, with its holder when the query asked for her name, and then the names of
 * her nominees by reference (`NOM-1`), as the directory holds them.
 */
export interface MemberPassbook extends Passbook {
  readonly holder?: PassbookHolder;
  readonly nominees?: Readonly<Record<string, string>>;
}

const holderLine = (h: PassbookHolder | undefined): string[] =>
  h === undefined ? [] : [h.status === 'present' ? `Name: ${h.name}` : `Name: (${h.status})`];

// The log's line names the directory's reference only; the printed page adds her name.
const recorded = /^Nominee recorded \((NOM-[0-9]+)\)$/;
/** The passbook with each nominee's name beside the line that recorded her, when known. */
export const withNomineeNames = (p: MemberPassbook): Passbook => {
  const names = p.nominees ?? {};
  const named = (particulars: string): string => {
    const ref = recorded.exec(particulars)?.[1];
    const name = ref !== undefined && Object.hasOwn(names, ref) ? names[ref] : undefined;
    return name === undefined ? particulars : `${particulars}: ${name}`;
  };
  return { ...p, pages: p.pages.map((pg) => ({ ...pg,
    lines: pg.lines.map((l) => ({ ...l, particulars: named(l.particulars) })) })) };
};

/**
 * A passbook as printed pages, the holder's name under the title when it was asked for, and
 * each nominee's name beside the line that recorded her when the directory holds it.
 * @example console.log(formatMemberPassbook(await ledger.passbook('M-1', { withName: true })))
 */
export const formatMemberPassbook = (p: MemberPassbook): string => {
  const [title = '', ...rest] = formatPassbook(withNomineeNames(p)).split('\n');
  return [title, ...holderLine(p.holder), ...rest].join('\n');
};
