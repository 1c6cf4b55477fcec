import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { auditTrail } from './auditTrail.fixture.ts';
import { runCli } from './runCli.ts';

const dir = await mkdtemp(join(tmpdir(), 'usha-verify-'));
test.after(() => rm(dir, { recursive: true, force: true }));

const usha = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};

const notALog = (file: string) =>
  ({ code: 1, out: `${file}: not an event log (its first line is not a log line).`, err: '' });

test('verify never calls intact what is not a log: a JSON file, a binary file', async () => {
  const members = join(dir, 'members.json');
  await writeFile(members, '{"M-1":{"name":"Asha","phone":"98300"}}\n');
  assert.equal(await usha('verify', members), notALog(members));
  const oneLine = join(dir, 'members-no-newline.json');
  await writeFile(oneLine, '{"M-1":{"name":"Asha"}}');
  assert.equal(await usha('verify', oneLine), notALog(oneLine));
  // Bytes with no line feed were read as one unfinished line: no event, yet "no event" was
  // all it said. A file that does not begin as a log line does is not a log.
  const binary = join(dir, 'photo.jpg');
  await writeFile(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
  assert.equal(await usha('verify', binary), notALog(binary));
  const withNewline = join(dir, 'blob.bin');
  await writeFile(withNewline, Buffer.from([0x00, 0x01, 0x0a, 0xfe]));
  assert.equal(await usha('verify', withNewline), notALog(withNewline));
});

test('verify: a directory, a missing or unreadable file is one line naming it, exit 1',
  async () => {
    const folder = join(dir, 'members.dir');
    await mkdir(folder);
    assert.equal(await usha('verify', folder),
      { code: 1, out: '', err: `usha: ${folder}: is a directory, not a log file` });
    const missing = join(dir, 'usha.ndjson');
    assert.equal(await usha('verify', missing),
      { code: 1, out: '', err: `usha: ${missing}: no such file` });
    assert.equal(await usha('verify', join(missing, 'x')),
      { code: 1, out: '', err: `usha: ${join(missing, 'x')}: no such file` });
    const key = join(dir, 'no.pub');
    const trail = await auditTrail(await mkdtemp(join(dir, 'trail-')));
    assert.equal(await usha('verify', trail.file, '--key', key),
      { code: 1, out: '', err: `usha: ${key}: no such file` });
  });

test('verify: a log whose only append was cut by a crash holds no event, and says so',
  async () => {
    const trail = await auditTrail(await mkdtemp(join(dir, 'torn-')));
    const first = (await readFile(trail.file, 'utf8')).split('\n')[0] ?? '';
    const torn = join(dir, 'torn.ndjson');
    await writeFile(torn, first.slice(0, 120));
    assert.equal(await usha('verify', torn), { code: 1, out: `${torn}: holds no event: its first `
      + 'append was never finished (a line without its newline).', err: '' });
  });

test.run();
