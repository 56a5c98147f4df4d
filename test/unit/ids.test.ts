import { describe, expect, it } from 'vitest'
import { base64, createIdFactory, createRng } from '../../mocks/core/ids.ts'
import { signHs256, verifyHs256 } from '../../mocks/core/jwt.ts'
import { redact } from '../../mocks/core/redact.ts'

describe('seeded ids', () => {
  it('the same seed gives the same sequence; another seed another one', () => {
    const a = createIdFactory(createRng('s1'))
    const b = createIdFactory(createRng('s1'))
    const c = createIdFactory(createRng('s2'))
    const seqA = [a.autoId(), a.uuid(), a.hex(24)]
    expect([b.autoId(), b.uuid(), b.hex(24)]).toEqual(seqA)
    expect(c.autoId()).not.toBe(seqA[0])
  })
  it('forks are independent of how much the parent was used', () => {
    const r1 = createRng('x')
    const r2 = createRng('x')
    r2.next()
    r2.next()
    expect(r1.fork('ids').string(10, 'ab')).toBe(r2.fork('ids').string(10, 'ab'))
  })
  it('formats: 20-char base62, RFC 4122 v4 uuid', () => {
    const ids = createIdFactory(createRng(1))
    expect(ids.autoId()).toMatch(/^[0-9A-Za-z]{20}$/)
    expect(ids.uuid()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    const rng = createRng(2)
    for (let i = 0; i < 1000; i++) {
      const n = rng.int(3, 5)
      expect(n >= 3 && n <= 5).toBe(true)
    }
  })
})

describe('jwt', () => {
  it('signs and verifies HS256; a tampered token fails', () => {
    const t = signHs256({ aud: 'Festcolor', iat: 1, exp: 3601 }, 'k')
    expect(verifyHs256(t, 'k')).toEqual({ aud: 'Festcolor', iat: 1, exp: 3601 })
    expect(verifyHs256(t, 'other')).toBeUndefined()
    expect(verifyHs256(`${t.slice(0, -2)}xx`, 'k')).toBeUndefined()
    expect(verifyHs256('nope', 'k')).toBeUndefined()
  })
})

describe('redact', () => {
  it('masks secrets at any depth and leaves the rest', () => {
    expect(
      redact({
        client_id: 'a',
        client_secret: 's',
        nested: [{ access_token: 't', ok: 1 }],
        headers: { Authorization: 'Bearer x' },
      }),
    ).toEqual({
      client_id: 'a',
      client_secret: '[redacted]',
      nested: [{ access_token: '[redacted]', ok: 1 }],
      headers: { Authorization: '[redacted]' },
    })
  })

  it('masks `code` in credential bodies only (an authorization code); elsewhere it is an error code', () => {
    expect(redact({ grant_type: 'authorization_code', code: 'abc' }, true)).toEqual({
      grant_type: 'authorization_code',
      code: '[redacted]',
    })
    expect(redact({ errors: [{ message: 'Not found', code: 6 }] })).toEqual({
      errors: [{ message: 'Not found', code: 6 }],
    })
  })
})

describe('base64', () => {
  it('encodes the UTF-8 bytes of any text (Relay ids and cursors, and text beyond ASCII)', () => {
    for (const text of [
      'Product:1234',
      'arrayconnection:19',
      '',
      'a',
      'ab',
      'Caf\u00e9:1',
      '\u2713 S\u00e3o',
    ])
      expect(base64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'))
  })
})
