import { createServer, type IncomingMessage } from 'node:http'

/**
 * The vendor-agnostic contract harness: a target (where the API lives and how
 * to reach it), a suite (named behavioural cases), and a runner usable from
 * vitest or from `vendorsim contract`.
 */
export type TargetName = 'inprocess' | 'msw' | 'http' | 'live'

export interface ContractTarget<Creds = Record<string, unknown>> {
  name: TargetName
  /** Base URL of the vendor API (`https://api.digipix.dev`, `http://127.0.0.1:4010/digipix`). */
  baseUrl: string
  fetch: typeof fetch
  /** Fresh credentials for one case (a new tenant on simulators; the env's on live). */
  credentials(): Promise<{ credentials: Creds; sandbox?: SandboxClient }>
  /** Writes allowed (always on simulators; opt-in on live). */
  writes: boolean
  /** Callbacks can reach a receiver on 127.0.0.1 (simulators; not the real vendor). */
  receiver: boolean
  close?(): Promise<void>
}

export type Requirement = 'sandbox' | 'writes' | 'receiver'

export interface ContractCase<Ctx> {
  name: string
  requires?: readonly Requirement[]
  /** Asserts one of our [proposal]s rather than documented behaviour: skipped on live. */
  proposal?: boolean
  run(ctx: Ctx): Promise<void>
}

export interface ContractSuite<Ctx, Creds = Record<string, unknown>> {
  vendor: string
  /** Build a case's context from a target and that case's credentials. */
  context(
    target: ContractTarget<Creds>,
    creds: { credentials: Creds; sandbox?: SandboxClient },
  ): Promise<Ctx> | Ctx
  cases: ReadonlyArray<ContractCase<Ctx>>
}

/** Why a case cannot run on a target, or `undefined` when it can. */
export function skipReason(
  c: ContractCase<unknown>,
  target: ContractTarget<any>,
): string | undefined {
  if (c.proposal && target.name === 'live')
    return 'asserts a simulator [proposal], not documented vendor behaviour'
  for (const r of c.requires ?? []) {
    if (r === 'sandbox' && target.name === 'live')
      return 'needs the simulator control routes (clock, transitions)'
    if (r === 'writes' && !target.writes) return 'writes are disabled on this target'
    if (r === 'receiver' && !target.receiver) return 'needs callbacks delivered to a local receiver'
  }
  return undefined
}

export interface CaseResult {
  name: string
  outcome: 'passed' | 'failed' | 'skipped'
  reason?: string
  error?: unknown
  ms: number
}

/** Run a suite sequentially; returns one result per case. */
export async function runSuite<Ctx, Creds>(
  suite: ContractSuite<Ctx, Creds>,
  target: ContractTarget<Creds>,
  onResult?: (r: CaseResult) => void,
): Promise<CaseResult[]> {
  const results: CaseResult[] = []
  for (const c of suite.cases) {
    const reason = skipReason(c as ContractCase<unknown>, target)
    const started = performance.now()
    let result: CaseResult
    if (reason) result = { name: c.name, outcome: 'skipped', reason, ms: 0 }
    else {
      try {
        await c.run(await suite.context(target, await target.credentials()))
        result = { name: c.name, outcome: 'passed', ms: performance.now() - started }
      } catch (error) {
        result = { name: c.name, outcome: 'failed', error, ms: performance.now() - started }
      }
    }
    results.push(result)
    onResult?.(result)
  }
  return results
}

/** The simulator's control routes, reached over the target's fetch for one tenant. */
export interface SandboxClient {
  tenant: string
  request<T = any>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }>
  advance(seconds: number): Promise<void>
  webhooks(): Promise<
    Array<{
      id: string
      event: string
      url: string
      state: string
      body: string
      attempts: Array<{ n: number; status: number | null; ok: boolean }>
    }>
  >
}

/** The admin token of a server started with one, from `VENDORSIM_ADMIN_TOKEN`. */
const adminHeaders = (): Record<string, string> => {
  const token = typeof process !== 'undefined' ? process.env.VENDORSIM_ADMIN_TOKEN : undefined
  return token ? { 'x-vendorsim-admin': token } : {}
}

