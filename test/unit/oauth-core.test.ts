import { describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { acme } from '../kit/oauth-vendor.ts'

const form = (body: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(body).toString(),
  redirect: 'manual' as const,
})

describe('core OAuth server (vendor-agnostic)', () => {
  it('authorization code: consent page, approve, single-use code bound to its redirect_uri, 3-legged tokens, rotation', async () => {
    const sim = createSim(acme)
    const page = await sim.fetch(
      '/oauth/authorize?response_type=code&client_id=app&redirect_uri=https://app.test/cb2&state=s1',
    )
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    expect(html).toContain('value="approve"')
    expect(html).toContain('action="authorize"')
    const approved = await sim.fetch(
      '/oauth/authorize',
      form({
        client_id: 'app',
        redirect_uri: 'https://app.test/cb2',
        response_type: 'code',
        state: 's1',
        decision: 'approve',
      }),
    )
    expect(approved.status).toBe(302)
    const location = new URL(approved.headers.get('location')!)
    expect(location.href.startsWith('https://app.test/cb2?')).toBe(true)
    const code = location.searchParams.get('code')!
    const wrongUri = await sim.fetch(
      '/oauth/token',
      form({
        grant_type: 'authorization_code',
        code,
        client_id: 'app',
        client_secret: 'shh',
        redirect_uri: 'https://app.test/cb',
      }),
    )
    expect(await wrongUri.json()).toMatchObject({ error: 'invalid_grant' })
    // The mismatch spent the code: codes are single-use whatever the outcome.
    const spent = await sim.fetch(
      '/oauth/token',
      form({
        grant_type: 'authorization_code',
        code,
        client_id: 'app',
        client_secret: 'shh',
        redirect_uri: 'https://app.test/cb2',
      }),
    )
    expect(spent.status).toBe(400)
    const fresh = (
      await (
        await sim.fetch('/_sandbox/oauth/authorize', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"redirect_uri":"https://app.test/cb2"}',
        })
      ).json()
    ).code
    const basic = `Basic ${Buffer.from('app:shh').toString('base64')}`
    const tokens = await (
      await sim.fetch(
        '/oauth/token',
        form(
          { grant_type: 'authorization_code', code: fresh, redirect_uri: 'https://app.test/cb2' },
          { authorization: basic },
        ),
      )
    ).json()
    expect(tokens).toMatchObject({
      token_type: 'Bearer',
      expires_in: 1800,
      refresh_token_expires_in: 86_400,
    })
    expect(
      await (
        await sim.fetch('/me', { headers: { authorization: `Bearer ${tokens.access_token}` } })
      ).json(),
    ).toEqual({ legs: 3, subject: 'user-1' })
    const rotated = await (
      await sim.fetch(
        '/oauth/token',
        form({
          grant_type: 'refresh_token',
          refresh_token: tokens.refresh_token,
          client_id: 'app',
          client_secret: 'shh',
        }),
      )
    ).json()
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token)
    const old = await sim.fetch(
      '/oauth/token',
      form({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: 'app',
        client_secret: 'shh',
      }),
    )
    expect([old.status, (await old.json()).error]).toEqual([400, 'invalid_grant'])
  })

  it('client credentials are 2-legged with no refresh token; lifetimes and auto-approve are tenant settings on the clock', async () => {
    const sim = createSim(acme)
    const two = await (
      await sim.fetch(
        '/oauth/token',
        form({ grant_type: 'client_credentials', client_id: 'app', client_secret: 'shh' }),
      )
    ).json()
    expect(two.refresh_token).toBeUndefined()
    expect(
      await (
        await sim.fetch('/me', { headers: { authorization: `Bearer ${two.access_token}` } })
      ).json(),
    ).toEqual({ legs: 2, subject: null })
    await sim.control.advance(600)
    expect(
      await (
        await sim.fetch('/me', { headers: { authorization: `Bearer ${two.access_token}` } })
      ).json(),
    ).toEqual({ reason: 'expired' })
    await sim.fetch('/_sandbox/oauth', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ autoApprove: true, lifetimes: { clientCredentialsSeconds: 5 } }),
    })
    const auto = await sim.fetch(
      '/oauth/authorize?response_type=code&client_id=app&redirect_uri=https://app.test/cb',
      { redirect: 'manual' },
    )
    expect(auto.status).toBe(302)
    expect(new URL(auto.headers.get('location')!).searchParams.get('code')).toBeTruthy()
    expect(
      (
        await (
          await sim.fetch(
            '/oauth/token',
            form({ grant_type: 'client_credentials', client_id: 'app', client_secret: 'shh' }),
          )
        ).json()
      ).expires_in,
    ).toBe(5)
  })

  it('refuses what RFC 6749 refuses: unknown client or unregistered redirect_uri (a 400 page, never a redirect), JSON bodies, wrong secrets, unknown grants, a bad response_type', async () => {
    const sim = createSim(acme)
    const unknown = await sim.fetch(
      '/oauth/authorize?response_type=code&client_id=nope&redirect_uri=https://app.test/cb',
    )
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('Unknown or invalid client_id')
    const elsewhere = await sim.fetch(
      '/oauth/authorize?response_type=code&client_id=app&redirect_uri=https://evil.test/cb',
      { redirect: 'manual' },
    )
    expect([elsewhere.status, elsewhere.headers.get('location')]).toEqual([400, null])
    const ambiguous = await sim.fetch('/oauth/authorize?response_type=code&client_id=app', {
      redirect: 'manual',
    })
    expect(ambiguous.status).toBe(400)
    const token = await sim.fetch(
      '/oauth/authorize?response_type=token&client_id=app&redirect_uri=https://app.test/cb&state=z',
      { redirect: 'manual' },
    )
    expect(new URL(token.headers.get('location')!).searchParams.get('error')).toBe(
      'unsupported_response_type',
    )
    const json = await sim.fetch('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type":"client_credentials"}',
    })
    expect([json.status, (await json.json()).error]).toEqual([400, 'invalid_request'])
    const secret = await sim.fetch(
      '/oauth/token',
      form({ grant_type: 'client_credentials', client_id: 'app', client_secret: 'nope' }),
    )
    expect([secret.status, (await secret.json()).error]).toEqual([401, 'invalid_client'])
    const grant = await sim.fetch(
      '/oauth/token',
      form({ grant_type: 'password', client_id: 'app', client_secret: 'shh' }),
    )
    expect((await grant.json()).error).toBe('unsupported_grant_type')
    const twice = await sim.fetch('/oauth/token', {
      ...form({}),
      body: 'grant_type=client_credentials&client_id=app&client_id=app&client_secret=shh',
    })
    expect((await twice.json()).error).toBe('invalid_request')
  })
})
