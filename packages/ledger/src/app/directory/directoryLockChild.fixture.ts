// Run by directoryLock.test.ts: opens a directory another process may hold. `try` reports how
// the open ended and closes what it opened; `hold` opens it, writes a member, says so, and
// keeps it open until it is killed.
import { openMemberDirectory } from './openMemberDirectory.ts';

const [file = '', keyFile = '', mode = 'try'] = process.argv.slice(2);
try {
  const d = await openMemberDirectory({ file, keyFile });
  if (mode === 'hold') {
    await d.put('M-CHILD', { name: 'Child Writer' });
    process.stdout.write('held\n');
    setInterval(() => undefined, 1 << 30);
  } else {
    await d.close();
    process.stdout.write('opened\n');
  }
} catch (e) {
  process.stdout.write(`${e instanceof Error ? e.name : 'unknown'}\n`);
}
