import { queryResult, Shipment } from '../../../contracts/shiphero/schemas.ts'
import { SHIPMENT } from './operations.ts'
import type { ShipHeroGraphql } from './transport.ts'

/** Shipments. @see https://developer.shiphero.com/examples-mutation/#shipments */
export function createShipments(gql: ShipHeroGraphql) {
  return {
    get: async (id: string) =>
      gql.check(
        queryResult(Shipment),
        (
          await gql.query(
            `query ($id: String) { shipment(id: $id) { request_id complexity data { ${SHIPMENT} } } }`,
            { id },
          )
        ).shipment,
        'shipment',
      ).data,
    create: (data: Record<string, unknown>) =>
      gql.mutate(
        'shipment_create',
        'CreateShipmentInput',
        data,
        `shipment { ${SHIPMENT} }`,
        'shipment',
        Shipment,
      ),
  }
}
