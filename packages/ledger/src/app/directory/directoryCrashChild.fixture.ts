// Run by directoryCrash.soak.test.ts: registers members, forgets every third one and rotates the
// master key now and then, printing each step before it starts ("try") and once it is
// durable ("ack"), until the parent kills it with SIGKILL.
import { detailsOf } from './directoryFolders.fixture.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';

const [file = '', keyFile = '', run = '0'] = process.argv.slice(2);
const directory = await openMemberDirectory({ file, keyFile });
const say = (s: string) => process.stdout.write(`${s}\n`);
say('ready');

const writer = async (w: number) => {
  for (let i = w; i < 2000; i += 3) {
    const n = Number(run) * 10000 + i;
    const id = `M-${String(n)}`;
    say(`try put ${id} ${String(n)}`);
    await directory.put(id, detailsOf(n));
    say(`ack put ${id}`);
    if (i % 3 === 1) {
      say(`try forget ${id}`);
      await directory.forget(id, '2025-03-31');
      say(`ack forget ${id}`);
    }
    if (i % 40 === 20) {
      say('try rotate');
      await directory.rotateMasterKey();
      say('ack rotate');
    }
  }
};
await Promise.all([0, 1, 2].map(writer));
say('done');
