// Runs every test file in its own Node process (each file also runs alone with
// `node --import tsx file`), sums uvu's totals, and ends with `N passed, N failed`.
//   node scripts/test.mjs [--soak] [filter]
// Without --soak the long soaks (`*.soak.test.ts`: a lakh of members, 200,000 streams, dozens
// of SIGKILLs) are left out: the loop a developer runs often. With it, every file runs, the
// soaks first (they are the longest, so the others fill the cores around them); that is what
// `pnpm test:all`, the README's test command and CI run.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const roots = ['packages', 'examples'];
const args = process.argv.slice(2);
const soak = args.includes('--soak');
const filter = args.find((a) => !a.startsWith('--'));

const isTestFile = (p) => /\.test\.ts$/.test(p) && !p.includes('node_modules');
const isSoak = (p) => /\.soak\.test\.ts$/.test(p);
const found = roots
  .flatMap((r) => {
    const dir = join(root, r);
    try { statSync(dir); } catch { return []; }
    return readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f)));
  })
  .filter(isTestFile)
  .filter((f) => !filter || f.includes(filter))
  .sort();
const soaksLeftOut = soak ? [] : found.filter(isSoak);
const testFiles = [...found.filter(isSoak), ...found.filter((f) => !isSoak(f))]
  .filter((f) => soak || !isSoak(f));

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const count = (text, label) => {
  const m = new RegExp(`${label}:\\s+(\\d+)`).exec(text);
  return m ? Number(m[1]) : undefined;
};

const runFile = (file) =>
  new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const text = stripAnsi(out);
      const total = count(text, 'Total');
      const passed = count(text, 'Passed');
      const skipped = count(text, 'Skipped') ?? 0;
      if (total === undefined || passed === undefined) {
        // A file that crashed before uvu reported counts as one failure.
        resolve({ file, passed: 0, failed: 1, skipped: 0, code, text, seconds });
        return;
      }
      const failed = total - passed + (code !== 0 && total === passed ? 1 : 0);
      resolve({ file, passed, failed, skipped, code, text, seconds });
    });
  });

const workers = Math.max(1, Math.min(availableParallelism(), 4));
const queue = [...testFiles];
const results = [];
await Promise.all(
  Array.from({ length: workers }, async () => {
    for (let f = queue.shift(); f; f = queue.shift()) {
      const r = await runFile(f);
      results.push(r);
      const name = relative(root, r.file);
      const mark = r.failed > 0 ? 'FAIL' : 'ok  ';
      console.log(`${mark} ${name}  (${r.passed} passed, ${r.failed} failed; `
        + `${r.seconds.toFixed(1)} s)`);
      if (r.failed > 0) console.log(r.text.replace(/^/gm, '    | '));
    }
  }),
);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
if (testFiles.length === 0) console.log('no test files found');
if (soaksLeftOut.length > 0) {
  console.log(`${soaksLeftOut.length} soak files not run (${soaksLeftOut.map((f) =>
    relative(root, f)).join(', ')}): \`pnpm test:all\` runs every file`);
}
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 || testFiles.length === 0 ? 1 : 0);
