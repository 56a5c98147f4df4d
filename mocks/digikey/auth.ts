import { LANGUAGES, SITE_CURRENCIES } from '../../fixtures/digikey/catalog.ts'
import { DIGIKEY_HOSTS } from '../../contracts/digikey/hosts.ts'
import {
  authorityOf,
  DAY,
  MINUTE,
  SimError,
  type OAuthServerConfig,
  type SimContext,
  type TokenRecord,
  type WindowLimit,
  requestHeader,
} from '../core/index.ts'
import { PRODUCTS } from './apis.ts'
import type { Account, ApiProduct, DigiKeyCredentials, DigiKeyState } from './store.ts'

type Ctx = SimContext<DigiKeyState, DigiKeyCredentials>

/** Which DigiKey environment a request addresses: `api.digikey.com` is production; the sandbox host and every local address are the sandbox. */
export function environmentOf(c: Ctx): 'production' | 'sandbox' {
  return (DIGIKEY_HOSTS.production as readonly string[]).includes(authorityOf(c.req.url))
    ? 'production'
    : 'sandbox'
}

/** DigiKey's authorization server: `/v1/oauth2/authorize` and `/v1/oauth2/token` on both hosts. */
export const DIGIKEY_OAUTH: OAuthServerConfig<DigiKeyState, DigiKeyCredentials> = {
  authorizePath: '/v1/oauth2/authorize',
  tokenPath: '/v1/oauth2/token',
  serviceName: 'DigiKey',
  registry: (t) => t.state.oauth,
  environmentOf,
  user: (t) => ({
    subject: t.state.user.subject,
    displayName: `${t.state.user.FirstName} ${t.state.user.LastName} (${t.state.user.CompanyName}, customer ${t.state.customerId})`,
    meta: { customerId: t.state.customerId },
  }),
  grants: ['client_credentials', 'authorization_code', 'refresh_token'],
  tokenLength: 28,
  selfCallback: true,
}

export const fail = (
  status: number,
  message: string,
  details: string,
  headers?: Record<string, string>,
) => new SimError(status, String(status), message, { extra: { errorDetails: details }, headers })

const httpDate = (ms: number) => new Date(ms).toUTCString()

/** Count the request against the client's per-minute and per-day windows for this product. */
function takeQuota(c: Ctx, clientId: string, product: ApiProduct) {
  const { state, clock } = c.get('tenant')
  const limits = state.settings.rateLimits
  if (!limits.enabled) return
  const limit = limits[product]
  const windows: WindowLimit[] = [{ name: 'burst', limit: limit.perMinute, windowMs: MINUTE }]
  if (limit.perDay !== null) windows.push({ name: 'daily', limit: limit.perDay, windowMs: DAY })
  const now = clock.now()
  const r = state.windows.take(`${clientId}|${product}`, windows, now)
  // X-RateLimit-* report the daily allowance; Ordering has none, so its per-minute one [proposal].
  const daily = r.windows.find((w) => w.name === 'daily') ?? r.windows[0]!
  const headers = {
    'X-RateLimit-Limit': String(daily.limit),
    'X-RateLimit-Remaining': String(daily.remaining),
  }
  // Every answer to this request carries them, whatever it turns out to be.
  c.set('responseHeaders', { ...c.get('responseHeaders'), ...headers })
  if (r.ok) return
  const retryAfter = String(Math.max(1, Math.ceil((r.breached.resetAt - now) / 1000)))
  if (r.breached.name === 'burst') {
    throw new SimError(429, '429', 'BurstLimit exceeded', {
      extra: {
        errorDetails: 'Please try again after the number of seconds in the Retry-After header',
        gateway: true,
      },
      headers: {
        ...headers,
        'Retry-After': retryAfter,
        'X-BurstLimit-Limit': String(r.breached.limit),
        'X-BurstLimit-Remaining': '0',
        'X-BurstLimit-Reset': retryAfter,
        'X-BurstLimit-ResetTime': httpDate(r.breached.resetAt),
      },
    })
  }
  throw new SimError(429, '429', 'Daily Ratelimit exceeded', {
    extra: {
      errorDetails: 'Please try again after the number of seconds in the Retry-After header',
      gateway: true,
    },
    headers: {
      ...headers,
      'X-RateLimit-Remaining': '0',
      'Retry-After': retryAfter,
      'X-RateLimit-Reset': retryAfter,
      'X-RateLimit-ResetTime': httpDate(r.breached.resetAt),
    },
  })
}

