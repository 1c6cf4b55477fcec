import fc from 'fast-check';
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { detailsOf, withFolders } from './directoryFolders.fixture.ts';
import type { MemberDirectory } from './memberDirectory.ts';
import { openMemberDirectory } from './openMemberDirectory.ts';
import { decodeSlot, slotSize } from './slot.ts';

type Op = { readonly member: number; readonly forget: boolean };
const members = ['M0', 'M1', 'M2', 'M3'];
const apply = (d: MemberDirectory, op: Op, i: number) => op.forget
  ? d.forget(`M${op.member}`, `2025-01-${String(10 + i)}`) : d.put(`M${op.member}`, detailsOf(i));
const stateOf = (d: MemberDirectory) => Promise.all(members.map((m) => d.get(m)));
// Runs `f` on `d`, then closes it, also when `f` throws: a shrunk run opens the file again.
const closing = async <A>(d: MemberDirectory, f: (d: MemberDirectory) => Promise<A>) => {
  try {
    return await f(d);
  } finally {
    await d.close();
  }
};

// Whether the slot at `at` in `file` is its member's current one (the valid one, newer).
const isCurrent = (file: Buffer, at: number): boolean => {
  const pairAt = at - ((at - slotSize) % (2 * slotSize));
  const [a, b] = [pairAt, pairAt + slotSize].map((x) =>
    decodeSlot(file.subarray(x, x + slotSize)));
  const mine = at === pairAt ? a : b;
  const other = at === pairAt ? b : a;
  return mine !== undefined && (other === undefined || mine.seq > other.seq);
};

// The regions the last operation wrote, in the order it synced them: each slot it changed
// (a member's current slot last: it is overwritten only once the new version is durable), or
// the pair it appended.
const regionsOf = (before: Buffer, after: Buffer): Array<[number, number]> => {
  const regions: Array<[number, number]> = [];
  for (let at = slotSize; at < before.length; at += slotSize) {
    const b = before.subarray(at, at + slotSize);
    if (!b.equals(after.subarray(at, at + slotSize))) regions.push([at, at + slotSize]);
  }
  regions.sort(([x], [y]) => Number(isCurrent(before, x)) - Number(isCurrent(before, y)));
  if (after.length > before.length) regions.push([before.length, after.length]);
  return regions;
};

// The file as a crash leaves it: regions[r] torn after `cut` bytes, those synced before it
// written, those after it not.
const torn = (before: Buffer, after: Buffer, regions: Array<[number, number]>, r: number,
  cut: number): Buffer => {
  const file = Buffer.concat([before, Buffer.alloc(Math.max(0, after.length - before.length))]);
  for (const [from, to] of regions.slice(0, r)) after.copy(file, from, from, to);
  const [from, to] = regions[r] ?? [0, 0];
  after.copy(file, from, from, from + Math.min(cut, to - from));
  return from >= before.length ? file.subarray(0, from + Math.min(cut, to - from))
    : file.subarray(0, before.length);
};

test('a write torn at any byte opens to the state before it or after it, and a forgotten ' +
  'member\'s wrapped key is in no slot', () => withFolders(async ({ file }) => fc.assert(
  fc.asyncProperty(
    fc.array(fc.record({ member: fc.nat(3), forget: fc.boolean() }), { minLength: 1,
      maxLength: 8 }),
    fc.nat(), fc.nat(2 * slotSize),
    async (ops, pick, cut) => {
      const masterKey = randomBytes(32);
      const path = file;
      await rm(path, { force: true });
      const { before, stateBefore, after, stateAfter } = await closing(
        await openMemberDirectory({ file: path, masterKey }), async (d) => {
          for (const [i, op] of ops.slice(0, -1).entries()) await apply(d, op, i);
          const was = await readFile(path);
          const stateWas = await stateOf(d);
          await apply(d, ops[ops.length - 1] ?? { member: 0, forget: false }, ops.length);
          return { before: was, stateBefore: stateWas, after: await readFile(path),
            stateAfter: await stateOf(d) };
        });
      const regions = regionsOf(before, after);
      if (regions.length === 0) return;
      await writeFile(path, torn(before, after, regions, pick % regions.length, cut));
      await closing(await openMemberDirectory({ file: path, masterKey }), async (reopened) => {
        const state = await stateOf(reopened);
        assert.ok([stateBefore, stateAfter].some((s) => JSON.stringify(s) ===
          JSON.stringify(state)), `not before nor after: ${JSON.stringify(state)}`);
        const recovered = await readFile(path);
        for (let at = slotSize; at < recovered.length; at += slotSize) {
          const s = decodeSlot(recovered.subarray(at, at + slotSize));
          const i = members.indexOf(s?.memberId ?? '');
          const gone = i >= 0 && state[i]?.status === 'forgotten';
          assert.ok(!(gone && s?.key), `a wrapped key of forgotten ${s?.memberId} at ${at}`);
        }
        assert.is(recovered.length % slotSize, 0);
      });
    }), { numRuns: 150 })));

test.run();
