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

// The folders of the code that folds: the domain's (where its entry lies) and this package's.
const codeRoots = (): string[] => [
  dirname(fileURLToPath(import.meta.resolve('@usha/domain'))),
  fileURLToPath(new URL('../../', import.meta.url)),
];

let code: Promise<string> | undefined;

/** The SHA-256 of the code that folds states (read once a process). */
export const codeFingerprint = (): Promise<string> => {
  code ??= (async () => {
    const hash = createHash('sha256');
    for (const root of codeRoots()) {
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
