import type { Tenant } from './context.ts'
import { SimError } from './errors.ts'
import { BASE62, createRng, type Rng } from './ids.ts'
import type { SimOptions } from './sim-options.ts'
import { createTenantBase } from './tenant-base.ts'
import type { TokenIndex } from './token-record.ts'
import type { SimControl, VendorDefinition } from './vendor.ts'

/**
 * The tenants of one simulator: credentials registered at once, state built on first use,
 * minted on demand, evicted past the cap, reset atomically; the indexes that map any
 * credential or token to its tenant; and the seed data every tenant shares.
 */
export const TENANT_HEADER = 'x-vendorsim-tenant'
export const DEFAULT_TENANT = 'default'

const TENANT_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/

export function createTenants<S, C extends Record<string, unknown>>(
  vendor: VendorDefinition<S, C>,
  options: SimOptions,
) {
  const seed = String(options.seed ?? 'vendorsim')
  const simRng = createRng(`${seed}:${vendor.id}`)
  const tokenIndex: TokenIndex = new Map()
  const credentialIndex = new Map<string, string>()
  const credentialsOf = new Map<string, C>()
  const built = new Map<string, Tenant<S, C>>()
  const sharedData = new Map<string, unknown>()
  const shared = <T>(key: string, make: (rng: Rng) => T): T => {
    if (!sharedData.has(key))
      sharedData.set(key, deepFreeze(make(createRng(`${seed}:${vendor.id}:shared:${key}`))))
    return sharedData.get(key) as T
  }
  const building = new Map<string, Promise<Tenant<S, C>>>()
  const webhookFetch =
    options.webhooks?.fetch ??
    ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))

  const register = (id: string, credentials: C) => {
    credentialsOf.set(id, credentials)
    for (const key of vendor.credentialKeys(credentials)) credentialIndex.set(key, id)
  }
  register(DEFAULT_TENANT, vendor.defaultCredentials)

  const build = async (id: string): Promise<Tenant<S, C>> => {
    const credentials = credentialsOf.get(id)!
    const base = createTenantBase(vendor, id, credentials, {
      seed,
      options,
      tokenIndex,
      shared,
      webhookFetch,
    })
    const state = await vendor.createState(base)
    return { ...base, state }
  }

  // Minted tenants, least recently used first: past `maxTenants` the oldest is evicted (never the default one).
  const maxTenants = options.maxTenants ?? 1000
  const recent = new Set<string>()
  const evicted = new Set<string>()
  const touch = (id: string) => {
    if (id === DEFAULT_TENANT) return
    recent.delete(id)
    recent.add(id)
  }
  const evict = (id: string) => {
    const t = built.get(id)
    t?.auth.dropAll()
    t?.clock.reset()
    built.delete(id)
    building.delete(id)
    const creds = credentialsOf.get(id)
    if (creds)
      for (const key of vendor.credentialKeys(creds))
        if (credentialIndex.get(key) === id) credentialIndex.delete(key)
    credentialsOf.delete(id)
    recent.delete(id)
    evicted.add(id)
    if (evicted.size > 10_000) evicted.delete(evicted.values().next().value!)
  }

  const tenant = async (id: string = DEFAULT_TENANT): Promise<Tenant<S, C>> => {
    touch(id)
    const ready = built.get(id)
    if (ready) return ready
    if (!credentialsOf.has(id)) {
      if (evicted.has(id))
        throw new SimError(
          404,
          'tenant_evicted',
          `Tenant "${id}" was evicted: more than ${maxTenants} tenants were minted and it was the least recently used (raise --max-tenants, or mint a new one with POST /_sandbox/tenants).`,
        )
      throw new SimError(
        404,
        'unknown_tenant',
        `No tenant "${id}". Mint one with POST /_sandbox/tenants.`,
      )
    }
    let pending = building.get(id)
    if (!pending) {
      pending = build(id).then((t) => {
        built.set(id, t)
        building.delete(id)
        return t
      })
      building.set(id, pending)
    }
    return pending
  }

  const control: SimControl<S, C> = {
    tenant,
    async mintTenant(name) {
      let id = name
      if (id !== undefined) {
        if (!TENANT_NAME.test(id))
          throw new SimError(
            400,
            'validation_error',
            'tenant must be 1-64 letters, digits, "_" or "-", starting with a letter or digit',
          )
        if (credentialsOf.has(id))
          throw new SimError(409, 'tenant_exists', `Tenant "${id}" already exists`)
      } else {
        do id = `t_${simRng.string(12, BASE62)}`
        while (credentialsOf.has(id))
      }
      const credentials = vendor.mintCredentials(
        id,
        createRng(`${seed}:${vendor.id}:${id}:credentials`),
      )
      register(id, credentials)
      evicted.delete(id)
      touch(id)
      while (recent.size > maxTenants) evict(recent.values().next().value!)
      return { tenant: id, credentials }
    },
    async advance(seconds, tenantId) {
      const t = await tenant(tenantId)
      await t.clock.advance(Math.round(seconds * 1000))
    },
    async reset(tenantId = DEFAULT_TENANT) {
      const old = await tenant(tenantId)
      const fresh = await build(tenantId)
      old.auth.dropAll()
      // Tokens whose text the vendor chose (Digit's) are the same in both: keep the fresh ones filed.
      fresh.auth.reindex()
      old.clock.reset()
      built.set(tenantId, fresh)
    },
    async tick() {
      await Promise.all(
        [...built.values()].map((t) => (t.clock.hasDue() ? t.clock.settle() : undefined)),
      )
    },
    tenantIds: () => [...credentialsOf.keys()],
    credentials: (tenantId = DEFAULT_TENANT) => {
      const c = credentialsOf.get(tenantId)
      if (!c) throw new SimError(404, 'unknown_tenant', `No tenant "${tenantId}"`)
      return c
    },
    tenantOf: (key) => credentialIndex.get(key) ?? tokenIndex.get(key),
  }

  /** A tenant already built (touched as used), without waiting a turn; else `undefined`. */
  const ready = (id: string): Tenant<S, C> | undefined => {
    const t = built.get(id)
    if (t) touch(id)
    return t
  }

  return { tenant, ready, control, exists: (id: string) => credentialsOf.has(id) }
}

/** Freeze a value and everything it holds (shared seed data must never be written in place). */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value]
  while (stack.length) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue
    Object.freeze(v)
    for (const child of Object.values(v)) stack.push(child)
  }
  return value
}
