import type { z } from 'zod'
import { Item, nodesConnection, Uom } from '../../../contracts/digit/schemas.ts'
import { ITEM, PAGE_INFO, UOM } from './operations.ts'
import type { DigitGraphql } from './transport.ts'

export type DigitItem = z.output<typeof Item>
export interface CostInput {
  costAmount: number
  currencyCode: string
}
/** The seed's minimum: `name` and `defaultStockUomId` (from `uoms`); `clerkOrganizationId` is optional. */
export interface CreateItemInput {
  name: string
  defaultStockUomId: string
  clerkOrganizationId?: string
  sku?: string
  description?: string
  itemTypes?: Array<'sell' | 'buy' | 'make'>
  status?: 'active' | 'inactive' | 'archived'
  trackingMethod?: 'none' | 'serialized' | 'batch'
  defaultSalesPrice?: CostInput
}
export type UpdateItemInput = { itemId: string } & Partial<
  Omit<CreateItemInput, 'clerkOrganizationId'>
>
export interface ListArgs {
  search?: string
  first?: number
  after?: string
}

/** Items and units of measure. @see https://learn.digit-software.com/en/articles/11940553-digit-api-access */
export function createItems(gql: DigitGraphql) {
  const Items = nodesConnection(Item)
  return {
    /** One page: `{ nodes, totalCount, pageInfo }`. */
    list: async (a: ListArgs = {}) =>
      gql.check(
        Items,
        (
          await gql.query(
            `query ($search: String, $connection: ConnectionInput) { items(search: $search, connection: $connection) { totalCount ${PAGE_INFO} nodes { ${ITEM} } } }`,
            { search: a.search, connection: { first: a.first, after: a.after } },
          )
        ).items,
        'items',
      ),
    /** Every item, page after page. */
    all: (o: { search?: string; pageSize?: number } = {}) =>
      gql.paginate<DigitItem>(
        `query ($search: String, $connection: ConnectionInput) { items(search: $search, connection: $connection) { totalCount ${PAGE_INFO} nodes { ${ITEM} } } }`,
        (d) => gql.check(Items, d.items, 'items'),
        { variables: { search: o.search }, pageSize: o.pageSize ?? 100, page: gql.page },
      ),
    get: async (itemId: string) =>
      gql.check(
        Item,
        (await gql.query(`query ($id: ID!) { item(itemId: $id) { ${ITEM} } }`, { id: itemId }))
          .item,
        'item',
      ),
    create: (input: CreateItemInput) =>
      gql.mutate('createItem', 'CreateItemInput', { ...input }, 'item', ITEM, Item),
    update: (input: UpdateItemInput) =>
      gql.mutate('updateItem', 'UpdateItemInput', { ...input }, 'item', ITEM, Item),
    /** Units of measure (every page), optionally by name: `uoms({ search: 'pairs' })`. */
    uoms: async (o: { search?: string } = {}) => {
      const out: Array<z.output<typeof Uom>> = []
      for await (const u of gql.paginate(
        `query ($search: String, $connection: ConnectionInput) { uoms(search: $search, connection: $connection) { totalCount ${PAGE_INFO} nodes { ${UOM} } } }`,
        (d) => gql.check(nodesConnection(Uom), d.uoms, 'uoms'),
        { variables: { search: o.search }, page: gql.page },
      ))
        out.push(u)
      return out
    },
  }
}
