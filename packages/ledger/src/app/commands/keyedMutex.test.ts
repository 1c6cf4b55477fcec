import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { keyedMutex } from './keyedMutex.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const failure = (p: Promise<unknown>): Promise<string> =>
  p.then(() => 'resolved', (e: unknown) => (e instanceof Error ? e.message : String(e)));

test('tasks on one key run one at a time, in the order they arrive', async () => {
  const m = keyedMutex();
  const log: string[] = [];
  const task = (name: string) => async () => {
    log.push(`${name} start`);
    await tick();
    log.push(`${name} end`);
    return name;
  };
  const results = await Promise.all([m.run('k', task('a')), m.run('k', async () => 'b'),
    m.run('k', task('c')), m.run('other', task('x'))]);
  assert.equal(results, ['a', 'b', 'c', 'x']);
  assert.equal(log.filter((l) => !l.startsWith('x')), ['a start', 'a end', 'c start', 'c end']);
  assert.ok(log.indexOf('x start') < log.indexOf('a end'), 'another key does not wait');
});

test('a task that fails, at once or later, does not hold the key', async () => {
  const m = keyedMutex();
  const thrown = m.run('k', () => { throw new Error('at once'); });
  const rejected = m.run('k', () => Promise.reject(new Error('later')));
  assert.is(await failure(thrown), 'at once');
  assert.is(await failure(rejected), 'later');
  assert.is(await m.run('k', async () => 2), 2);
});

test('an idle key starts its task at once, before the caller goes on', () => {
  const m = keyedMutex();
  const log: string[] = [];
  void m.run('k', async () => { log.push('task'); });
  log.push('caller');
  assert.equal(log, ['task', 'caller']);
});

test.run();
