import { DIGIT_PERMISSIONS } from '../../contracts/digit/permissions.ts'
import type { Resolver } from '../core/graphql/index.ts'
import { need } from './auth.ts'
import { page, searchRows, type DigitCtx } from './context.ts'
import { CURRENCIES } from '../../fixtures/digit/catalog.ts'

type R = Resolver<DigitCtx>

const permissionView = (p: (typeof DIGIT_PERMISSIONS)[number]) => ({
  key: p.key,
  value: p.value,
  description: p.description,
})

/**
 * The calling account: its organization, the user behind the token, the token's permissions,
 * every permission that exists, and Digit's units of measure (the same list in every account).
 */
export const accountQueries: Record<string, R> = {
  organization: (_s, _a, ctx) => ({
    id: ctx.account.organizationId,
    name: ctx.account.name,
    defaultCurrency: { code: ctx.account.currency, symbol: CURRENCIES[ctx.account.currency] },
  }),
  currentUser: (_s, _a, ctx) => ctx.account.user,
  currentPermissions: (_s, _a, ctx) =>
    DIGIT_PERMISSIONS.filter((p) => ctx.permissions.has(p.key)).map(permissionView),
  apiPermissions: () => DIGIT_PERMISSIONS.map(permissionView),
  uoms: (_s, args, ctx) => {
    need(ctx, 'READ_ITEM')
    return page(
      searchRows(ctx.state.uoms, args.search, (u) => [u.name, u.symbol]),
      args.connection,
    )
  },
}
