import { test } from 'uvu';
import { spec } from '../testing/deciderSpecification.ts';
import {
  by, command, event, history, products, withFacts,
} from '../testing/fixtures.ts';
import { initialShareState } from '../shares/state.ts';
import { createMemberDecider } from './decide.ts';

const decider = createMemberDecider({ products });
const given = (...cs: Parameters<typeof decider.decide>[0][]) =>
  spec(decider).given(history(decider, cs));
const admit = command('AdmitMember', {
  ...by('c1', '2024-04-01'), memberId: 'M1', branchId: 'SONAGACHI', shareProductId: 'SH',
  shares: 5,
});
const assign = (id: string, on: string, staffId = 'fo-3', memberId = 'M1') =>
  command('AssignFieldOfficer', { ...by(id, on), memberId, staffId });

test('a field officer is assigned to a member from a date, by staff id only', () => {
  given(admit).when(assign('c2', '2024-05-01')).then([event('FieldOfficerAssigned', {
    memberId: 'M1', staffId: 'fo-3', on: '2024-05-01',
  })]);
});

test('a later assignment hands her to another officer', () => {
  given(admit, assign('c2', '2024-05-01')).when(assign('c3', '2024-06-01', 'fo-7'))
    .then([event('FieldOfficerAssigned', { memberId: 'M1', staffId: 'fo-7', on: '2024-06-01' })]);
});

test('rejections, in the order they are checked', () => {
  given().when(assign('c2', '2024-05-01')).thenRejects('not_found', { aggregate: 'member' });
  given(admit).when(assign('c2', '2024-05-01', 'fo-3', 'M2'))
    .thenRejects('wrong_aggregate', { expected: 'M1', got: 'M2' });
  const exit = withFacts(command('ExitMember', { ...by('c2', '2024-05-01'), memberId: 'M1' }),
    { loans: [], shares: initialShareState, deposits: [] });
  given(admit, exit)
    .when(assign('c3', '2024-05-02')).thenRejects('member_exited');
  given(admit, assign('c2', '2024-05-01')).when(assign('c3', '2024-04-30'))
    .thenRejects('date_before_last_event');
});

test.run();
