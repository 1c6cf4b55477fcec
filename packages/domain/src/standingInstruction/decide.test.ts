import * as E from 'fp-ts/lib/Either.js';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { decodeCommand } from '../commandCatalogue.ts';
import { spec } from '../testing/deciderSpecification.ts';
import { by, command, event, history, withFacts } from '../testing/fixtures.ts';
import { createStandingInstructionDecider } from './decide.ts';
import { goodFacts } from './instructionAccounts.fixture.ts';

const decider = createStandingInstructionDecider();
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));

const instruction = { instructionId: 'SI-1' };
// From her savings SB-1 to her recurring deposit RD-1, both open (goodFacts).
const give = (more: Record<string, unknown> = {}) => withFacts(command('GiveStandingInstruction',
  { ...by('g1', '2025-04-15'), ...instruction, fromAccountId: 'SB-1', toAccountId: 'RD-1',
    what: 'rd-instalment', startOn: '2025-05-01', endOn: null, ...more }), goodFacts);
type Simple = 'PauseStandingInstruction' | 'ResumeStandingInstruction'
  | 'CancelStandingInstruction';
const simple = (type: Simple, id: string, on: string) =>
  command(type, { ...by(id, on), ...instruction });
const executed = (on: string, id = 'x1') => command('RecordStandingInstructionExecuted',
  { ...by(id, on, 'cashier-1'), ...instruction, amount: '500' });
const refused = (on: string, id = 'r1') => command('RecordStandingInstructionRefused',
  { ...by(id, on, 'cashier-1'), ...instruction, amount: '500', reason: 'insufficient_balance' });

test('an instruction is given: its accounts, what it pays and its dates, no amount', () => {
  given().when(give()).then([event('StandingInstructionGiven', {
    instructionId: 'SI-1', fromAccountId: 'SB-1', toAccountId: 'RD-1', what: 'rd-instalment',
    startOn: '2025-05-01', endOn: null, on: '2025-04-15' })]);
});

test('an instruction is not given twice: already_exists', () => {
  given(give()).when(give({ commandId: 'g2' }))
    .thenRejects('already_exists', { aggregate: 'standing', id: 'SI-1' });
});

test('bad dates and one account both ends: invalid_standing_instruction names the field', () => {
  given().when(give({ toAccountId: 'SB-1' })).thenRejects('invalid_standing_instruction',
    { field: 'toAccountId', reason: 'the same account as fromAccountId' });
  given().when(give({ startOn: '2025-04-14' })).thenRejects('invalid_standing_instruction',
    { field: 'startOn', reason: 'before the date it is given, 2025-04-15' });
  given().when(give({ endOn: '2025-04-30' })).thenRejects('invalid_standing_instruction',
    { field: 'endOn', reason: 'before startOn, 2025-05-01' });
});

test('paused, resumed, cancelled: each only from the status it needs', () => {
  given(give()).when(simple('PauseStandingInstruction', 'p1', '2025-05-02'))
    .then([event('StandingInstructionPaused', { instructionId: 'SI-1', on: '2025-05-02' })]);
  given(give()).when(simple('ResumeStandingInstruction', 'u1', '2025-05-02'))
    .thenRejects('invalid_instruction_status',
      { instructionId: 'SI-1', status: 'active', allowed: ['paused'] });
  given(give(), simple('PauseStandingInstruction', 'p1', '2025-05-02'))
    .when(simple('ResumeStandingInstruction', 'u1', '2025-05-03'))
    .then([event('StandingInstructionResumed', { instructionId: 'SI-1', on: '2025-05-03' })]);
  given(give(), simple('CancelStandingInstruction', 'c1', '2025-05-02'))
    .when(simple('PauseStandingInstruction', 'p1', '2025-05-03'))
    .thenRejects('invalid_instruction_status',
      { instructionId: 'SI-1', status: 'cancelled', allowed: ['active'] });
});

test('a due date is decided once, paid or refused: instruction_already_run', () => {
  given(give()).when(executed('2025-05-10')).then([event('StandingInstructionExecuted',
    { instructionId: 'SI-1', on: '2025-05-10', amount: '500.00' })]);
  given(give(), executed('2025-05-10')).when(refused('2025-05-10'))
    .thenRejects('instruction_already_run',
      { instructionId: 'SI-1', dueOn: '2025-05-10', lastDueOn: '2025-05-10' });
  given(give(), refused('2025-05-10')).when(executed('2025-06-10')).then([
    event('StandingInstructionExecuted',
      { instructionId: 'SI-1', on: '2025-06-10', amount: '500.00' })]);
});

test('a paused instruction records no due date; one before its start is refused', () => {
  given(give(), simple('PauseStandingInstruction', 'p1', '2025-05-02'))
    .when(executed('2025-05-10')).thenRejects('invalid_instruction_status',
      { instructionId: 'SI-1', status: 'paused', allowed: ['active'] });
  given(give()).when(executed('2025-04-20')).thenRejects('invalid_standing_instruction',
    { field: 'on', reason: 'outside the instruction\'s dates, 2025-05-01 to open' });
});

test('a refusal reason is a rejection tag, never free text, and is not repeated', () => {
  const c = decodeCommand({ type: 'RecordStandingInstructionRefused', data: {
    ...by('r9', '2025-05-10'), ...instruction, amount: '500', reason: 'Asha Devi, no money' } });
  assert.ok(E.isLeft(c));
  assert.equal(c.left.fields.map((f) => f.path), ['data.reason']);
  assert.not.match(c.left.message, 'Asha');
});

test.run();
