import type { Hono } from 'hono'
import { explorerPage } from '../core/graphql/explorer.ts'
import { graphqlHandler } from '../core/graphql/handler.ts'
import { requestHeader, SimError, type SimEnv, type Tenant } from '../core/index.ts'
import { requireUser, type ShipHeroAuth } from './auth.ts'
import type { ShipHeroCtx } from './context.ts'
import { CODES } from './errors.ts'
import type { ShipHeroCredentials, ShipHeroState } from './store.ts'
import { countRequest } from './throttle.ts'

type Env = SimEnv<ShipHeroState, ShipHeroCredentials>
type ShipHeroTenant = Tenant<ShipHeroState, ShipHeroCredentials>

/**
 * `POST /graphql`: authentication and the request cap here; validation (cached), cost analysis
 * and the credit bucket, execution and refunds in `endpoint.ts`, loaded by the first document.
 * @see https://developer.shiphero.com/getting-started/
 */
const handleGraphql = graphqlHandler<ShipHeroCtx, ShipHeroAuth>({
  authenticate(c) {
    const auth = requireUser(c)
    const tenant = c.get('tenant') as ShipHeroTenant
    countRequest(tenant.state, auth.user.id, tenant.clock.now())
    return auth
  },
  load: () => import('./endpoint.ts').then((m) => m.SHIPHERO_ENDPOINT),
})

/** The ShipHero API routes. @see https://developer.shiphero.com/getting-started/ */
export function registerShipHeroRoutes(app: Hono<Env>) {
  app.post('/graphql', handleGraphql)
  // A browser gets the explorer; anything else is told to POST.
  app.get('/graphql', (c) => {
    if ((requestHeader(c, 'accept') ?? '').includes('text/html'))
      return c.html(
        explorerPage({
          title: 'ShipHero API explorer (vendorsim)',
          endpoint: 'graphql',
          authorizationHint: 'Bearer <access_token from POST /auth/token>',
          query: EXAMPLE,
          note: 'Calls run against this simulator; the real API has no sandbox host.',
        }),
      )
    throw new SimError(
      405,
      String(CODES.invalidArgument),
      'Send GraphQL requests as POST /graphql with a JSON body {"query", "variables"} (open this URL in a browser for the explorer)',
      { headers: { Allow: 'POST' } },
    )
  })
}

const EXAMPLE = `# The account behind the token, and two products with their stock per warehouse.
query Explore {
  account { request_id complexity data { id email } }
  products { request_id complexity data(first: 2) { edges { node { sku name warehouse_products { warehouse_id on_hand } } } } }
}
`
