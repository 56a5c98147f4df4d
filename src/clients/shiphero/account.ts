import { UserQuota } from '../../../contracts/shiphero/schemas.ts'
import type { ShipHeroGraphql } from './transport.ts'

/** Who is calling: the account (3PL customers, warehouses), the user, credits, legacy-id conversion. */
export function createAccount(gql: ShipHeroGraphql) {
  return {
    account: async () =>
      (
        await gql.query(
          '{ account { request_id complexity data { id legacy_id email username is_3pl customers(first: 100) { edges { node { id legacy_id username } } } warehouses { id legacy_id identifier } } } }',
        )
      ).account,
    me: async () =>
      (
        await gql.query(
          '{ me { request_id complexity data { id legacy_id email first_name last_name account { id } } } }',
        )
      ).me,
    quota: async () =>
      gql.check(
        UserQuota,
        (await gql.query('{ user_quota { credits_remaining max_available increment_rate } }'))
          .user_quota,
        'user_quota',
      ),
    uuid: async (legacyId: number, entity: string) =>
      (
        await gql.query<{ uuid: { data: { legacy_id: number; id: string } } }>(
          'query ($id: BigInt!, $entity: EntityType!) { uuid(legacy_id: $id, entity: $entity) { data { legacy_id id } } }',
          { id: legacyId, entity },
        )
      ).uuid.data,
  }
}
