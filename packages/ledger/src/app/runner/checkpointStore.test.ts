// A checkpoint file refuses a path or a text it cannot use, typed and at once, and a save that
// fails leaves nothing beside the file: before, `fileCheckpointStore('')` wrote a temporary
// file in the working folder on every save, failed to rename it, and left it there.
import { FileAccessError } from '../../durable/fileAccess.ts';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckpointFileError, fileCheckpointStore } from './checkpointStore.ts';

const refusal = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (e) {
    return e;
  }
};

test('a path that is no file is refused with CheckpointFileError when the store is made',
  () => {
    for (const file of ['', 'a\0b', 'folder/', 42, null, undefined, Symbol('s'), {}]) {
      const e = refusal(() => fileCheckpointStore(file));
      assert.instance(e, CheckpointFileError, String(typeof file));
      assert.is(e instanceof CheckpointFileError && e.field, 'file');
    }
  });

test('a save over a folder is refused before anything is written: no temporary file, and the '
  + 'checkpoint as it was',
  async () => {
    const dir = await mkdtemp(join(tmpdir(), 'usha-cp-'));
    try {
      const file = join(dir, 'runner.checkpoint');
      const store = fileCheckpointStore(file);
      await store.save('{"v":1}');
      // A folder where the checkpoint's file would be renamed: refused before a byte is
      // written (the rename would have failed), naming the folder.
      const blocked = fileCheckpointStore(dir);
      const e = await blocked.save('{"v":2}').then(() => 'saved', (x: unknown) => x);
      assert.ok(e instanceof FileAccessError, String(e));
      assert.equal([e.code, e.path], ['EISDIR', dir]);
      const left = (await readdir(dir)).filter((n) => n.endsWith('.tmp'));
      const parent = (await readdir(join(dir, '..'))).filter((n) =>
        n.startsWith(`${dir.split('/').at(-1) ?? ''}.`) && n.endsWith('.tmp'));
      assert.equal([left, parent], [[], []], 'no temporary file left');
      const wrong = await store.save(5 as unknown as string).then(() => 'saved', (x) => x);
      assert.instance(wrong, CheckpointFileError);
      assert.is(await readFile(file, 'utf8'), '{"v":1}');
      assert.is(await store.load(), '{"v":1}');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

test.run();
