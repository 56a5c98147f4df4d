import { liveTarget, type ContractTarget } from '../../harness/index.ts'
import { STITCHEX_HOSTS } from '../hosts.ts'

/** What a Stitchex case needs: a user's email and password, and (live) the organisation to use. */
export interface StitchexTargetCredentials {
  email: string
  password: string
  organisationId?: number
}

/**
 * The live target: `STITCHEX_BASE_URL` (`https://api.uphance.com`), `STITCHEX_EMAIL`,
 * `STITCHEX_PASSWORD` and `STITCHEX_ORGANISATION_ID`. Stitchex has no sandbox host, so a run needs
 * STITCHEX_ALLOW_PRODUCTION=1 and a test organisation; it is read-only unless
 * STITCHEX_LIVE_WRITES=1. A string is the reason it cannot run.
 */
export const stitchexLiveTarget = (
  env: NodeJS.ProcessEnv,
  o: { allowProduction?: boolean } = {},
): ContractTarget<StitchexTargetCredentials> | string =>
  liveTarget(
    {
      title: 'Stitchex',
      prefix: 'STITCHEX',
      required: ['STITCHEX_EMAIL', 'STITCHEX_PASSWORD', 'STITCHEX_ORGANISATION_ID'],
      hint: 'https://api.uphance.com and a user of a test organisation',
      productionHosts: STITCHEX_HOSTS.production,
      onProduction: 'skip',
      credentials: (e) => ({
        email: e.STITCHEX_EMAIL!,
        password: e.STITCHEX_PASSWORD!,
        organisationId: Number(e.STITCHEX_ORGANISATION_ID),
      }),
    },
    env,
    o,
  )
