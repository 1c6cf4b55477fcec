import { bn } from './bn.ts';
import { en } from './en.ts';
import type { PrintLang } from '../printOptions.ts';

/** A label of a printed page, by its key in the catalogue. */
export type MessageKey = keyof typeof en;

/** One language's labels: every key of the English catalogue, each a text. */
export type Messages = Readonly<Record<MessageKey, string>>;

const catalogues: Readonly<Record<PrintLang, Messages>> = { bn, en };

/** The labels of printed pages in a language. */
export const messagesIn = (lang: PrintLang): Messages => catalogues[lang];
