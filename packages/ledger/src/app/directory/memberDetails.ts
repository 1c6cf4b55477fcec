import * as t from 'io-ts';

/** A member's personal data: kept in the directory, never in the event log. */
export const MemberDetails = t.intersection([
  t.type({ name: t.string }),
  t.partial({ phone: t.string, address: t.string }),
], 'MemberDetails');
export type MemberDetails = t.TypeOf<typeof MemberDetails>;
