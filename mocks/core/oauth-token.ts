import type { SimContext } from './context.ts'
import type { OAuthServerConfig } from './oauth-config.ts'
import { lifetimeOf } from './token-endpoint.ts'
import type { TokenEndpoint } from './token-types.ts'

/**
 * The authorization server's token endpoint as a core `TokenEndpoint`: form-encoded,
 * client authentication required, 2-legged client-credentials tokens, 3-legged tokens
 * from codes and rotating refresh tokens, all in the environment the request addresses.
 */
export function oauthTokenEndpoint<S, C>(config: OAuthServerConfig<S, C>): TokenEndpoint<S, C> {
  const length = config.tokenLength ?? 32
  const base = (c: SimContext<S, C>, clientId: string) => ({
    clientId,
    environment: config.environmentOf(c),
    format: { kind: 'opaque' as const, length },
  })
  const three = (
    c: SimContext<S, C>,
    clientId: string,
    subject: string,
    scopes: readonly string[],
  ) => {
    const user = config.user(c.get('tenant'))
    return {
      ...base(c, clientId),
      legs: 3 as const,
      subject,
      scopes,
      meta: user.subject === subject ? { ...user.meta } : {},
    }
  }
  return {
    path: config.tokenPath,
    encodings: ['form'],
    grants: config.grants,
    clientAuth: 'required',
    client: (c, id, secret) =>
      config
        .registry(c.get('tenant'))
        .clients.find(
          (x) =>
            x.clientId === id &&
            x.environment === config.environmentOf(c) &&
            x.clientSecret === secret,
        ),
    accepts: (c, record, client) =>
      record.clientId === client?.clientId && record.environment === config.environmentOf(c),
    access(c, req) {
      const { lifetimes } = config.registry(c.get('tenant'))
      if (req.grant === 'client_credentials')
        return {
          ...base(c, req.client!.clientId),
          legs: 2,
          ttlSeconds: lifetimes.clientCredentialsSeconds,
        }
      return {
        ...three(c, req.client!.clientId, req.subject ?? '', req.scopes),
        ttlSeconds: lifetimes.accessSeconds,
      }
    },
    refresh(c, req) {
      if (req.grant === 'client_credentials') return undefined
      return {
        ...three(c, req.client!.clientId, req.subject ?? '', req.scopes),
        ttlSeconds: config.registry(c.get('tenant')).lifetimes.refreshSeconds,
      }
    },
    rotate: true,
    respond: (_c, { access, refresh }) => ({
      access_token: access.token,
      ...(refresh ? { refresh_token: refresh.token } : {}),
      token_type: 'Bearer',
      expires_in: lifetimeOf(access),
      ...(refresh ? { refresh_token_expires_in: lifetimeOf(refresh) } : {}),
    }),
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
    messages: config.messages,
  }
}
