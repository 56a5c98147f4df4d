/** DigiKey's hosts: production and the sandbox, each with its own apps. @see https://developer.digikey.com/documentation/shared-concepts */
export const DIGIKEY_HOSTS = {
  production: ['api.digikey.com'],
  sandbox: ['sandbox-api.digikey.com'],
} as const
/** @deprecated use `DIGIKEY_HOSTS.production` */
export const DIGIKEY_PRODUCTION_HOSTS = DIGIKEY_HOSTS.production
