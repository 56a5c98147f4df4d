import {
  createOAuthRegistry,
  defineVendor,
  oauthErrorBody,
  registerOAuthSandbox,
  SimError,
  type OAuthServerConfig,
} from '../../mocks/core/index.ts'

/** A vendor that is nothing but an authorization server: the OAuth core owes nothing to DigiKey. */
type State = { oauth: ReturnType<typeof createOAuthRegistry> }
type Creds = { clientId: string; clientSecret: string }
const config: OAuthServerConfig<State, Creds> = {
  authorizePath: '/oauth/authorize',
  tokenPath: '/oauth/token',
  serviceName: 'Acme',
  registry: (t) => t.state.oauth,
  environmentOf: () => 'test',
  user: () => ({ subject: 'user-1', displayName: 'Ada' }),
  grants: ['client_credentials', 'authorization_code', 'refresh_token'],
}
export const acme = defineVendor<State, Creds>({
  id: 'acme',
  title: 'Acme',
  protocol: 'rest',
  docs: [],
  hosts: { production: ['https://api.acme.test'], sandbox: [] },
  defaultCredentials: { clientId: 'app', clientSecret: 'shh' },
  mintCredentials: () => ({ clientId: 'app2', clientSecret: 'shh2' }),
  credentialKeys: (c) => [c.clientId],
  createState: (t) => ({
    oauth: createOAuthRegistry({
      clients: [
        {
          clientId: t.credentials.clientId,
          clientSecret: t.credentials.clientSecret,
          environment: 'test',
          redirectUris: ['https://app.test/cb', 'https://app.test/cb2'],
          name: 'App',
        },
      ],
      lifetimes: {
        codeSeconds: 60,
        clientCredentialsSeconds: 600,
        accessSeconds: 1800,
        refreshSeconds: 86_400,
      },
    }),
  }),
  auth: {
    oauth: config,
    unknownCredential: () => new SimError(401, 'invalid_token', 'unknown token'),
  },
  routes: (app) => {
    app.get('/me', (c) => {
      const token = (c.req.header('authorization') ?? '').replace(/^Bearer /, '')
      const v = c.get('tenant').auth.verify(token, 'access')
      return v.ok
        ? c.json({ legs: v.record.legs, subject: v.record.subject ?? null })
        : c.json({ reason: v.reason }, 401)
    })
  },
  sandbox: (app) => registerOAuthSandbox(app, config),
  renderError: (err: SimError, c) =>
    c.json(err.extra.oauth ? oauthErrorBody(err) : { message: err.message }, err.status as 400),
  webhooks: { retrySchedule: [] },
  limitations: '',
})
