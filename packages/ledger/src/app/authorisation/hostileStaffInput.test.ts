import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as fc from 'fast-check';
import { hostileValues } from '@usha/domain/testing';
import { allEvents, memoryStore, testLedger } from '../testSupport.ts';
import type { CommandOutcome } from '../commands/outcome.ts';

const base = { commandId: 'c-1', actor: 'board-1', on: '2025-04-01' };
const newTypes = ['AppointStaff', 'RevokeStaff', 'RequestApproval', 'ApproveRequest',
  'DeclineRequest'] as const;

const fieldsOf = (o: CommandOutcome): string[] =>
  o.status === 'rejected' && o.rejection.type === 'invalid_command'
    ? o.rejection.fields.map((f) => f.path) : [];

test('a role not in the table, or a name riding along, is invalid_command naming the field',
  async () => {
    const ledger = await testLedger(memoryStore());
    const king = await ledger.execute({ type: 'AppointStaff',
      data: { ...base, staffId: 'u-1', role: 'king', branchId: null } });
    assert.equal(fieldsOf(king), ['data.role']);
    const named = await ledger.execute({ type: 'AppointStaff',
      data: { ...base, staffId: 'u-1', role: 'board', branchId: null, name: 'Rina' } });
    assert.equal(fieldsOf(named), ['data.name']);
    const spaced = await ledger.execute({ type: 'RevokeStaff',
      data: { ...base, staffId: 'Rina Das' } });
    assert.equal(fieldsOf(spaced), ['data.staffId']);
  });

test('only a command that needs a checker can be requested', async () => {
  const ledger = await testLedger(memoryStore());
  const withdraw = { type: 'Withdraw', data: { ...base, commandId: 'w-1', accountId: 'SB-1',
    amount: '10' } };
  const o = await ledger.execute({ type: 'RequestApproval',
    data: { ...base, command: withdraw } });
  assert.equal(fieldsOf(o), ['data.command.type']);
});

test('any input to the new commands is refused as a value, nothing stored', async () => {
  const store = memoryStore();
  const ledger = await testLedger(store);
  // Proxies, getters, cycles: made fresh for each try, outside fast-check (which inspects them).
  for (const type of newTypes) {
    for (const [name, make] of Object.entries(hostileValues)) {
      const o = await ledger.execute({ type, data: make() });
      assert.is(o.status === 'rejected' && o.rejection.type, 'invalid_command', name);
    }
  }
  await fc.assert(fc.asyncProperty(fc.constantFrom(...newTypes),
    fc.oneof(fc.anything(), fc.record({ commandId: fc.constant('c-1'),
      actor: fc.constant('board-1'), on: fc.constant('2025-04-01'), staffId: fc.anything(),
      requestId: fc.anything(), role: fc.anything(), command: fc.anything() })),
    async (type, data) => {
      const o = await ledger.execute({ type, data });
      assert.is(o.status, 'rejected');
      assert.is(o.status === 'rejected' && o.rejection.type, 'invalid_command');
    }), { numRuns: 300 });
  assert.is((await allEvents(store)).length, 0);
});

test.run();
