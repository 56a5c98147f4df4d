/** ShipHero has one host, serving real accounts (no sandbox host). @see https://developer.shiphero.com/getting-started/ */
export const SHIPHERO_HOSTS = { production: ['public-api.shiphero.com'], sandbox: [] } as const
