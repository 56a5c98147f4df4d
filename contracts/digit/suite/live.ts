import { liveTarget, type ContractTarget } from '../../harness/index.ts'
import { DIGIT_HOSTS } from '../hosts.ts'

/** What a Digit case needs: an API token with every permission (a simulator also gives the SANDBOX account's). */
export interface DigitTargetCredentials {
  token: string
  organizationId?: string
  sandbox?: { token: string; organizationId: string }
}

/**
 * The live target: `DIGIT_API_URL` (default `https://api.digit-software.com/graphql`) and
 * `DIGIT_API_TOKEN` — a token of your SANDBOX account: the playground and the API make real calls.
 * Primary and SANDBOX accounts share the production host, so a run there needs
 * DIGIT_ALLOW_PRODUCTION=1; it is read-only unless DIGIT_LIVE_WRITES=1, and it prints the
 * organization it runs against before the first case. A string is the reason it cannot run.
 */
export function digitLiveTarget(
  env: NodeJS.ProcessEnv,
  o: { allowProduction?: boolean } = {},
): ContractTarget<DigitTargetCredentials> | string {
  const target = liveTarget<DigitTargetCredentials>(
    {
      title: 'Digit',
      prefix: 'DIGIT',
      baseUrlVar: 'DIGIT_API_URL',
      defaultBaseUrl: 'https://api.digit-software.com/graphql',
      toBaseUrl: (url) => url.replace(/\/graphql\/?$/, '').replace(/\/+$/, ''),
      required: ['DIGIT_API_TOKEN'],
      hint: 'a da_ token of your SANDBOX account, from Settings > API Tokens',
      productionHosts: DIGIT_HOSTS.production,
      onProduction: 'skip',
      credentials: (e) => ({ token: e.DIGIT_API_TOKEN! }),
    },
    env,
    o,
  )
  if (typeof target === 'string') return target
  let announced: Promise<void> | undefined
  const announce = async (token: string) => {
    const res = await target.fetch(`${target.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ organization { id name } }' }),
    })
    const body = (await res.json().catch(() => undefined)) as
      | { data?: { organization?: { id: string; name: string } } }
      | undefined
    const org = body?.data?.organization
    console.log(
      org
        ? `live Digit run against organization ${org.id} (${org.name}) at ${target.baseUrl}${target.writes ? ', writes ON' : ', read-only'}`
        : `live Digit run at ${target.baseUrl}: the organization query answered HTTP ${res.status}`,
    )
  }
  return {
    ...target,
    async credentials() {
      const c = await target.credentials()
      await (announced ??= announce(c.credentials.token))
      return c
    },
  }
}
