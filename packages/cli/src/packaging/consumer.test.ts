// An app outside the workspace installs the packed packages and uses them with plain tsc and
// node, no loader: build, pack every package, install the tarballs into a throwaway app in the
// system's temp folder, typecheck and run the app, then run the installed `usha` on its log.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { appMain, appManifest, appSubpaths, appTsconfig } from './consumerApp.fixture.ts';
import { linkInstall, type PackedManifest } from './linkInstall.fixture.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const packageDirs = ['domain', 'projections', 'ledger', 'eventstoredb', 'testing', 'cli'];
// Plain node: the child gets no loader from this process (execArgv is not inherited, and
// NODE_OPTIONS is cleared), and the node running this test comes first on PATH.
const env = { ...process.env, NODE_OPTIONS: '', FORCE_COLOR: '0',
  PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
const run = (file: string, args: readonly string[], cwd: string) =>
  spawnSync(file, args, { cwd, env, encoding: 'utf8' });

// The pnpm running the test command when there is one (it sets npm_execpath), else the README's.
const pnpm = (args: readonly string[]): [string, string[]] => {
  const running = process.env.npm_execpath;
  return running !== undefined && /pnpm/.test(running)
    ? [process.execPath, [running, ...args]]
    : ['npx', ['-y', 'pnpm@10', ...args]];
};

let work = '';
let app = '';
let tarballs: string[] = [];
let manifests: PackedManifest[] = [];
let specifiers: string[] = [];
const seconds: Record<string, number> = {};
const timed = <A>(step: string, f: () => A): A => {
  const start = performance.now();
  const a = f();
  seconds[step] = Math.round(performance.now() - start) / 1000;
  return a;
};

test.before(() => {
  try { setUp(); } catch (e) {
    // uvu reports a failed hook without its cause: print it.
    console.error(e);
    throw e;
  }
});

const setUp = (): void => {
  work = mkdtempSync(join(tmpdir(), 'usha-consumer-'));
  app = join(work, 'app');
  const packs = join(work, 'tarballs');
  // Built as `pnpm build` and a release build, with the check: the test command's type-check
  // of every source does not see what only the build sees (a file the testing subpath imports
  // that a package's build config leaves out broke the release while this build, unchecked,
  // still emitted it).
  timed('build', () => execFileSync(process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
    { cwd: root, env, stdio: 'pipe' }));
  // Scripts ignored: each package's prepack would build again, with the check.
  const packArgs = ['-r', '--filter', './packages/*', '--config.ignore-scripts=true', 'pack',
    '--pack-destination', packs];
  timed('pack', () => execFileSync(...pnpm(packArgs), { cwd: root, env, stdio: 'pipe' }));
  tarballs = readdirSync(packs).filter((f) => f.endsWith('.tgz')).map((f) => join(packs, f));
  manifests = timed('install', () => linkInstall({
    app, tarballs, from: [root, ...packageDirs.map((d) => join(root, 'packages', d))],
    appDependencies: ['fp-ts', 'io-ts', 'typescript', '@types/node', 'fast-check', 'uvu'],
  }));
  writeFileSync(join(app, 'package.json'), appManifest(
    Object.fromEntries(manifests.map((m, i) => [m.name, tarballs[i] ?? '']))));
  writeFileSync(join(app, 'tsconfig.json'), appTsconfig);
  writeFileSync(join(app, 'main.ts'), appMain);
  specifiers = manifests.flatMap((m) => Object.keys(m.exports ?? {})
    .map((k) => k === '.' ? m.name : `${m.name}/${k.slice(2)}`));
  writeFileSync(join(app, 'subpaths.ts'), appSubpaths(specifiers));
};

test.after(() => {
  console.log(`consumer steps (s): ${JSON.stringify(seconds)}`);
  // KEEP=1 leaves the app in place to look into a failure.
  if (work !== '' && process.env.KEEP !== '1') rmSync(work, { recursive: true, force: true });
});

test('every package packs its dist, README and LICENSE, and no source, test or bench', () => {
  assert.is(tarballs.length, packageDirs.length);
  for (const tarball of tarballs) {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    const entries = listing.trim().split('\n');
    const stray = entries.filter((e) =>
      !/^package\/(package\.json|README\.md|LICENSE|dist\/.+)$/.test(e)
      || /\.test\.|\.ts$(?<!\.d\.ts)|bench\/|tsbuildinfo/.test(e));
    assert.equal(stray, [], tarball);
    for (const must of ['package/LICENSE', 'package/README.md', 'package/dist/index.js']) {
      assert.ok(entries.includes(must), `${tarball} lacks ${must}`);
    }
  }
});

test('the packed manifests export dist with types, and name licence, engines and peers', () => {
  for (const m of manifests) {
    assert.is(m.private, undefined, m.name);
    assert.is(m.license, 'Apache-2.0', m.name);
    assert.equal(m.engines, { node: '>=20.12' }, m.name);
    assert.ok(m.exports?.['.'], `${m.name} exports its main entry`);
    for (const [subpath, target] of Object.entries(m.exports ?? {})) {
      assert.ok(/^\.\/dist\/.+\.d\.ts$/.test(target.types), `${m.name} ${subpath} types`);
      assert.is(target.import, target.types.replace(/\.d\.ts$/, '.js'), `${m.name} ${subpath}`);
      readFileSync(join(app, 'node_modules', m.name, target.import)); // throws if absent
    }
    const tsx = { ...m.dependencies, ...m.peerDependencies }['tsx'];
    assert.is(tsx, undefined, `${m.name} needs no loader at run time`);
    if (m.name !== '@usha/cli') assert.ok(m.peerDependencies?.['fp-ts'], `${m.name} peer fp-ts`);
  }
  const cli = manifests.find((m) => m.name === '@usha/cli');
  assert.equal(cli?.bin, { usha: './dist/bin.js' });
  const bin = readFileSync(join(app, 'node_modules/@usha/cli/dist/bin.js'), 'utf8');
  assert.is(bin.split('\n')[0], '#!/usr/bin/env node');
});

test('the app typechecks with plain tsc, module nodenext, library declarations checked', () => {
  const tsc = timed('tsc', () => run(process.execPath,
    [join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app));
  assert.is(tsc.stdout + tsc.stderr, '');
  assert.is(tsc.status, 0);
});

test('the app runs with plain node: admits M-0001, opens savings, deposits, prints it', () => {
  const main = timed('node', () => run(process.execPath, ['out/main.js', 'usha.ndjson'], app));
  assert.is(main.stderr, '');
  assert.is(main.stdout, [
    'AdmitMember', 'OpenSavingsAccount', 'MakeDeposit',
    'savings of M-0001: Rs 1,250.50', 'in money: 1250.50', '',
  ].join('\n'));
  assert.is(main.status, 0);
});

test('every exported subpath loads with plain node and exports names', () => {
  const loaded = run(process.execPath, ['out/subpaths.js'], app);
  assert.is(loaded.stderr, '');
  const counts: unknown = JSON.parse(loaded.stdout);
  assert.equal(Object.keys(counts as object).sort(), [...specifiers].sort());
  for (const [s, n] of Object.entries(counts as object)) assert.ok(n > 0, s);
  assert.is(specifiers.length, 11);
});

test('the installed usha verifies the log the app wrote, with plain node', () => {
  const verify = run(join(app, 'node_modules/.bin/usha'), ['verify', 'usha.ndjson'], app);
  assert.is(verify.stderr, '');
  // Admitted, her savings account noted on her stream and opened, one deposit.
  assert.is(verify.stdout.split('\n')[0], 'usha.ndjson: 4 events, hash chain intact.');
  assert.is(verify.status, 0);
});

test('usha --version prints the version in the packed package.json', () => {
  const version = run(join(app, 'node_modules/.bin/usha'), ['--version'], app);
  assert.is(version.stdout, '0.1.0\n');
  assert.is(version.stdout.trim(), manifests.find((m) => m.name === '@usha/cli')?.version);
  assert.is(version.status, 0);
});

test.run();
