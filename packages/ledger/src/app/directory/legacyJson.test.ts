import { randomBytes } from 'node:crypto';
import { link, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detailsOf, withFolders } from './directoryFolders.fixture.ts';
import { WrongMasterKeyError } from './directoryErrors.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';
import { seal } from './sealed.ts';

// A directory as the first format wrote it: one JSON table of base64 sealed values.
const firstFormat = (masterKey: Buffer): string => {
  const row = (memberId: string, i: number) => {
    const dataKey = randomBytes(32);
    return {
      key: seal(masterKey, dataKey, `key:${memberId}`).toString('base64'),
      record: seal(dataKey, Buffer.from(JSON.stringify(detailsOf(i))), `record:${memberId}`)
        .toString('base64'),
      forgottenOn: null,
    };
  };
  const gone = { ...row('M2', 2), key: null, forgottenOn: '2025-02-01' };
  return JSON.stringify({ version: 1, members: { M1: row('M1', 1), M2: gone } });
};

test('a first-format directory opens, migrated; the old file and its temp copies are zeroed',
  () => withFolders(async ({ data, keys, keyFile }) => {
    const masterKey = randomBytes(32);
    await writeFile(keyFile, `${masterKey.toString('base64')}\n`);
    const file = join(data, 'members.json');
    await writeFile(file, firstFormat(masterKey));
    await writeFile(`${file}.4242.tmp`, firstFormat(masterKey));
    await writeFile(join(data, 'members.json.notes.tmp'), 'not ours');
    // Second names for the old inodes: they show what was done to the bytes, not just names.
    await link(file, join(keys, 'old.json'));
    await link(`${file}.4242.tmp`, join(keys, 'old.tmp'));
    const d = await openMemberDirectory({ file, keyFile });
    assert.equal(await d.get('M1'), { status: 'present', details: detailsOf(1) });
    assert.equal(await d.get('M2'), { status: 'forgotten', forgottenOn: '2025-02-01' });
    assert.equal((await readdir(data)).sort(), ['members.json', 'members.json.notes.tmp']);
    for (const old of ['old.json', 'old.tmp']) {
      const bytes = await readFile(join(keys, old));
      assert.ok(bytes.length > 100 && bytes.every((b) => b === 0), `${old} zeroed`);
    }
    await d.close();
    const again = await openMemberDirectory({ file, keyFile });
    assert.equal(await again.get('M1'), { status: 'present', details: detailsOf(1) });
    await again.close();
  }));

test('a first-format directory is not migrated under a wrong key', () =>
  withFolders(async ({ data }) => {
    const file = join(data, 'members.json');
    const text = firstFormat(randomBytes(32));
    await writeFile(file, text);
    const e = await openMemberDirectory({ file, masterKey: randomBytes(32) })
      .then(() => undefined, (x: unknown) => x);
    assert.instance(e, WrongMasterKeyError);
    assert.is(await readFile(file, 'utf8'), text);
  }));

test.run();
