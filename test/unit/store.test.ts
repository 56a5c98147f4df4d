import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createTable, viewPerRow } from '../../mocks/core/index.ts'

describe('viewPerRow', () => {
  it('computes a view once per row version: an update gives a new view, the old row keeps its own', async () => {
    const table = await createTable(z.object({ id: z.string(), stock: z.number() }))
    let computed = 0
    const view = viewPerRow((r: { id: string; stock: number }) => {
      computed++
      return { id: r.id, available: r.stock }
    })
    const before = await table.insert({ id: 'a', stock: 2 })
    expect(view(table.get('a')!)).toBe(view(table.get('a')!))
    expect(computed).toBe(1)
    await table.update('a', (d) => {
      d.stock = 5
    })
    expect(view(table.get('a')!)).toEqual({ id: 'a', available: 5 })
    expect(view(before)).toEqual({ id: 'a', available: 2 })
    expect(computed).toBe(2)
    // Shared by every answer that lists the row: nobody may change it.
    expect(() => {
      ;(view(before) as { available: number }).available = 9
    }).toThrow(TypeError)
  })
})
