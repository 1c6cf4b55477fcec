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

// What a caller may choose as an id in a command, stricter than what a log holds (above): old
// logs written with looser ids keep opening, and new commands cannot bring a name or a phone
// number into the log. docs/concepts/membership.md states the shapes.
const uuid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// A prefix of one to three groups of at most six letters, and a number of at most 8 digits:
// `M-0001`, `M1`, `SAV-12`, `SB-M-0001`. A 10-digit phone number is not one, nor a full name.
const numbered = /^[A-Za-z]{1,6}(?:-[A-Za-z]{1,6}){0,2}-?[0-9]{1,8}$/;
// A code the society sets up (a branch, a product, a staff login): letters in up to three
// groups, a number optional: `SONAGACHI`, `SB`, `clerk-1`. No spaces, no long digit runs.
const code = /^[A-Za-z]{1,12}(?:-[A-Za-z]{1,12}){0,2}(?:-?[0-9]{1,8})?$/;

/** The shape of a member, account or loan id in a command: `M-0001`, `SAV-12` or a UUID. */
export const numberedIdShape = 'letters (up to three groups of 6) and a number of at most 8 '
  + 'digits, e.g. M-0001, or a UUID';
/** The shape of a branch, product or user id in a command: `SONAGACHI`, `clerk-1`, a UUID. */
export const codeIdShape = 'letters (up to three groups of 12), then optionally a number of '
  + 'at most 8 digits, e.g. SONAGACHI or clerk-1, or a UUID';
/** Whether `s` has the shape of a member, account or loan id a command may carry. */
export const isNumberedId = (s: string): boolean => numbered.test(s) || uuid.test(s);
/** Whether `s` has the shape of a branch, product or user id a command may carry. */
export const isCodeId = (s: string): boolean => code.test(s) || uuid.test(s);

// A command's codec of an id: the stored codec's type, refusing values not of `shape`. The
// refused value is withheld from the error (it may be a name or a phone number, and errors
// are logged); its length is told instead.
const commandId = <A>(
  stored: t.Type<A, string, unknown>, shape: (s: string) => boolean, described: string,
): t.Type<A, string, unknown> => new t.Type<A, string, unknown>(
  stored.name,
  (u): u is A => typeof u === 'string' && shape(u) && stored.is(u),
  (u, c) => typeof u === 'string' && shape(u) ? stored.validate(u, c)
    : t.failure(typeof u === 'string' ? `(withheld: ${u.length} characters)` : u, c,
      `not an id of the shape: ${described}`),
  stored.encode,
);

/** A member id as a command may carry it (see numberedIdShape). */
export const MemberIdInput = commandId(MemberId, isNumberedId, numberedIdShape);
/** A share or deposit account id as a command may carry it (see numberedIdShape). */
export const AccountIdInput = commandId(AccountId, isNumberedId, numberedIdShape);
/** A loan id as a command may carry it (see numberedIdShape). */
export const LoanIdInput = commandId(LoanId, isNumberedId, numberedIdShape);
/** A branch id as a command may carry it (see codeIdShape). */
export const BranchIdInput = commandId(BranchId, isCodeId, codeIdShape);
/** A product id as a command may carry it (see codeIdShape). */
export const ProductIdInput = commandId(ProductId, isCodeId, codeIdShape);
/** A user (actor) id as a command may carry it (see codeIdShape). */
export const UserIdInput = commandId(UserId, isCodeId, codeIdShape);

/**
 * The member id numbered `n` (1 to 99,999,999), zero-padded to four digits: pure, so the
 * application keeps the counter. Opaque: it says nothing about who she is.
 * @example memberIdFor(42) // 'M-0042'
 */
export const memberIdFor = (n: number): MemberId => {
  const s = `M-${String(n).padStart(4, '0')}`;
  if (!Number.isSafeInteger(n) || n < 1 || n > 99_999_999 || !MemberIdInput.is(s)) {
    throw new RangeError(`a member number is a whole number from 1 to 99999999, not ${n}`);
  }
  return s;
};

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
