// Every TypeScript block of README.md and docs/**/*.md, run as written: each program is written
// into packages/cli/.doc-blocks/ (inside the workspace, so `@usha/*` resolve; this package
// depends on all the others), typechecked in one tsc run with the repository's settings, then
// run with `node --import tsx` in a fresh temporary folder. The fence infos, described in
// docs/guides/code-in-docs.md:
//   ```ts             a complete program
//   ```ts continued   the page's previous program goes on: run as one program with it
//   ```ts excerpt     not a program (a signature, a fragment); neither compiled nor run
//   ```text output    what the program above prints, exactly (stdout, all output blocks joined)
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const work = join(root, 'packages', 'cli', '.doc-blocks');
const tsxLoader = import.meta.resolve('tsx');
const tscBin = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** A program assembled from one page's blocks, with what its output blocks promise. */
type Program = { page: string; line: number; source: string; output: string[]; file: string };

type Fence = { lang: string; info: string; line: number; body: string };

/** The fenced blocks of a markdown text, with the line each opens on (1-based). */
const fencesOf = (text: string): Fence[] => {
  const fences: Fence[] = [];
  let open: { lang: string; info: string; line: number; lines: string[] } | undefined;
  text.split('\n').forEach((l, i) => {
    if (open === undefined) {
      const m = /^```(\w*)\s*(.*)$/.exec(l);
      if (m) open = { lang: m[1] ?? '', info: (m[2] ?? '').trim(), line: i + 1, lines: [] };
    } else if (/^```\s*$/.test(l)) {
      fences.push({ lang: open.lang, info: open.info, line: open.line,
        body: open.lines.join('\n') + '\n' });
      open = undefined;
    } else open.lines.push(l);
  });
  return fences;
};

const isTs = (f: Fence) => f.lang === 'ts' || f.lang === 'typescript';
const infoWord = (f: Fence) => f.info.split(/[\s:]/)[0] ?? '';

/** The programs of one page; throws on a fence info the convention does not know. */
const programsOf = (page: string, text: string): { programs: Program[]; blocks: number } => {
  const programs: Program[] = [];
  let blocks = 0;
  let last: Program | undefined;
  let previous: Fence | undefined;
  for (const f of fencesOf(text)) {
    const at = `${page}:${f.line}`;
    if (isTs(f)) {
      blocks += 1;
      const word = infoWord(f);
      if (word === 'excerpt') { /* shown, neither compiled nor run */ }
      else if (word === 'continued') {
        if (last === undefined) throw new Error(`${at}: 'continued' with no program before it`);
        last.source += f.body;
      } else if (word === '') {
        const slug = page.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
        last = { page, line: f.line, source: f.body, output: [],
          file: join(work, `${slug}-${f.line}.ts`) };
        programs.push(last);
      } else throw new Error(`${at}: unknown fence info '${f.info}'`);
    } else if (f.lang === 'text' && infoWord(f) === 'output') {
      if (previous === undefined || !isTs(previous) || infoWord(previous) === 'excerpt'
        || last === undefined) {
        throw new Error(`${at}: an output block must follow a program's block`);
      }
      last.output.push(f.body);
    }
    previous = f;
  }
  return { programs, blocks };
};

const pages = [
  'README.md',
  ...readdirSync(join(root, 'docs'), { recursive: true })
    .map(String).filter((p) => p.endsWith('.md')).map((p) => join('docs', p)).sort(),
];
const found = pages.map((p) => programsOf(p, readFileSync(join(root, p), 'utf8')));
const programs = found.flatMap((f) => f.programs);
const blocks = found.reduce((n, f) => n + f.blocks, 0);
// Counted apart from the parser, so a block it skipped (a stray space, a missed fence) shows.
const tsOpenings = pages.reduce((n, p) => n
  + (readFileSync(join(root, p), 'utf8').match(/^```\s*(ts|typescript)\b/gm) ?? []).length, 0);

type Ran = { code: number | null; stdout: string; stderr: string };

/** Runs one program in a fresh temporary folder; its stdout and stderr are kept apart. */
const run = (p: Program): Promise<Ran> => new Promise((resolve) => {
  const cwd = mkdtempSync(join(tmpdir(), 'usha-doc-block-'));
  const child = spawn(process.execPath, ['--import', tsxLoader, p.file], {
    cwd, env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.on('close', (code) => {
    rmSync(cwd, { recursive: true, force: true });
    resolve({ code, stdout, stderr });
  });
});

/** Runs every program, two at a time (the suite itself runs files in parallel). */
const runAll = async (): Promise<Map<Program, Ran>> => {
  const results = new Map<Program, Ran>();
  const queue = [...programs];
  await Promise.all([0, 1].map(async () => {
    for (let p = queue.shift(); p; p = queue.shift()) results.set(p, await run(p));
  }));
  return results;
};

let typecheck = '';
let ran = new Map<Program, Ran>();

test.before(async () => {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'tsconfig.json'), JSON.stringify({
    extends: '../../../tsconfig.json', include: ['*.ts'],
  }));
  // A block need not import anything, but each file must be a module of its own.
  for (const p of programs) writeFileSync(p.file, `${p.source}export {};\n`);
  const tsc = spawnSync(process.execPath, [tscBin, '-p', join(work, 'tsconfig.json')],
    { cwd: root, encoding: 'utf8' });
  typecheck = tsc.status === 0 ? '' : `${tsc.stdout}${tsc.stderr}`;
  ran = await runAll();
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test('every TypeScript block is read, and the README holds a program', () => {
  assert.is(blocks, tsOpenings);
  assert.ok(programs.some((p) => p.page === 'README.md'));
});

test('every program typechecks with the repository settings', () => {
  // Errors name the written file; say which page and line it came from.
  const named = programs.reduce((s, p) => s.split(p.file.slice(root.length)).join(
    `${p.page}:${p.line}`).split(p.file).join(`${p.page}:${p.line}`), typecheck);
  assert.is(named, '');
});

for (const p of programs) {
  test(`${p.page}:${p.line} runs as written and prints what the page shows`, () => {
    const r = ran.get(p);
    assert.ok(r !== undefined);
    assert.is(r.code, 0, `exit code ${r.code}\n${r.stderr}`);
    if (p.output.length > 0) assert.fixture(r.stdout, p.output.join(''));
  });
}

test.run();
