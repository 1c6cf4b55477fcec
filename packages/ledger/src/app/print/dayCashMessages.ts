import type { PrintLang } from '@usha/projections';

// The labels of the day-end cash page only; the society's header, "Branch", "Date" and the
// rest shared with other pages come from the print catalogue (messagesIn). `{amount}` is
// where a figure goes, in the language's digits.
const en = {
  dayCash: 'Day-end cash',
  day: 'Day',
  dayClosed: 'closed',
  dayOpen: 'open',
  vaultOpening: 'Vault at the start',
  takenOver: 'Taken over into the vault',
  toTills: 'Vault to tills',
  fromTills: 'Tills to vault',
  fromBranches: 'From other branches',
  toBranches: 'To other branches',
  vaultClosing: 'Vault at the close',
  till: 'Till',
  opening: 'Opening',
  fromVault: 'From vault',
  received: 'Received',
  paid: 'Paid',
  toVault: 'To vault',
  book: 'Book',
  counted: 'Counted',
  difference: 'Difference',
  closing: 'Closing',
  notCounted: 'not counted',
  short: 'short {amount}',
  excess: 'excess {amount}',
  nil: 'nil',
  noTills: 'No till held or moved cash this day.',
} as const;

/** The day-end cash page's labels in one language, each a text. */
export type DayCashMessages = Readonly<Record<keyof typeof en, string>>;

// The words a branch's cash counter uses.
const bn: DayCashMessages = {
  dayCash: 'দিনশেষের নগদ হিসাব',
  day: 'দিন',
  dayClosed: 'বন্ধ',
  dayOpen: 'খোলা',
  vaultOpening: 'দিনের শুরুতে ভল্টে',
  takenOver: 'ভল্টে গ্রহণ',
  toTills: 'ভল্ট থেকে ক্যাশবাক্সে',
  fromTills: 'ক্যাশবাক্স থেকে ভল্টে',
  fromBranches: 'অন্য শাখা থেকে',
  toBranches: 'অন্য শাখায়',
  vaultClosing: 'দিনের শেষে ভল্টে',
  till: 'ক্যাশবাক্স',
  opening: 'শুরুর নগদ',
  fromVault: 'ভল্ট থেকে',
  received: 'প্রাপ্ত',
  paid: 'প্রদত্ত',
  toVault: 'ভল্টে ফেরত',
  book: 'খাতায়',
  counted: 'গোনা নগদ',
  difference: 'পার্থক্য',
  closing: 'শেষের নগদ',
  notCounted: 'গোনা হয়নি',
  short: '{amount} কম',
  excess: '{amount} বেশি',
  nil: 'নেই',
  noTills: 'এই দিনে কোনো ক্যাশবাক্সে নগদ ছিল না।',
};

const catalogues: Readonly<Record<PrintLang, DayCashMessages>> = { bn, en };

/** The day-end cash page's labels in a language. */
export const dayCashMessagesIn = (lang: PrintLang): DayCashMessages => catalogues[lang];
