// docs/reference/permissions.md holds the permission table as the code has it: this test
// renders the table from `permissions` and compares it with the page's generated section, so
// the page cannot drift from the code. On a change, paste the rendered table it prints.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { permissions, type Permission } from './permissions.ts';

const page = new URL('../../../../docs/reference/permissions.md', import.meta.url);
const begin = '<!-- permission table: generated from permissions.ts -->';
const end = '<!-- end of permission table -->';

const roles = (rs: ReadonlyArray<string>) => rs.map((r) => `\`${r}\``).join(', ');

// One row per command type, in the table's order.
const row = ([type, p]: [string, Permission]): string => {
  if (p.by === 'requested command') {
    return `| \`${type}\` | the roles of the command requested | |`;
  }
  return `| \`${type}\` | ${roles(p.by)} | ${roles(p.checkedBy ?? [])} |`;
};

const rendered = (): string => [
  '| command | sent by | checked by |',
  '|---|---|---|',
  ...Object.entries(permissions).map(row),
].join('\n');

const section = (text: string): string | undefined => {
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  return from === -1 || to < from ? undefined : text.slice(from + begin.length, to).trim();
};

test('the reference page\'s permission table is the one in permissions.ts', () => {
  const onPage = section(readFileSync(page, 'utf8'));
  assert.ok(onPage !== undefined, `the page has no section between ${begin} and ${end}`);
  assert.is(onPage, rendered(), `the page's table differs from the code's:\n${rendered()}`);
});

test('every command type has its row on the page, once', () => {
  const onPage = section(readFileSync(page, 'utf8')) ?? '';
  for (const type of Object.keys(permissions)) {
    const rows = onPage.split('\n').filter((l) => l.startsWith(`| \`${type}\` |`));
    assert.is(rows.length, 1, `${type}: ${rows.length} rows`);
  }
});

test.run();
