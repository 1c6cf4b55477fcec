import fc from 'fast-check';
import { test } from 'uvu';
import { rupees } from '../format/textTable.ts';
import { figuresIn } from './localeFigures.ts';

const bengaliDigits = '০১২৩৪৫৬৭৮৯';
const paise = fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n });

test('English money prints exactly as the text report prints it', () => {
  const en = figuresIn('en');
  fc.assert(fc.property(paise, (p) => en.money(p) === rupees(p)));
});

test('Bengali money, its digits read back, is the text report\'s figure', () => {
  const bn = figuresIn('bn');
  fc.assert(fc.property(paise, (p) => {
    const latin = bn.money(p).replace(/[০-৯]/g, (d) => String(bengaliDigits.indexOf(d)));
    return latin === rupees(p);
  }));
});

test.run();
