import type { Resolver } from '../core/graphql/index.ts'
import { need } from './auth.ts'
import {
  checkOrganization,
  optionalText,
  page,
  searchRows,
  text,
  type DigitCtx,
} from './context.ts'
import { badInput } from './errors.ts'
import type { CompanyRow, LocationRow } from './rows.ts'

type R = Resolver<DigitCtx>

interface AddressInput {
  title?: string | null
  addressLineOne: string
  addressLineTwo?: string | null
  city: string
  state?: string | null
  zip: string
  country: string
}

/** A company of the calling account; `field` names the input that pointed at it. */
export function companyOf(ctx: DigitCtx, id: string, field: string): CompanyRow {
  const row = ctx.state.companies.get(id)
  if (!row || row.account !== ctx.account.key)
    throw badInput(field, `no company with id "${id}" in this organization`)
  return row
}

/** A location of `company`; `field` names the input that pointed at it. */
export function locationOf(ctx: DigitCtx, company: CompanyRow, id: string, field: string) {
  const row = ctx.state.locations.get(id)
  if (!row || row.account !== ctx.account.key)
    throw badInput(field, `no address with id "${id}" in this organization`)
  if (row.companyId !== company.id)
    throw badInput(field, `address "${id}" is not a location of company "${company.id}"`)
  return row
}

/** A location row from an address input, checked whole before anything is stored. */
function locationRow(
  ctx: DigitCtx,
  companyId: string,
  field: string,
  a: AddressInput,
  flags: { isShippingDefault: boolean; isBillingDefault: boolean },
): LocationRow {
  return {
    id: ctx.tenant.ids.uuidv7(ctx.now),
    account: ctx.account.key,
    companyId,
    title: optionalText(`${field}title`, a.title),
    addressLineOne: text(`${field}addressLineOne`, a.addressLineOne),
    addressLineTwo: optionalText(`${field}addressLineTwo`, a.addressLineTwo),
    city: text(`${field}city`, a.city, 100),
    state: optionalText(`${field}state`, a.state, 100),
    zip: text(`${field}zip`, a.zip, 20),
    country: text(`${field}country`, a.country, 60),
    ...flags,
    createdAt: ctx.now,
  }
}

export const companyQueries: Record<string, R> = {
  companies: (_s, args, ctx) => {
    need(ctx, 'READ_COMPANY')
    const rows = ctx.state.companies.lookup('account', ctx.account.key)
    return page(
      searchRows(rows, args.search, (r) => [r.name]),
      args.connection,
    )
  },
}

export const companyMutations: Record<string, R> = {
  createCompany: async (_s, { input }, ctx) => {
    need(ctx, 'CREATE_COMPANY')
    checkOrganization(ctx, input.clerkOrganizationId)
    const company: CompanyRow = {
      id: ctx.tenant.ids.uuidv7(ctx.now),
      account: ctx.account.key,
      name: text('name', input.name),
      type: input.type?.length ? [...new Set(input.type as CompanyRow['type'])] : ['customer'],
      kind: input.kind ?? 'company',
      createdAt: ctx.now,
    }
    const both = input.useBillingAsShipping === true
    if (both && input.shippingAddress)
      throw badInput('shippingAddress', 'leave it out when useBillingAsShipping is true')
    const locations: LocationRow[] = []
    if (input.billingAddress)
      locations.push(
        locationRow(ctx, company.id, 'billingAddress.', input.billingAddress, {
          isBillingDefault: true,
          isShippingDefault: both,
        }),
      )
    else if (both) throw badInput('billingAddress', 'is required when useBillingAsShipping is true')
    if (input.shippingAddress)
      locations.push(
        locationRow(ctx, company.id, 'shippingAddress.', input.shippingAddress, {
          isBillingDefault: false,
          isShippingDefault: true,
        }),
      )
    await ctx.state.companies.insert(company)
    for (const l of locations) await ctx.state.locations.insert(l)
    return { company }
  },
  createCompanyLocation: async (_s, { input }, ctx) => {
    need(ctx, 'CREATE_COMPANY')
    const company = companyOf(ctx, input.companyId, 'companyId')
    const row = locationRow(ctx, company.id, '', input, {
      isShippingDefault: input.isShippingDefault === true,
      isBillingDefault: input.isBillingDefault === true,
    })
    const address = await ctx.state.locations.insert(row)
    // One default of each kind per company: the new default takes over.
    for (const other of [...ctx.state.locations.lookup('company', company.id)]) {
      if (other.id === row.id) continue
      const shipping = row.isShippingDefault && other.isShippingDefault
      const billing = row.isBillingDefault && other.isBillingDefault
      if (shipping || billing)
        await ctx.state.locations.update(other.id, (d) => {
          if (shipping) d.isShippingDefault = false
          if (billing) d.isBillingDefault = false
        })
    }
    return { address }
  },
}

export const companyFields: Record<string, Record<string, R>> = {
  Company: {
    name: (row: CompanyRow, _a, ctx) => {
      need(ctx, 'READ_COMPANY')
      return row.name
    },
    locations: (row: CompanyRow, _a, ctx) => ctx.state.locations.lookup('company', row.id),
  },
}
