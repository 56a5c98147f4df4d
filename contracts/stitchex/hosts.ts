/**
 * Stitchex is Uphance's former name: the seed documents `api.stitchex.com`, the API answers today
 * at `api.uphance.com`. Both serve real organisations; there is no sandbox host.
 * @see https://help.uphance.com/en/articles/2532044-uphance-api-for-developers
 */
export const STITCHEX_HOSTS = {
  production: ['api.stitchex.com', 'api.uphance.com'],
  sandbox: [],
} as const
