import { describe, expect, it } from 'vitest'
import { digikeyOpenApi } from '../../contracts/digikey/openapi.ts'
import { createSim } from '../../mocks/core/index.ts'
import { digikey } from '../../mocks/digikey/index.ts'

describe('DigiKey OpenAPI document', () => {
  it('documents every route the simulator serves, and marks the Order Management paths as proposals', () => {
    const doc = digikeyOpenApi()
    const sim = createSim(digikey)
    const served = new Set(
      sim.app.routes
        .filter((r) => !r.path.startsWith('/_sandbox') && r.path !== '/*' && r.method !== 'ALL')
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    )
    const documented = new Set(
      Object.entries(doc.paths!).flatMap(([p, item]) =>
        Object.keys(item!)
          .filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k))
          .map((m) => `${m} ${p}`),
      ),
    )
    expect([...served].filter((r) => !documented.has(r))).toEqual([])
    expect([...documented].filter((r) => !served.has(r))).toEqual([])
    for (const [p, item] of Object.entries(doc.paths!))
      if (p.startsWith('/OrderManagement/'))
        for (const op of Object.values(item!))
          expect((op as Record<string, unknown>)['x-vendorsim-proposal']).toBe(true)
  })
})
