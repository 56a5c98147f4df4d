import type { z } from 'zod'
import { Address, Company, nodesConnection } from '../../../contracts/digit/schemas.ts'
import type { ListArgs } from './items.ts'
import { ADDRESS, COMPANY, PAGE_INFO } from './operations.ts'
import type { DigitGraphql } from './transport.ts'

export type DigitCompany = z.output<typeof Company>
export interface AddressInput {
  title?: string
  addressLineOne: string
  addressLineTwo?: string
  city: string
  state?: string
  zip: string
  country: string
}
export interface CreateCompanyInput {
  name: string
  clerkOrganizationId?: string
  type?: Array<'customer' | 'vendor'>
  kind?: 'company' | 'individual'
  billingAddress?: AddressInput
  shippingAddress?: AddressInput
  useBillingAsShipping?: boolean
}
export interface CreateCompanyLocationInput extends AddressInput {
  companyId: string
  isShippingDefault?: boolean
  isBillingDefault?: boolean
}

/** Companies (customers and vendors) and their locations. */
export function createCompanies(gql: DigitGraphql) {
  const Companies = nodesConnection(Company)
  return {
    list: async (a: ListArgs = {}) =>
      gql.check(
        Companies,
        (
          await gql.query(
            `query ($search: String, $connection: ConnectionInput) { companies(search: $search, connection: $connection) { totalCount ${PAGE_INFO} nodes { ${COMPANY} } } }`,
            { search: a.search, connection: { first: a.first, after: a.after } },
          )
        ).companies,
        'companies',
      ),
    all: (o: { search?: string; pageSize?: number } = {}) =>
      gql.paginate<DigitCompany>(
        `query ($search: String, $connection: ConnectionInput) { companies(search: $search, connection: $connection) { totalCount ${PAGE_INFO} nodes { ${COMPANY} } } }`,
        (d) => gql.check(Companies, d.companies, 'companies'),
        { variables: { search: o.search }, pageSize: o.pageSize ?? 100, page: gql.page },
      ),
    create: (input: CreateCompanyInput) =>
      gql.mutate('createCompany', 'CreateCompanyInput', { ...input }, 'company', COMPANY, Company),
    /** Add an address to a company: `{ address }`. */
    createLocation: (input: CreateCompanyLocationInput) =>
      gql.mutate(
        'createCompanyLocation',
        'CreateCompanyLocationInput',
        { ...input },
        'address',
        ADDRESS,
        Address,
      ),
  }
}
