import type { z } from 'zod'
import {
  AuthenticationError,
  checkContract,
  createGraphqlTransport,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  VendorError,
  type GraphqlError,
  type RequestCore,
} from '../../core/index.ts'

const CLASSES: Record<string, typeof VendorError> = {
  UNAUTHENTICATED: AuthenticationError,
  FORBIDDEN: PermissionError,
  NOT_FOUND: NotFoundError,
  BAD_USER_INPUT: InvalidRequestError,
  GRAPHQL_VALIDATION_FAILED: InvalidRequestError,
  GRAPHQL_PARSE_FAILED: InvalidRequestError,
  OPERATION_RESOLUTION_FAILURE: InvalidRequestError,
  QUERY_TOO_DEEP: InvalidRequestError,
  QUERY_TOO_EXPENSIVE: InvalidRequestError,
  RATE_LIMITED: RateLimitError,
}

/**
 * A Digit answer carrying `errors`: the class follows the first error's `extensions.code`
 * (FORBIDDEN → PermissionError naming the missing permission, NOT_FOUND → NotFoundError,
 * BAD_USER_INPUT and validation → InvalidRequestError); every error stays on `.errors`.
 */
export function digitError(errors: GraphqlError[], body: unknown, status: number): VendorError {
  const first = errors[0]!
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : undefined
  const Cls = (code && CLASSES[code]) || (status === 400 ? InvalidRequestError : VendorError)
  const where = first.path?.length ? `${first.path.join('.')}: ` : ''
  return new Cls({
    message: `digit: ${where}${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
    status,
    vendor: 'digit',
    code,
    body,
    errors,
  })
}

/**
 * Digit's GraphQL over the core transport: the `da_` token on every request, 429 waited out
 * for `Retry-After` on the injected clock (by the request core), typed errors, and `mutate`,
 * the shape every mutation shares (`<name>(input: $input) { <entity> { … } }`).
 */
export function createDigitGraphql(
  core: RequestCore,
  o: { token: string; path?: string; validate?: boolean },
) {
  const gql = createGraphqlTransport({
    core,
    path: o.path ?? '/graphql',
    authorize: async () => ({ authorization: `Bearer ${o.token}` }),
    toError: digitError,
  })
  const check = <S extends z.ZodType>(schema: S, value: unknown, where: string) =>
    checkContract('digit', schema, value, where, o.validate !== false)
  const mutate = async <S extends z.ZodType>(
    name: string,
    inputType: string,
    input: Record<string, unknown>,
    pick: string,
    selection: string,
    schema: S,
  ): Promise<z.output<S>> => {
    const data = await gql.query(
      `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${pick} { ${selection} } } }`,
      { input },
    )
    return check(schema, data[name]?.[pick], name)
  }
  /** `{ connection: { first, after } }`: the paging variables of every Digit list. */
  const page = (first: number, after: string | null) => ({ connection: { first, after } })
  return { ...gql, check, mutate, page }
}
export type DigitGraphql = ReturnType<typeof createDigitGraphql>
