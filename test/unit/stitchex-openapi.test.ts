import { describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { stitchex } from '../../mocks/stitchex/index.ts'

describe('Stitchex OpenAPI document', () => {
  it('is served, documents every route the simulator serves, and marks the proposals', async () => {
    const sim = createSim(stitchex)
    const res = await sim.fetch('/_sandbox/openapi.json')
    expect(res.status).toBe(200)
    const doc = await res.json()
    expect(doc.openapi).toBe('3.1.0')
    const served = new Set(
      sim.app.routes
        .filter((r) => !r.path.startsWith('/_sandbox') && r.path !== '/*' && r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    )
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) =>
        Object.keys(item)
          .filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k))
          .map((m) => `${m} ${p}`),
      ),
    )
    expect([...served].filter((r) => !documented.has(r))).toEqual([])
    expect([...documented].filter((r) => !served.has(r))).toEqual([])
    expect(doc.paths['/skus/{id}'].get['x-vendorsim-proposal']).toBe(true)
    expect(doc.paths['/sales_orders/{id}'].put['x-vendorsim-proposal']).toBe(true)
    expect(doc.paths['/sales_orders'].post['x-vendorsim-proposal']).toBeUndefined()
    expect(doc.components.schemas.Error['x-vendorsim-proposal']).toBe(true)
    // Request schemas are the ones the simulator checks writes with.
    expect(doc.components.schemas.StockOperationInput.properties.idempotency_key.maxLength).toBe(
      128,
    )
    // The real hosts, then the simulator at the address the document was asked from.
    expect(doc.servers.map((s: { description: string }) => s.description)).toEqual([
      'production',
      'production',
      'vendorsim',
    ])
    expect(doc.servers[1].url).toBe('https://api.uphance.com')
  })
})
