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
import type { ShipHeroAuth } from './auth.ts'

/** An error object as ShipHero answers it: `message`, `code`, `operation`, `field`, `request_id` at the top level. */
export interface ShipHeroErrorObject extends GraphqlError {
  code?: number
  operation?: string
  field?: string
  request_id?: string
}

/** A GraphQL answer carrying `errors`: the class follows ShipHero's code (5 → NotFoundError, 30 → RateLimitError, ...). */
export function shipHeroError(
  errors: ShipHeroErrorObject[],
  body: unknown,
  status: number,
): VendorError {
  const first = errors[0]!
  const Cls =
    first.code === 5
      ? NotFoundError
      : first.code === 3
        ? InvalidRequestError
        : first.code === 7
          ? PermissionError
          : first.code === 16
            ? AuthenticationError
            : first.code === 30
              ? RateLimitError
              : status === 400
                ? InvalidRequestError
                : VendorError
  const retryAfter =
    first.code === 30 && typeof first.time_remaining === 'string'
      ? Number.parseInt(first.time_remaining, 10)
      : undefined
  return new Cls({
    message: `shiphero: ${first.operation ? `${first.operation}: ` : ''}${first.message}`,
    status,
    vendor: 'shiphero',
    code: first.code !== undefined ? String(first.code) : undefined,
    body,
    requestId: first.request_id,
    retryAfter,
  })
}

/**
 * ShipHero's GraphQL over the core transport: the bearer token (refreshed once on a
 * 401), waits for credits (`code: 30` → `time_remaining`) on the injected clock, and
 * `mutate`, the shape every mutation shares (`{ request_id complexity <entity> }`).
 */
export function createShipHeroGraphql(
  core: RequestCore,
  auth: ShipHeroAuth,
  o: { maxCreditWaits?: number; maxCreditWaitSeconds?: number; validate?: boolean },
) {
  const gql = createGraphqlTransport({
    core,
    path: '/graphql',
    authorize: async () => ({ authorization: `Bearer ${await auth.token()}` }),
    reauthorize: () => auth.invalidate(),
    waitFor(body, waits) {
      const credits = (body.errors as ShipHeroErrorObject[] | undefined)?.find(
        (e) => e.code === 30 && typeof e.time_remaining === 'string',
      )
      if (!credits || waits >= (o.maxCreditWaits ?? 3)) return undefined
      const seconds = Number.parseInt(credits.time_remaining as string, 10)
      return Number.isFinite(seconds) && seconds <= (o.maxCreditWaitSeconds ?? 120)
        ? seconds * 1000
        : undefined
    },
    toError: (errors, body, status) => shipHeroError(errors as ShipHeroErrorObject[], body, status),
  })
  const check = <S extends z.ZodType>(schema: S, value: unknown, where: string) =>
    checkContract('shiphero', schema, value, where, o.validate !== false)
  const mutate = async <S extends z.ZodType>(
    name: string,
    inputType: string,
    data: Record<string, unknown>,
    selection: string,
    pick: string,
    schema: S,
  ): Promise<z.output<S>> => {
    const result = await gql.query(
      `mutation ($data: ${inputType}!) { ${name}(data: $data) { request_id complexity ${selection} } }`,
      { data },
    )
    return check(schema, result[name]?.[pick], name)
  }
  return { ...gql, check, mutate }
}
export type ShipHeroGraphql = ReturnType<typeof createShipHeroGraphql>
