import * as t from 'io-ts';

/** What a repayment pays, component by component. */
export type Component = 'penalties' | 'fees' | 'interest' | 'principal';
const components: ReadonlyArray<Component> = ['penalties', 'fees', 'interest', 'principal'];

/** The order a repayment pays the components due; each of the four exactly once. */
export type AllocationOrder = readonly [Component, Component, Component, Component];

/** Named orders. */
export const allocationOrders = {
  /** The co-operative's default (and Fineract's): penalties, fees, interest, principal. */
  standard: ['penalties', 'fees', 'interest', 'principal'],
  /** All overdue interest before any principal; penalties and fees last. */
  interestFirst: ['interest', 'principal', 'penalties', 'fees'],
} as const satisfies Record<string, AllocationOrder>;

const isComponent = (u: unknown): u is Component => components.some((c) => c === u);
const isOrder = (u: unknown): u is AllocationOrder =>
  Array.isArray(u) && u.length === 4 && u.every(isComponent) && new Set(u).size === 4;

/** The codec of an allocation order: a permutation of the four components. */
export const AllocationOrderCodec = new t.Type<AllocationOrder, ReadonlyArray<string>, unknown>(
  'AllocationOrder',
  isOrder,
  (u, c) => isOrder(u) ? t.success(u)
    : t.failure(u, c, 'expected each of penalties, fees, interest, principal exactly once'),
  t.identity,
);
