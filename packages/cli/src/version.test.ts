// `usha --version` reads the package's own manifest from beside src/ (and dist/ once built).
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { packageVersion } from './version.ts';

test('the version is the one in @usha/cli package.json', () => {
  const manifest: unknown = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.ok(typeof manifest === 'object' && manifest !== null && 'name' in manifest
    && 'version' in manifest);
  assert.is(manifest.name, '@usha/cli');
  assert.is(packageVersion(), manifest.version);
  assert.match(packageVersion(), /^\d+\.\d+\.\d+(-[\w.]+)?$/);
});

test.run();
