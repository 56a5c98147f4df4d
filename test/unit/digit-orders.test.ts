import { describe, expect, it } from 'vitest'
import { createSim } from '../../mocks/core/index.ts'
import { digit } from '../../mocks/digit/index.ts'
import { digitClient } from '../../mocks/sim-clients.ts'
import type { OrderListArgs } from '../../src/clients/digit/orders.ts'

/**
 * Digit's `orders(order:)` pages from an order the table keeps (orderDate either way, newest
 * first): once asked for, every write files into it. Each answer here is checked against a sort
 * of the account's whole table.
 */
describe('Digit orders in order', () => {
  it('by orderDate (either way) and newest first, through creates and orderDate changes', async () => {
    const sim = createSim(digit, { seed: 1 })
    const client = digitClient(sim)
    const listed = async (order: OrderListArgs['order']) => {
      const ids: string[] = []
      for await (const o of client.orders.all({ order, pageSize: 7 })) ids.push(o.id)
      return ids
    }
    const expected = async (direction: 'asc' | 'desc', by: 'orderDate' | 'number') => {
      const rows = (await sim.control.tenant()).state.orders.lookup('account', 'primary')
      // A stable sort: orders on the same date stay in the order they were made.
      const sign = direction === 'asc' ? 1 : -1
      return [...rows].sort((a, b) => sign * (a[by] - b[by])).map((o) => o.id)
    }
    const check = async () => {
      expect(await listed({ by: 'orderDate', direction: 'asc' })).toEqual(
        await expected('asc', 'orderDate'),
      )
      expect(await listed({ by: 'orderDate', direction: 'desc' })).toEqual(
        await expected('desc', 'orderDate'),
      )
      for (const by of ['createdAt', 'orderNumber'] as const)
        expect(await listed({ by, direction: 'desc' })).toEqual(await expected('desc', 'number'))
    }
    await check()

    const company = await client.companies.create({
      name: 'Buyer',
      type: ['customer'],
      kind: 'company',
    })
    const address = await client.companies.createLocation({
      companyId: company.id,
      addressLineOne: '1 Main St',
      city: 'Reno',
      zip: '89501',
      country: 'US',
      isShippingDefault: true,
    })
    const [item] = (await client.items.list({ first: 1 })).nodes
    const place = (orderDate: string) =>
      client.orders.create({
        customerId: company.id,
        shippingAddressId: address.id,
        items: [{ id: item!.id, cost: { costAmount: 1, currencyCode: 'USD' }, quantity: 1 }],
        orderStatus: 'unfulfilled',
        paymentStatus: 'not_paid',
        useShippingAsBilling: true,
        orderDate,
      })
    const early = await place('2020-01-01T00:00:00.000Z')
    await place('2031-06-01T00:00:00.000Z')
    await place('2020-01-01T00:00:00.000Z') // the same date as `early`: after it, either way
    await client.orders.update({ orderId: early.id, orderDate: '2032-01-01T00:00:00.000Z' })
    await check()
    const latest = await listed({ by: 'orderDate', direction: 'desc' })
    expect(latest[0]).toBe(early.id)
  })
})
