import * as t from 'io-ts';

/** The languages a page prints in: Bengali or English. */
export const PrintLang = t.keyof({ bn: null, en: null }, 'PrintLang');
export type PrintLang = t.TypeOf<typeof PrintLang>;

/** The paper a page prints on. */
export const Paper = t.keyof({ A4: null, A5: null }, 'Paper');
export type Paper = t.TypeOf<typeof Paper>;

/** How a page prints: its language and its paper. */
export interface PrintOptions {
  readonly lang: PrintLang;
  readonly paper: Paper;
}
