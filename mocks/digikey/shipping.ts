import type { ShipMethod } from '../../contracts/digikey/schemas.ts'
import { addBusinessDays, DIGITS, HOUR, type Tenant } from '../core/index.ts'
import type { DigiKeyCredentials, DigiKeyState, SalesOrderRecord } from './store.ts'

type DigiKeyTenant = Tenant<DigiKeyState, DigiKeyCredentials>

/*
 * What a shipment of a sales order carries: the carrier of its ship method, a tracking number in
 * that carrier's format, and the expected delivery after the method's days in transit.
 */

/** Business days in transit by ship method [proposal]. */
export function transitDays(method: ShipMethod): number {
  if (/overnight|1 day|express mail$/i.test(method)) return 1
  if (/2 day/i.test(method)) return 2
  if (/3 day|priority mail/i.test(method)) return 3
  if (/international|worldwide|DHL/i.test(method)) return 5
  if (/standard mail/i.test(method)) return 7
  return 4
}

/** Carrier name of a ship method. */
export const carrierOf = (method: ShipMethod) => /^(\S+)/.exec(method)![1]!

/** A tracking number in the carrier's format: UPS `1Z…` (18), FedEx 12 digits, USPS 22 digits, DHL 10 digits. */
export function trackingNumber(tenant: DigiKeyTenant, method: ShipMethod): string {
  const rng = tenant.rng
  switch (carrierOf(method)) {
    case 'UPS':
      return `1Z${rng.string(6, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}03${rng.string(8, DIGITS)}`
    case 'FedEx':
      return rng.string(12, DIGITS)
    case 'USPS':
      return `9400${rng.string(18, DIGITS)}`
    default:
      return rng.string(10, DIGITS)
  }
}

/** A shipment of `lines` leaving at `at`: one invoice, one tracking number, delivery after the method's transit days. */
export const shipmentOf = (
  o: SalesOrderRecord,
  invoiceId: number,
  trackingNumber: string,
  at: number,
  lines: Array<{ detailId: number; quantity: number }>,
) => ({
  invoiceId,
  at,
  carrier: carrierOf(o.shipMethod),
  trackingNumber,
  expectedDeliveryAt: addBusinessDays(at, transitDays(o.shipMethod)) + 4 * HOUR,
  lines,
})
