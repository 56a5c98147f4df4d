import { QuoteResponse, type QuoteRequest } from '../../../contracts/digipix/schemas.ts'
import type { DigipixAuth } from './auth.ts'

/** Shipping quotes (scope `quote`). @see https://api.digipix.io/docs#tag/Quote */
export function createQuote(auth: DigipixAuth) {
  return {
    /** Shipping options for items to a CEP; each option's `id` can create an approved order. */
    create: (input: QuoteRequest) =>
      auth.send({ method: 'POST', path: '/v1/quote', json: input, schema: QuoteResponse }),
  }
}
