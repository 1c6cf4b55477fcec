// Runs every test file in its own Node process (each file also runs alone with
// `node --import tsx file`), sums uvu's totals, and ends with `N passed, N failed`.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { availableParallelism } from 'node:os';

const root = new URL('..', import.meta.url).pathname;
const roots = ['packages', 'examples'];
const filter = process.argv[2];

const isTestFile = (p) => /\.test\.ts$/.test(p) && !p.includes('node_modules');
const testFiles = roots
  .flatMap((r) => {
    const dir = join(root, r);
    try { statSync(dir); } catch { return []; }
    return readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f)));
  })
  .filter(isTestFile)
  .filter((f) => !filter || f.includes(filter))
  .sort();

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*m/g, '');
const count = (text, label) => {
  const m = new RegExp(`${label}:\\s+(\\d+)`).exec(text);
  return m ? Number(m[1]) : undefined;
};

const runFile = (file) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], {
      cwd: root,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => {
      const text = stripAnsi(out);
      const total = count(text, 'Total');
      const passed = count(text, 'Passed');
      const skipped = count(text, 'Skipped') ?? 0;
      if (total === undefined || passed === undefined) {
        // A file that crashed before uvu reported counts as one failure.
        resolve({ file, passed: 0, failed: 1, skipped: 0, code, text });
        return;
      }
      const failed = total - passed + (code !== 0 && total === passed ? 1 : 0);
      resolve({ file, passed, failed, skipped, code, text });
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
      console.log(`${mark} ${name}  (${r.passed} passed, ${r.failed} failed)`);
      if (r.failed > 0) console.log(r.text.replace(/^/gm, '    | '));
    }
  }),
);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
if (testFiles.length === 0) console.log('no test files found');
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 || testFiles.length === 0 ? 1 : 0);
