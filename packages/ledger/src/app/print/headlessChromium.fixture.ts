// Renders a page in headless Chromium from the command line, for tests: the DOM as the
// browser parsed it, the PDF it prints (its page count) and a screenshot kept to look at.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { test } from 'uvu';

const run = promisify(execFile);

/** Debian's Chromium; .ci/run installs it when missing. */
export const chromiumPath = '/usr/bin/chromium';

/**
 * A test that renders in Chromium: skipped, saying why, on a machine without it (a developer's
 * with only Node and npm); .ci/run installs it first, so there it always runs.
 */
export const chromiumTest: typeof test.skip = existsSync(chromiumPath) ? test : test.skip;
if (!existsSync(chromiumPath)) {
  console.log(`${chromiumPath} is missing: the pages are not rendered here (.ci/run installs it)`);
}

/** Where screenshots and PDFs of rendered pages are kept (gitignored). */
export const printOutDir = new URL('../../../../../.print/', import.meta.url).pathname;

// No network, no profile, no first-run or background work: a page that asked for anything
// outside itself would find nothing.
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** What Chromium made of a page. */
export interface Rendered {
  /** The document as Chromium parsed it (`--dump-dom`). */
  readonly dom: string;
  /** The pages of the PDF it prints. */
  readonly pdfPages: number;
  readonly screenshotFile: string;
}

const chromium = async (args: ReadonlyArray<string>): Promise<string> => {
  const profile = await mkdtemp(join(tmpdir(), 'usha-chromium-'));
  try {
    const { stdout } = await run(chromiumPath, [...flags, `--user-data-dir=${profile}`, ...args],
      { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
};

/** Renders `html` in Chromium, keeping `<name>.png` and `<name>.pdf` in `.print/`. */
export const renderInChromium = async (html: string, name: string): Promise<Rendered> => {
  if (!existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} is missing: apt-get install -y chromium (as .ci/run does)`);
  }
  await mkdir(printOutDir, { recursive: true });
  const page = join(printOutDir, `${name}.html`);
  await writeFile(page, html);
  const url = pathToFileURL(page).href;
  const pdf = join(printOutDir, `${name}.pdf`);
  const png = join(printOutDir, `${name}.png`);
  const dom = await chromium(['--dump-dom', url]);
  await chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer', url]);
  await chromium([`--screenshot=${png}`, '--window-size=1200,1300', url]);
  // Each page of a PDF is one object of type /Page (the tree above them is /Pages).
  const pdfPages = ((await readFile(pdf)).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [])
    .length;
  return { dom, pdfPages, screenshotFile: png };
};

/** The text of a parsed document's body, cell by cell and line by line, entities decoded. */
export const textOf = (dom: string): string =>
  (dom.split(/<body[^>]*>/)[1] ?? '')
    .replace(/<\/(td|th|dt|dd)>/g, '\t').replace(/<\/(tr|p|h1|h2|dl|header|footer)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&');
