import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createDigipixClient, parseStatusCallback } from '../../src/clients/digipix/index.ts'
import { AuthenticationError, ContractViolationError, ServerError } from '../../src/core/errors.ts'
import { createRequestCore, parseRetryAfter } from '../../src/core/request.ts'

/** A scripted fetch: each call takes the next response. */
function scripted(responses: Array<() => Response>) {
  const calls: Array<{ url: string; init?: RequestInit }> = []
  const fetch = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init })
    const next = responses.shift()
    if (!next) throw new Error('no more responses')
    return next()
  }) as unknown as typeof globalThis.fetch
  return { fetch, calls }
}
const fakeClock = () => {
  const slept: number[] = []
  return { slept, clock: { now: () => 0, sleep: async (ms: number) => void slept.push(ms) } }
}

describe('request core', () => {
  it('retries 5xx on GET with backoff, then succeeds', async () => {
    const { fetch, calls } = scripted([
      () => new Response('{}', { status: 503 }),
      () => new Response('{}', { status: 502 }),
      () => Response.json({ ok: true }),
    ])
    const { clock, slept } = fakeClock()
    const core = createRequestCore({
      vendor: 'x',
      baseUrl: 'https://x.test',
      fetch,
      clock,
      random: () => 0.5,
      baseDelayMs: 100,
    })
    const { data } = await core.send({ method: 'GET', path: '/a' })
    expect(data).toEqual({ ok: true })
    expect(calls).toHaveLength(3)
    expect(slept).toEqual([100, 200])
  })

  it('honours Retry-After on 429, even for POST; does not retry a POST on 500', async () => {
    const { fetch, calls } = scripted([
      () => new Response('{}', { status: 429, headers: { 'retry-after': '7' } }),
      () => Response.json({ ok: 1 }),
    ])
    const { clock, slept } = fakeClock()
    const core = createRequestCore({ vendor: 'x', baseUrl: 'https://x.test', fetch, clock })
    await core.send({ method: 'POST', path: '/a', json: {} })
    expect(slept).toEqual([7000])
    expect(calls).toHaveLength(2)
    const s2 = scripted([() => Response.json({ error: 'boom' }, { status: 500 })])
    const core2 = createRequestCore({
      vendor: 'x',
      baseUrl: 'https://x.test',
      fetch: s2.fetch,
      clock,
      describeError: (b) => ({ code: (b as { error: string }).error }),
    })
    const err = await core2.send({ method: 'POST', path: '/a', json: {} }).catch((e) => e)
    expect(err).toBeInstanceOf(ServerError)
    expect(err.code).toBe('boom')
    expect(s2.calls).toHaveLength(1)
  })

  it('a 2xx body that breaks the schema is a ContractViolationError with the issues', async () => {
    const { fetch } = scripted([() => Response.json({ id: 5 })])
    const core = createRequestCore({ vendor: 'x', baseUrl: 'https://x.test', fetch })
    const err = await core
      .send({ method: 'GET', path: '/a', schema: z.object({ id: z.string() }) })
      .catch((e) => e)
    expect(err).toBeInstanceOf(ContractViolationError)
    expect(err.issues[0].path).toBe('id')
  })

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3', 0)).toBe(3)
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 0)).toBe(10)
    expect(parseRetryAfter(null, 0)).toBeUndefined()
  })
})

describe('digipix client', () => {
  it('caches the token, and renews it once after a 401', async () => {
    const token = (t: string) => () =>
      Response.json({ access_token: t, token_type: 'Bearer', expires_in: 3600 })
    const product = () =>
      Response.json({
        id: 'p',
        name: 'P',
        internalCode: 1,
        price: 1,
        weight: 1,
        productionTime: 1,
        parts: [],
      })
    const { fetch, calls } = scripted([
      token('t1'),
      product,
      product,
      () => Response.json({ error: 'token_expired', message: 'x' }, { status: 401 }),
      token('t2'),
      product,
    ])
    const client = createDigipixClient({
      baseUrl: 'https://api.digipix.dev',
      clientId: 'a',
      clientSecret: 'b',
      fetch,
    })
    await client.products.get('p')
    await client.products.get('p')
    await client.products.get('p')
    const auths = calls.map(
      (c) => (c.init?.headers as Record<string, string> | undefined)?.authorization,
    )
    expect(auths).toEqual([
      undefined,
      'Bearer t1',
      'Bearer t1',
      'Bearer t1',
      undefined,
      'Bearer t2',
    ])
  })

  it('a bad client secret is an AuthenticationError carrying the OAuth code', async () => {
    const { fetch } = scripted([
      () => Response.json({ error: 'invalid_client', error_description: 'nope' }, { status: 401 }),
      () => Response.json({ error: 'invalid_client' }, { status: 401 }),
    ])
    const client = createDigipixClient({
      baseUrl: 'https://api.digipix.dev',
      clientId: 'a',
      clientSecret: 'b',
      fetch,
    })
    const err = await client.products.list().catch((e) => e)
    expect(err).toBeInstanceOf(AuthenticationError)
    expect(err.code).toBe('invalid_client')
  })

  it('validates status callbacks', () => {
    expect(parseStatusCallback('{"id":"abc123","status":"IN_MANUFACTURING"}')).toEqual({
      id: 'abc123',
      status: 'IN_MANUFACTURING',
    })
    expect(() => parseStatusCallback('{"id":"","status":"X"}')).toThrow(ContractViolationError)
    expect(() => parseStatusCallback('not json')).toThrow(ContractViolationError)
  })
})
