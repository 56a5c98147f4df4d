/** Digipix's hosts: production and development have separate credentials. @see https://api.digipix.io/docs */
export const DIGIPIX_HOSTS = {
  production: ['api.digipix.io'],
  sandbox: ['api.digipix.dev'],
} as const
