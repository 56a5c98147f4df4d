import {
  Organisations,
  WebhookPayload,
  WEBHOOK_RESOURCES,
} from '../../../contracts/stitchex/schemas.ts'
import { createClientCore, systemClock, type ClientTransportOptions } from '../../core/index.ts'
import { createStitchexAuth, type StitchexAuthOptions } from './auth.ts'
import { createResources } from './resources.ts'

export const STITCHEX_BASE_URL = 'https://api.uphance.com'

export interface StitchexClientOptions extends ClientTransportOptions, StitchexAuthOptions {
  /** `https://api.uphance.com` (default), `https://api.stitchex.com`, `http://127.0.0.1:4010/stitchex`, ... */
  baseUrl?: string
}

/**
 * A small typed Stitchex (Uphance) client: the three-call connection (token, organisations,
 * `set_current_org`) done for you and redone for each new token, refresh-token rotation, an async
 * iterator over `meta` pages fetched one after another, typed methods per resource, typed errors,
 * and a webhook payload parser.
 * @example
 * const sx = createStitchexClient({ baseUrl: 'http://127.0.0.1:4010/stitchex', email: 'dev@stitchex-demo.test', password: 'stitchex-dev-password' })
 * for await (const sku of sx.skus.all()) console.log(sku.id, sku.available_to_sell)
 * const order = await sx.salesOrders.create({ company_id, status: 'confirmed', line_items: [{ line_quantities: [{ sku_id, quantity: 2 }] }] })
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
export function createStitchexClient(options: StitchexClientOptions) {
  const clock = options.clock ?? systemClock
  const core = createClientCore(options, {
    vendor: 'stitchex',
    baseUrl: options.baseUrl ?? STITCHEX_BASE_URL,
    describeError: (body) => {
      const b = body as { message?: string; error?: string; error_description?: string } | undefined
      return { code: b?.error, message: b?.message ?? b?.error_description }
    },
    userAgent: 'vendorsim-stitchex-client/0.1',
  })
  const auth = createStitchexAuth(core, options, clock)
  return {
    auth,
    /** The organisations the user belongs to. */
    organisations: async () =>
      (await auth.send({ method: 'GET', path: '/organisations', schema: Organisations }))
        .organisations,
    ...createResources(auth),
  }
}
export type StitchexClient = ReturnType<typeof createStitchexClient>

/**
 * Read a webhook body: `{ event: "pick_ticket_update", pick_ticket: {...} }` →
 * `{ event, resource: "pick_ticket", action: "update", object }`. Stitchex signs nothing: check the
 * secret you put in the URL before trusting it.
 * @see https://help.uphance.com/en/articles/2532171-webhooks
 */
export function parseStitchexWebhook(body: string | unknown) {
  const value = WebhookPayload.parse(typeof body === 'string' ? JSON.parse(body) : body) as {
    event: string
  } & Record<string, unknown>
  const resource = WEBHOOK_RESOURCES.find((r) => value.event.startsWith(`${r}_`))!
  const action = value.event.slice(resource.length + 1) as 'create' | 'update' | 'delete'
  return {
    event: value.event,
    resource,
    action,
    object: value[resource] as Record<string, unknown> & { id: number },
  }
}
export type { SalesOrderInput, PaymentInput, LineQuantityInput } from './resources.ts'
