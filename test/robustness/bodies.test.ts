import { request as httpRequest } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { digipix } from '../../mocks/digipix/index.ts'
import { startServer } from '../../server.ts'
import { post } from './profiles.ts'

/** The request bodies the hardening issue reproduced defects with (past the limit, streamed, split): each must stay fixed. */
describe('hardening regressions: request bodies', () => {
  it('a 200 MiB body is refused with 413 after reading just over the 1 MiB limit', async () => {
    const sim = createSim(digipix)
    let pulled = 0
    const chunk = new Uint8Array(64 * 1024).fill(32)
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 200 * 1024 * 1024) return controller.close()
        pulled += chunk.byteLength
        controller.enqueue(chunk)
      },
    })
    const res = await sim.fetch(
      'https://api.digipix.dev/v1/oauth/token',
      post({}, stream as unknown as BodyInit),
    )
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ error: 'payload_too_large' })
    expect(pulled).toBeLessThan(2 * 1024 * 1024)
    const declared = await sim.fetch('https://api.digipix.dev/v1/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
      body: '{}',
    })
    expect(declared.status).toBe(413)
    const journal = await (await sim.fetch('/_sandbox/journal')).json()
    expect(JSON.stringify(journal).length).toBeLessThan(10_000)
  })

  it('over HTTP, a chunked body past the limit is refused with 413 while it streams, and the server answers on', async () => {
    const server = await startServer({ port: 0, clock: 'frozen', vendors: ['digipix'] })
    try {
      const port = new URL(server.url).port
      const chunk = Buffer.alloc(64 * 1024, 32)
      let sent = 0
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/digipix/v1/oauth/token',
            headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
          },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
            req.destroy()
          },
        )
        req.on('error', (err) => (sent > 0 ? undefined : reject(err)))
        const pump = () => {
          while (sent < 200 * 1024 * 1024 && !req.destroyed) {
            sent += chunk.length
            if (!req.write(chunk)) return void req.once('drain', pump)
          }
          if (!req.destroyed) req.end()
        }
        pump()
      })
      expect(status).toBe(413)
      // The answer came long before the 200 MiB were written (socket buffers hold a few MiB).
      expect(sent).toBeLessThan(64 * 1024 * 1024)
      expect((await fetch(`${server.url}/digipix/v1/products`)).status).toBe(401)
    } finally {
      await server.close()
    }
  })

  it('over HTTP, a body split inside a UTF-8 character and led by a byte-order mark reads as its text', async () => {
    const server = await startServer({ port: 0, clock: 'frozen', vendors: ['digipix'] })
    try {
      const port = new URL(server.url).port
      const bytes = Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(
          JSON.stringify({
            client_id: 'digipix-dev-client',
            client_secret: 'digipix-dev-secret',
            grant_type: 'client_credentials',
            scope: ['products'],
            note: 'São Paulo ✓',
          }),
        ),
      ])
      const cut = bytes.indexOf(Buffer.from('ã')) + 1
      const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/digipix/v1/oauth/token',
            headers: { 'content-type': 'application/json', 'content-length': bytes.length },
          },
          (res) => {
            let body = ''
            res.on('data', (d) => (body += d))
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
          },
        )
        req.on('error', reject)
        req.write(bytes.subarray(0, cut))
        setTimeout(() => req.end(bytes.subarray(cut)), 20)
      })
      // Parsed whole (BOM dropped, "ã" rejoined): the unknown field is named, not a JSON error.
      expect(answer.status).toBe(400)
      expect(JSON.parse(answer.body).error_description).toBe('unknown field(s): note')
      const journal = await (await fetch(`${server.url}/digipix/_sandbox/journal`)).json()
      expect(JSON.stringify(journal)).toContain('São Paulo ✓')
    } finally {
      await server.close()
    }
  })
})
