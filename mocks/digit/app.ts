import type { Hono } from 'hono'
import { explorerPage } from '../core/graphql/explorer.ts'
import { graphqlHandler } from '../core/graphql/handler.ts'
import type { SimEnv } from '../core/index.ts'
import { countRequest, requireToken, type DigitAuth } from './auth.ts'
import type { DigitCtx } from './context.ts'
import type { DigitCredentials, DigitState } from './store.ts'

type Env = SimEnv<DigitState, DigitCredentials>

/**
 * `POST /graphql` (and `POST /`, where the help article sends requests): the bearer token and
 * the optional rate limit here; validation, limits and execution in `endpoint.ts`, loaded by the
 * first document.
 * @see https://learn.digit-software.com/en/articles/11940553-digit-api-access
 */
const handleGraphql = graphqlHandler<DigitCtx, DigitAuth>({
  authenticate(c) {
    const auth = requireToken(c)
    countRequest(c, auth)
    return auth
  },
  load: () => import('./endpoint.ts').then((m) => m.DIGIT_ENDPOINT),
})

const EXAMPLE = `# The calling token's organization, its permissions, and the "pairs" unit of measure.
query Explore {
  organization { id name defaultCurrency { code } }
  currentPermissions { key }
  uoms(search: "pairs") { nodes { id name } }
}
`

/** The Digit API routes. @see https://api.digit-software.com/docs */
export function registerDigitRoutes(app: Hono<Env>) {
  app.post('/graphql', handleGraphql)
  app.post('/', handleGraphql)
  app.get('/docs', (c) =>
    c.html(
      explorerPage({
        title: 'Digit API explorer (vendorsim)',
        endpoint: 'graphql',
        authorizationHint: 'Bearer da_…',
        query: EXAMPLE,
        note: 'Calls run against this simulator. On the real API, use your SANDBOX account.',
      }),
    ),
  )
}