export function createSandboxClient(
  baseUrl: string,
  doFetch: typeof fetch,
  tenant: string,
): SandboxClient {
  const root = `${baseUrl.replace(/\/+$/, '')}/_sandbox`
  const client: SandboxClient = {
    tenant,
    async request(method, path, body) {
      const res = await doFetch(root + path, {
        method,
        headers: {
          ...adminHeaders(),
          'x-vendorsim-tenant': tenant,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : undefined }
    },
    async advance(seconds) {
      const r = await client.request('POST', '/clock/advance', { seconds })
      if (r.status !== 200)
        throw new Error(`clock advance failed: ${r.status} ${JSON.stringify(r.body)}`)
    },
    async webhooks() {
      const r = await client.request('GET', '/webhooks')
      return r.body.deliveries
    },
  }
  return client
}

/** Mint a tenant on a simulator target; returns its credentials and a sandbox client. */
export async function mintTenant<Creds>(
  baseUrl: string,
  doFetch: typeof fetch,
): Promise<{ credentials: Creds; sandbox: SandboxClient }> {
  const res = await doFetch(`${baseUrl.replace(/\/+$/, '')}/_sandbox/tenants`, {
    method: 'POST',
    headers: { ...adminHeaders(), 'content-type': 'application/json' },
    body: '{}',
  })
  if (res.status === 401)
    throw new Error(
      `${baseUrl} requires its admin token on /_sandbox routes: set VENDORSIM_ADMIN_TOKEN`,
    )
  if (res.status !== 201)
    throw new Error(
      `${baseUrl} is not a vendorsim simulator (POST /_sandbox/tenants answered ${res.status})`,
    )
  const body = (await res.json()) as { tenant: string; credentials: Creds }
  return {
    credentials: body.credentials,
    sandbox: createSandboxClient(baseUrl, doFetch, body.tenant),
  }
}

/** A simulator target reached over HTTP at `baseUrl` (a fresh tenant per case). */
export function simulatorTarget<Creds>(
  name: TargetName,
  baseUrl: string,
  doFetch: typeof fetch,
  close?: () => Promise<void>,
): ContractTarget<Creds> {
  return {
    name,
    baseUrl,
    fetch: doFetch,
    writes: true,
    receiver: true,
    credentials: () => mintTenant<Creds>(baseUrl, doFetch),
    close,
  }
}

export interface ReceivedCall {
  path: string
  headers: IncomingMessage['headers']
  body: string
  json: unknown
  answered: number
}

/**
 * A webhook receiver on 127.0.0.1: records every POST, answers 200, or fails
 * the next N calls with 500 to exercise retries.
 */
export async function createReceiver() {
  const calls: ReceivedCall[] = []
  let failuresLeft = 0
  const waiters: Array<{ n: number; resolve: () => void }> = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      let json: unknown
      try {
        json = JSON.parse(body)
      } catch {
        json = undefined
      }
      const answered = failuresLeft > 0 ? 500 : 200
      if (failuresLeft > 0) failuresLeft--
      calls.push({ path: req.url ?? '/', headers: req.headers, body, json, answered })
      res
        .writeHead(answered, { 'content-type': 'text/plain' })
        .end(answered === 200 ? 'ok' : 'fail')
      for (const w of [...waiters])
        if (calls.length >= w.n) {
          waiters.splice(waiters.indexOf(w), 1)
          w.resolve()
        }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    /** Answer the next `n` calls with 500. */
    failNext(n: number) {
      failuresLeft = n
    },
    /** Resolve once `n` calls have arrived (or reject after `ms` real milliseconds). */
    waitFor(n: number, ms = 5000) {
      if (calls.length >= n) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`receiver got ${calls.length} of ${n} calls`)),
          ms,
        )
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          },
        })
      })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
export type Receiver = Awaited<ReturnType<typeof createReceiver>>
