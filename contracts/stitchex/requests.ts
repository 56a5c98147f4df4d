/**
 * What Stitchex's inputs accept, as plain values: the resources that send webhooks and the
 * `<resource>_<action>` events a subscription names. The simulator loads this file, not the zod
 * contracts of `schemas.ts` (which re-exports it): those are for clients and the contract suite.
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
export const WEBHOOK_RESOURCES = [
  'pick_ticket',
  'receiving_ticket',
  'product',
  'invoice',
  'credit_note',
] as const
export const WEBHOOK_EVENTS = WEBHOOK_RESOURCES.flatMap((r) =>
  (['create', 'update', 'delete'] as const).map((a) => `${r}_${a}`),
)
