import type { Paper } from './printOptions.ts';

// Each paper's size in millimetres: the screen shows the sheet at the size it prints.
const sizes: Readonly<Record<Paper, { readonly widthMm: number; readonly heightMm: number;
  readonly fontPt: number }>> = {
  A4: { widthMm: 210, heightMm: 297, fontPt: 11 },
  A5: { widthMm: 148, heightMm: 210, fontPt: 9.5 },
};

// Fonts from the system only: Bengali faces first (Windows, macOS, Debian), then any sans.
const fonts = "'Noto Sans Bengali', 'Lohit Bengali', 'Vrinda', 'Bangla Sangam MN', "
  + "'Noto Sans', 'DejaVu Sans', sans-serif";

/**
 * The inline style sheet of a printed page: one sheet per printed page (a table that runs over
 * repeats its header, its total prints once at its end), figures in equal digits, right-aligned.
 */
export const printStyle = (paper: Paper, landscape: boolean): string => {
  const size = sizes[paper];
  const s = landscape ? { ...size, widthMm: size.heightMm, heightMm: size.widthMm } : size;
  return `@page { size: ${paper} ${landscape ? 'landscape' : 'portrait'}; margin: 10mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${fonts}; font-size: ${s.fontPt}pt; color: #000; }
.sheet { break-after: page; }
.sheet:last-child { break-after: auto; }
header { text-align: center; border-bottom: 1pt solid #000; margin-bottom: 3mm; }
header h1 { font-size: 1.3em; margin: 0; }
header p { margin: 0 0 1mm; }
h2 { font-size: 1.15em; margin: 0 0 2mm; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 3mm; margin: 0 0 3mm; }
dt { font-weight: bold; }
dd { margin: 0; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tfoot { display: table-row-group; }
tr { break-inside: avoid; }
th, td { border: 0.5pt solid #444; padding: 0.8mm 1.2mm; vertical-align: top; }
th { background: #eee; text-align: left; }
.num { text-align: right; white-space: nowrap; width: 1%; }
footer { margin-top: 2mm; font-size: 0.85em; }
@media screen {
  body { background: #ddd; }
  .sheet { background: #fff; width: ${s.widthMm}mm; min-height: ${s.heightMm}mm;
    margin: 4mm auto; padding: 10mm; }
}`;
};
