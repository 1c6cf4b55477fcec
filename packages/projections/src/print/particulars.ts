import type { LocaleFigures } from './localeFigures.ts';
import type { PrintLang } from './printOptions.ts';

type Rule = readonly [RegExp, (m: RegExpExecArray, f: LocaleFigures, again: Say) => string];
type Say = (text: string) => string;

// A passbook prints an amount inside its particulars as plain rupees ('1234.56').
const amount = (f: LocaleFigures, rupees: string | undefined): string =>
  /^\d+\.\d{2}$/.test(rupees ?? '') ? f.money(BigInt((rupees ?? '').replace('.', '')))
    : f.digits(rupees ?? '');

const fixed: Readonly<Record<string, string>> = {
  'By cash': 'নগদ জমা', 'By transfer': 'স্থানান্তরে জমা', 'By dividend': 'লভ্যাংশ থেকে জমা',
  'By interest transfer': 'সুদ স্থানান্তরে জমা', 'To cash': 'নগদ উত্তোলন',
  'By recovery': 'আদায়', 'By fixed deposit': 'স্থায়ী আমানত জমা',
  'By interest at maturity': 'মেয়াদপূর্তিতে সুদ',
  'By interest on early closure': 'আগাম বন্ধে সুদ',
  'To payout on closure': 'বন্ধের প্রদান', 'To loan disbursed': 'ঋণ প্রদান',
  'Written off': 'অনাদায়ী বলে বাদ',
};

// The passbook's particulars in Bengali, pattern by pattern (passbook/apply.ts writes them).
// Ids (loan, nominee reference) stay as written: they are codes, matched against papers.
const bengali: ReadonlyArray<Rule> = [
  [/^Reversal \((\d{4}-\d{2}-\d{2})\): (.*)$/, (m, f, again) =>
    `বাতিল (${f.date(m[1] ?? '')}): ${again(m[2] ?? '')}`],
  [/^(.*) \(instalment\)$/, (m, _f, again) => `${again(m[1] ?? '')} (কিস্তি)`],
  [/^By (\d+) shares$/, (m, f) => `${f.digits(m[1] ?? '')}টি শেয়ার ক্রয়`],
  [/^To (\d+) shares redeemed$/, (m, f) => `${f.digits(m[1] ?? '')}টি শেয়ার ফেরত`],
  [/^By interest from (\d{4}-\d{2}-\d{2})$/, (m, f) => `${f.date(m[1] ?? '')} থেকে সুদ`],
  [/^By repayment: principal (\S+), interest (\S+), penalties (\S+), fees (\S+)$/, (m, f) =>
    `কিস্তি পরিশোধ: আসল ${amount(f, m[1])}, সুদ ${amount(f, m[2])}, `
    + `জরিমানা ${amount(f, m[3])}, ফি ${amount(f, m[4])}`],
  [/^Penalty charged (\S+)$/, (m, f) => `জরিমানা ধার্য ${amount(f, m[1])}`],
  [/^Fee charged (\S+)$/, (m, f) => `ফি ধার্য ${amount(f, m[1])}`],
  [/^Admission fee (\S+) in cash$/, (m, f) => `ভর্তি ফি ${amount(f, m[1])} নগদে`],
  [/^Interest waived (\S+)$/, (m, f) => `সুদ মকুব ${amount(f, m[1])}`],
  [/^Dividend (\S+) (\S+) to savings$/, (m, f) =>
    `লভ্যাংশ ${f.digits(m[1] ?? '')} ${amount(f, m[2])} সঞ্চয়ে`],
  [/^To TDS at ([\d.]+)%$/, (m, f) => `উৎসে কর কর্তন ${f.digits(m[1] ?? '')}%`],
  [/^Nominee recorded \((NOM-\d+)\)(: .*)?$/s, (m) => `নমিনি নথিভুক্ত (${m[1]})${m[2] ?? ''}`],
];

/**
 * A passbook line's particulars in a language. English is the passbook's own text; Bengali
 * follows the patterns above, and a line no pattern knows prints as written, in English,
 * rather than guessed at.
 * @example particularsIn('bn', figuresIn('bn'))('By 5 shares') // '৫টি শেয়ার ক্রয়'
 */
export const particularsIn = (lang: PrintLang, f: LocaleFigures): Say => {
  if (lang === 'en') return (text) => text;
  const say: Say = (text) => {
    const known = Object.hasOwn(fixed, text) ? fixed[text] : undefined;
    if (known !== undefined) return known;
    for (const [pattern, to] of bengali) {
      const m = pattern.exec(text);
      if (m !== null) return to(m, f, say);
    }
    return text;
  };
  return say;
};
