import { test } from 'uvu';
import { spec } from '../../testing/deciderSpecification.ts';
import { by, command, event, history } from '../../testing/fixtures.ts';
import { createApprovalDecider } from './decide.ts';

const decider = createApprovalDecider();
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));

const writeOff = (actor = 'bm-1', commandId = 'wo-1') =>
  ({ type: 'WriteOffLoan', data: { commandId, actor, on: '2025-06-01', loanId: 'L1' } });
const requested = command('RequestApproval', { ...by('rq-1', '2025-06-01', 'bm-1'),
  command: writeOff() });
const approve = (actor: string, id = 'ok-1', on = '2025-06-02') =>
  command('ApproveRequest', { ...by(id, on, actor), requestId: 'wo-1' });
const decline = (actor: string, id = 'no-1') =>
  command('DeclineRequest', { ...by(id, '2025-06-02', actor), requestId: 'wo-1' });

test('a request records the maker and the whole command, under the command id', () => {
  given().when(requested).then([event('ApprovalRequested', {
    requestId: 'wo-1', makerId: 'bm-1', on: '2025-06-01', command: writeOff(),
  })]);
});

test('the requested command must be the maker\'s own, with its own id: invalid_request', () => {
  const forOther = command('RequestApproval', { ...by('rq-1', '2025-06-01', 'bm-1'),
    command: writeOff('bm-2') });
  given().when(forOther).thenRejects('invalid_request', { field: 'data.command.data.actor' });
  const sameId = command('RequestApproval', { ...by('wo-1', '2025-06-01', 'bm-1'),
    command: writeOff() });
  given().when(sameId).thenRejects('invalid_request', { field: 'data.command.data.commandId' });
});

test('the maker cannot check her own request: same_maker_and_checker', () => {
  given(requested).when(approve('bm-1')).thenRejects('same_maker_and_checker',
    { requestId: 'wo-1', makerId: 'bm-1', checkerId: 'bm-1' });
});

test('a second member of staff approves it, once: request_already_decided after', () => {
  given(requested).when(approve('board-1')).then([event('RequestApproved', {
    requestId: 'wo-1', checkerId: 'board-1', on: '2025-06-02',
  })]);
  given(requested, approve('board-1')).when(approve('board-2', 'ok-2'))
    .thenRejects('request_already_decided', { requestId: 'wo-1', status: 'approved' });
});

test('a declined request is never approved; an unknown one is not_found', () => {
  given(requested, decline('board-1')).when(approve('board-2'))
    .thenRejects('request_already_decided', { requestId: 'wo-1', status: 'declined' });
  given().when(approve('board-1')).thenRejects('not_found', { aggregate: 'approval' });
  given(requested).when(approve('board-1', 'ok-1', '2025-05-31'))
    .thenRejects('date_before_last_event', { on: '2025-05-31', lastOn: '2025-06-01' });
});

test.run();
