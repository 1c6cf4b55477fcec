import * as E from 'fp-ts/lib/Either.js';
import type { Command } from '../commandCatalogue.ts';
import type { Rejection } from '../shared/rejection.ts';

/** How a society with no staff yet is treated (see docs/concepts/staff-and-roles.md). */
export interface SetUpRule {
  /** Refuse every command but the first board appointment until a register exists. */
  readonly requireStaff: boolean;
}

/**
 * A command while the staff register is empty (the society is being set up): the first
 * appointment must be of a board member, who can then appoint the rest; other commands are
 * taken from anyone unless `requireStaff`, so logs kept before there was a register still work.
 * @example whileSettingUp(appointClerk, { requireStaff: false })
 *   // Left({ type: 'not_authorised', why: 'first_appointment_not_board', ... })
 */
export const whileSettingUp = (c: Command, rule: SetUpRule): E.Either<Rejection, true> => {
  const refuse = (why: 'first_appointment_not_board' | 'no_staff_register') =>
    E.left<Rejection, true>({ type: 'not_authorised', actor: c.data.actor, commandType: c.type,
      rolesAllowed: ['board'], why });
  if (c.type === 'AppointStaff') {
    return c.data.role === 'board' ? E.right(true) : refuse('first_appointment_not_board');
  }
  return rule.requireStaff ? refuse('no_staff_register') : E.right(true);
};
