import type { Resolver } from '../core/graphql/index.ts'
import { need } from './auth.ts'
import {
  checkOrganization,
  cost,
  costInput,
  optionalText,
  page,
  searchRows,
  text,
  type DigitCtx,
} from './context.ts'
import { badInput, noResult } from './errors.ts'
import type { ItemRow } from './rows.ts'

type R = Resolver<DigitCtx>

/** An item of the calling account, or "No result found". */
export function itemOf(ctx: DigitCtx, id: string): ItemRow {
  const row = ctx.state.items.get(id)
  if (!row || row.account !== ctx.account.key) throw noResult()
  return row
}

const checkUom = (ctx: DigitCtx, field: string, id: string) => {
  if (!ctx.state.uoms.some((u) => u.id === id))
    throw badInput(field, `no unit of measure has id "${id}" (list them with the uoms query)`)
  return id
}

/** A SKU is unique within an account (case-insensitive) [proposal]. */
const checkSku = (ctx: DigitCtx, sku: string | null, self?: string) => {
  if (sku === null) return null
  const taken = ctx.state.items.lookup('sku', `${ctx.account.key}|${sku.toLowerCase()}`)
  if (taken.some((r) => r.id !== self))
    throw badInput('sku', `an item with SKU "${sku}" already exists`)
  return sku
}

const unique = <T>(values: readonly T[] | null | undefined) =>
  values == null ? undefined : [...new Set(values)]

export const itemQueries: Record<string, R> = {
  items: (_s, args, ctx) => {
    need(ctx, 'READ_ITEM')
    const rows = ctx.state.items.lookup('account', ctx.account.key)
    return page(
      searchRows(rows, args.search, (r) => [r.name, r.sku]),
      args.connection,
    )
  },
  item: (_s, args, ctx) => {
    need(ctx, 'READ_ITEM')
    return itemOf(ctx, args.itemId)
  },
}

export const itemMutations: Record<string, R> = {
  /** @see https://learn.digit-software.com/en/articles/11940553-digit-api-access (the seed's sample) */
  createItem: async (_s, { input }, ctx) => {
    need(ctx, 'CREATE_ITEM')
    checkOrganization(ctx, input.clerkOrganizationId)
    const row: ItemRow = {
      id: ctx.tenant.ids.uuidv7(ctx.now),
      account: ctx.account.key,
      name: text('name', input.name),
      sku: checkSku(ctx, optionalText('sku', input.sku, 100)),
      description: optionalText('description', input.description, 5000),
      itemTypes: unique(input.itemTypes) ?? ['sell'],
      status: input.status ?? 'active',
      trackingMethod: input.trackingMethod ?? 'none',
      uomId: checkUom(ctx, 'defaultStockUomId', input.defaultStockUomId),
      price: input.defaultSalesPrice
        ? costInput('defaultSalesPrice', input.defaultSalesPrice)
        : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
    return { item: await ctx.state.items.insert(row) }
  },
  updateItem: async (_s, { input }, ctx) => {
    need(ctx, 'UPDATE_ITEM')
    const before = itemOf(ctx, input.itemId)
    const patch: Partial<ItemRow> = { updatedAt: ctx.now }
    if (input.name != null) patch.name = text('name', input.name)
    if (input.sku !== undefined)
      patch.sku = checkSku(ctx, optionalText('sku', input.sku, 100), before.id)
    if (input.description !== undefined)
      patch.description = optionalText('description', input.description, 5000)
    if (input.itemTypes != null) patch.itemTypes = unique(input.itemTypes)
    if (input.status != null) patch.status = input.status
    if (input.trackingMethod != null) patch.trackingMethod = input.trackingMethod
    if (input.defaultStockUomId != null)
      patch.uomId = checkUom(ctx, 'defaultStockUomId', input.defaultStockUomId)
    if (input.defaultSalesPrice !== undefined)
      patch.price = input.defaultSalesPrice
        ? costInput('defaultSalesPrice', input.defaultSalesPrice)
        : null
    return { item: await ctx.state.items.update(before.id, (d) => Object.assign(d, patch)) }
  },
}

export const itemFields: Record<string, Record<string, R>> = {
  Item: {
    defaultStockUom: (row: ItemRow, _a, ctx) => ctx.state.uoms.find((u) => u.id === row.uomId),
    defaultSalesPrice: (row: ItemRow) =>
      row.price ? cost(row.price.amount, row.price.currency) : null,
  },
}
