/**
 * What Digit's inputs accept, as plain values: the order statuses `orderCreate` and `orderUpdate`
 * take (and orders report). The simulator loads this file, not the zod contracts of `schemas.ts`
 * (which re-exports it): those are for clients and the contract suite.
 * @see https://api.digit-software.com/docs
 */
export const ORDER_STATUSES = [
  'draft',
  'requested',
  'unfulfilled',
  'partially_fulfilled',
  'fulfilled',
  'cancelled',
  'returned',
  'refunded',
  'closed',
] as const
