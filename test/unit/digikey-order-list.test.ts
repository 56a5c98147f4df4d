import { describe, expect, it } from 'vitest'
import { HOST, JSON_TYPE, placedOrder } from '../harness/digikey-sim.ts'

/**
 * Order Status v4's order list: web orders newest first, each with every sales order it was split
 * into (a Marketplace part ships as a sales order of its own), counted and paged as web orders,
 * from the window the account's orders are kept in.
 */
describe('DigiKey order list', () => {
  it('groups a web order split for the Marketplace, pages web orders, and counts them', async () => {
    const { sim, auth, id: first } = await placedOrder({ po: 'PO-1' })
    const place = async (po: string, parts: string[]) => {
      const res = await sim.fetch(`${HOST}/Ordering/v3/Orders`, {
        method: 'POST',
        headers: { ...auth, ...JSON_TYPE },
        body: JSON.stringify({
          PurchaseOrderNumber: po,
          Currency: 'USD',
          ShippingContact: {
            Name: 'B H',
            Address: { AddressLineOne: 'a', City: 'c', PostalCode: '1', Country: 'US' },
          },
          LineItems: parts.map((p) => ({ DigiKeyPartNumber: p, RequestedQuantity: 2 })),
        }),
      })
      expect(res.status).toBe(201)
      return res.json()
    }
    // A DigiKey part and two Marketplace parts of one partner: two sales orders, one web order.
    const split = await place('PO-2', ['311-10.0KHRCT-ND', '1528-1400-ND', '1528-4116-ND'])
    expect(split.SalesOrderIds_DKPlus).toHaveLength(1)
    await place('PO-3', ['311-10.0KHRCT-ND'])
    const list = async (query: string) =>
      (await sim.fetch(`${HOST}/orderstatus/v4/orders?${query}`, { headers: auth })).json()

    const all = await list('PageSize=10')
    expect(all.TotalOrders).toBe(3)
    expect(all.Orders.map((o: { PONumber: string }) => o.PONumber)).toEqual([
      'PO-3',
      'PO-2',
      'PO-1',
    ])
    const ids = (o: { SalesOrders: Array<{ SalesOrderId: number }> }) =>
      o.SalesOrders.map((s) => s.SalesOrderId).sort((a, b) => a - b)
    expect(ids(all.Orders[1])).toEqual(
      [split.SalesOrderId, ...split.SalesOrderIds_DKPlus].sort((a, b) => a - b),
    )
    expect(ids(all.Orders[2])).toEqual([first])

    // A page of one web order holds all of its sales orders; the count is of web orders.
    const second = await list('PageSize=1&PageNumber=2')
    expect(second.TotalOrders).toBe(3)
    expect(second.Orders).toHaveLength(1)
    expect(ids(second.Orders[0])).toEqual(ids(all.Orders[1]))
    const past = await list('PageSize=2&PageNumber=3')
    expect([past.TotalOrders, past.Orders.length]).toEqual([3, 0])
  })
})