export interface Caller {
  token: TokenRecord
  /** The account the call acts on (the header's, else the user's primary account). */
  account: Account
  /** Whether `X-DIGIKEY-Account-ID` named the account (a user then sees that account's orders only). */
  accountNamed: boolean
  environment: 'production' | 'sandbox'
  locale: { site: string; language: string; currency: string }
}

/**
 * DigiKey's checks, in the documented order: `X-DIGIKEY-Client-Id` (known, this
 * environment's, subscribed to the product) → rate limit → bearer token (present,
 * known, this client's) → expiry → legged-ness (3-legged only APIs answer 403 to
 * a 2-legged token) → `X-DIGIKEY-Account-ID` (required with 2-legged tokens).
 * @see https://developer.digikey.com/documentation/shared-concepts
 */
export function guard(c: Ctx, product: ApiProduct): Caller {
  const tenant = c.get('tenant')
  const { state } = tenant
  const env = environmentOf(c)
  const clientId = requestHeader(c, 'x-digikey-client-id')
  const client = clientId ? state.oauth.clients.find((x) => x.clientId === clientId) : undefined
  if (!client || !clientId)
    throw fail(401, 'Invalid Client-Id', 'X-DIGIKEY-Client-Id invalid for requested resource')
  if (client.environment !== env)
    throw fail(401, 'Invalid clientId', 'clientId invalid for requested resource')
  if (!state.settings.subscriptions.includes(product))
    throw fail(401, 'Invalid Client-Id', 'X-DIGIKEY-Client-Id invalid for requested resource')
  takeQuota(c, clientId, product)

  const token = c.get('credential')
  const verified = token ? tenant.auth.verify(token, 'access') : undefined
  if (
    !verified ||
    (!verified.ok && verified.reason !== 'expired') ||
    (verified.ok && (verified.record.clientId !== clientId || verified.record.environment !== env))
  ) {
    throw fail(
      401,
      'The Bearer token is invalid',
      'Please supply a valid Bearer token in the Authorization header: "Bearer <access_token>" from /v1/oauth2/token',
    )
  }
  if (!verified.ok)
    throw fail(
      401,
      'Bearer token is expired',
      'Please use your refresh token to obtain a new Bearer token, or acquire a new set of tokens from the OAuth endpoint.',
    )
  const record = verified.record
  if (PRODUCTS[product].legs === 'three' && record.legs === 2) {
    throw fail(
      403,
      'Forbidden',
      `The ${PRODUCTS[product].title} API requires a 3-legged (authorization code) token; a 2-legged (client credentials) token cannot use it.`,
    )
  }

  const header = requestHeader(c, 'x-digikey-account-id')
  let account: Account | undefined
  const accountNamed = !(header === undefined || header.trim() === '' || header.trim() === '0')
  if (!accountNamed) {
    if (record.legs === 2)
      throw fail(400, 'Account ID must not be 0', 'Send X-DIGIKEY-Account-ID with 2-legged tokens.')
    account = state.accounts[0]!
  } else {
    const id = Number(header.trim())
    if (!Number.isSafeInteger(id) || id < 0)
      throw fail(
        400,
        'Invalid Account ID',
        `X-DIGIKEY-Account-ID must be a number, not "${header}".`,
      )
    account = state.accounts.find((a) => a.id === id)
    if (!account)
      throw fail(
        403,
        'Forbidden',
        `Account ${id} is not available to this ${record.legs === 2 ? 'client' : 'user'}.`,
      )
  }
  return { token: record, account, accountNamed, environment: env, locale: localeOf(c) }
}

/** Locale headers; invalid or missing values fall back to the defaults, as DigiKey documents. */
export function localeOf(c: Ctx) {
  const siteHeader = requestHeader(c, 'x-digikey-locale-site')?.toUpperCase()
  const site = siteHeader && SITE_CURRENCIES[siteHeader] ? siteHeader : 'US'
  const langHeader = requestHeader(c, 'x-digikey-locale-language')?.toLowerCase()
  const language =
    langHeader && (LANGUAGES as readonly string[]).includes(langHeader) ? langHeader : 'en'
  const curHeader = requestHeader(c, 'x-digikey-locale-currency')?.toUpperCase()
  const accepted = SITE_CURRENCIES[site]!
  const currency = curHeader && accepted.includes(curHeader) ? curHeader : accepted[0]!
  return { site, language, currency }
}

/** An unknown client id with a token nobody issued: the gateway's first check fails. */
export const unknownCredential = () =>
  fail(401, 'Invalid Client-Id', 'X-DIGIKEY-Client-Id invalid for requested resource')
