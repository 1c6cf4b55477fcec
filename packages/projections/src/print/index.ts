// Printable pages in Bengali and English, each a small module over its text report's data.
export { escapeHtml } from './escapeHtml.ts';
export { figuresIn, type LocaleFigures } from './localeFigures.ts';
export { messagesIn, type MessageKey, type Messages } from './messages/messages.ts';
export { particularsIn } from './particulars.ts';
export {
  printHtml, type PrintColumn, type PrintDocument, type PrintSheet,
} from './printHtml.ts';
export { Paper, PrintLang, type PrintOptions } from './printOptions.ts';
export { passbookHtml, type PassbookPrintOptions } from './passbookHtml.ts';
export { collectionSheetHtml } from './collectionSheetHtml.ts';
