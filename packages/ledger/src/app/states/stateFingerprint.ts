// What a kept state was folded by: the code of the domain and of this package, and the
// products the Ledger was opened with. A state folded by other code (another release, a
// change in development) or other products may differ from the log's fold, so a kept state
// is used only where this fingerprint is the one it was written with.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stateText } from './stateText.ts';

// A module's code: tests and fixtures fold nothing, so a change to them keeps the states.
const isCode = (name: string): boolean =>
  /\.(ts|js|mjs|cjs)$/.test(name) && !/\.(test|fixture|bench)\.[a-z]+$/.test(name)
  && !name.endsWith('.d.ts');

const hashTree = async (hash: ReturnType<typeof createHash>, root: string): Promise<void> => {
  const names = (await readdir(root, { recursive: true })).filter(isCode).sort();
  const texts = await Promise.all(names.map((n) => readFile(join(root, n))));
  names.forEach((n, i) => {
    hash.update(`${relative(root, join(root, n)).split('\\').join('/')}\0`);
    hash.update(texts[i] ?? Buffer.alloc(0));
    hash.update('\0');
  });
};

/**
 * A folder of a package's code (`src` or `dist`), checked to be that package's: in an app
 * bundled into one file the folder two levels above this module is the app's own (its
 * node_modules and all), which is neither to be read whole nor a fingerprint of the fold.
 */
export const packageCode = async (dir: string, name: string): Promise<string> => {
  const manifest: unknown = JSON.parse(await readFile(join(dir, '..', 'package.json'), 'utf8'));
  const found: unknown = typeof manifest === 'object' && manifest !== null
    ? Reflect.get(manifest, 'name') : undefined;
  if (found !== name) throw new Error(`${dir} is not the code of ${name}`);
  return dir;
};

// The folders of the code that folds: the domain's (where its entry lies) and this package's.
const codeRoots = (): Promise<string[]> => Promise.all([
  packageCode(dirname(fileURLToPath(import.meta.resolve('@usha/domain'))), '@usha/domain'),
  packageCode(fileURLToPath(new URL('../../', import.meta.url)), '@usha/ledger'),
]);

let code: Promise<string> | undefined;

/**
 * The SHA-256 of the code that folds states (read once a process); rejected where that code is
 * not laid out as the two packages (then no state is kept).
 */
export const codeFingerprint = (): Promise<string> => {
  code ??= (async () => {
    const hash = createHash('sha256');
    for (const root of await codeRoots()) {
      hash.update(`${root.length}\0`); // where one tree ends and the next begins
      await hashTree(hash, root);
    }
    return hash.digest('hex');
  })();
  return code;
};

/**
 * The fingerprint of the states a Ledger folds: its code's, and its products' (a product's
 * terms are read as events are folded), or undefined where the code cannot be read.
 */
export const stateFingerprint = async (products: unknown): Promise<string | undefined> => {
  let codeHash: string;
  try {
    codeHash = await codeFingerprint();
  } catch {
    code = undefined;
    return undefined;
  }
  const terms = stateText(products);
  if (terms === undefined) return undefined;
  return createHash('sha256').update(`${codeHash}\0${terms}`).digest('hex');
};
