import type { Tenant } from '../core/index.ts'
import type { StitchexCredentials, StitchexState } from './store.ts'

type AnyTenant = Tenant<StitchexState, StitchexCredentials>

/** Resources whose changes Stitchex announces. */
export type WebhookResource =
  | 'pick_ticket'
  | 'receiving_ticket'
  | 'product'
  | 'invoice'
  | 'credit_note'

/**
 * POST `{ "event": "<resource>_<action>", "<resource>": { full object } }` to every subscription
 * of the organisation (or of every organisation). Uphance signs nothing: integrators put a secret
 * in the URL. Retries follow the vendor's schedule on the tenant clock, for up to 48 hours.
 * @see https://help.uphance.com/en/articles/2532171-webhooks
 */
export function emit(
  tenant: AnyTenant,
  organisationId: number,
  resource: WebhookResource,
  action: 'create' | 'update' | 'delete',
  object: unknown,
) {
  const event = `${resource}_${action}`
  tenant.subscriptions.emit(
    event,
    { event, [resource]: object },
    { scope: { organisation_id: organisationId } },
  )
}
