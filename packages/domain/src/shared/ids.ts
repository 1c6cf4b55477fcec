import * as t from 'io-ts';

// Ids are opaque: letters, digits and `_ . : -`, no spaces, so a name cannot be typed in by
// accident where an id belongs. The event log is copied to auditors: it must carry no identity.
const opaque = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
const eventIdShape = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

/** Whether a string has the shape of an opaque id (at most 100 characters). */
export const isOpaqueId = (s: string): boolean => opaque.test(s);

export interface MemberIdBrand { readonly MemberId: unique symbol }
/** A member, opaque. */
export const MemberId = t.brand(t.string,
  (s): s is t.Branded<string, MemberIdBrand> => isOpaqueId(s), 'MemberId');
export type MemberId = t.TypeOf<typeof MemberId>;

export interface AccountIdBrand { readonly AccountId: unique symbol }
/** A share or deposit account. */
export const AccountId = t.brand(t.string,
  (s): s is t.Branded<string, AccountIdBrand> => isOpaqueId(s), 'AccountId');
export type AccountId = t.TypeOf<typeof AccountId>;

export interface LoanIdBrand { readonly LoanId: unique symbol }
/** A loan. */
export const LoanId = t.brand(t.string,
  (s): s is t.Branded<string, LoanIdBrand> => isOpaqueId(s), 'LoanId');
export type LoanId = t.TypeOf<typeof LoanId>;

export interface UserIdBrand { readonly UserId: unique symbol }
/** A user of the system (staff), who acts on commands. */
export const UserId = t.brand(t.string,
  (s): s is t.Branded<string, UserIdBrand> => isOpaqueId(s), 'UserId');
export type UserId = t.TypeOf<typeof UserId>;

export interface CommandIdBrand { readonly CommandId: unique symbol }
/** The caller-chosen id of a command; event ids derive from it. */
export const CommandId = t.brand(t.string,
  (s): s is t.Branded<string, CommandIdBrand> => isOpaqueId(s), 'CommandId');
export type CommandId = t.TypeOf<typeof CommandId>;

export interface EventIdBrand { readonly EventId: unique symbol }
/** An event: `<commandId>.<index>` for events the domain decides (see eventIdFor). */
export const EventId = t.brand(t.string,
  (s): s is t.Branded<string, EventIdBrand> => eventIdShape.test(s), 'EventId');
export type EventId = t.TypeOf<typeof EventId>;

export interface BranchIdBrand { readonly BranchId: unique symbol }
/** A branch of the society (Sonagachi, ...). */
export const BranchId = t.brand(t.string,
  (s): s is t.Branded<string, BranchIdBrand> => isOpaqueId(s), 'BranchId');
export type BranchId = t.TypeOf<typeof BranchId>;

export interface ProductIdBrand { readonly ProductId: unique symbol }
/** A share, deposit or loan product. */
export const ProductId = t.brand(t.string,
  (s): s is t.Branded<string, ProductIdBrand> => isOpaqueId(s), 'ProductId');
export type ProductId = t.TypeOf<typeof ProductId>;

export interface SocietyIdBrand { readonly SocietyId: unique symbol }
/** The society (one per installation, but named so that a test can hold two). */
export const SocietyId = t.brand(t.string,
  (s): s is t.Branded<string, SocietyIdBrand> => isOpaqueId(s), 'SocietyId');
export type SocietyId = t.TypeOf<typeof SocietyId>;

/**
 * The id of the `index`-th event decided for a command: deterministic, so a retried command
 * yields the same ids and is stored once. The application layer uses it for metadata.eventId.
 * @example eventIdFor(commandId, 0) // 'cmd-42.0'
 */
export const eventIdFor = (commandId: CommandId, index: number): EventId => {
  const s = `${commandId}.${index}`;
  // Unreachable: a CommandId has at most 100 characters, an EventId may have 128.
  if (!EventId.is(s)) throw new RangeError(`cannot derive an event id from ${commandId}`);
  return s;
};
