import { createSim, type Sim, type VendorDefinition } from '../../mocks/core/index.ts'
import type { Profile } from './profile-kit.ts'
import { digikey } from './profiles/digikey.ts'
import { digipix } from './profiles/digipix.ts'
import { digit } from './profiles/digit.ts'
import { shiphero } from './profiles/shiphero.ts'
import { stitchex } from './profiles/stitchex.ts'

export type { BadCredential, Profile, Session } from './profile-kit.ts'

/** Each vendor's profile (one file each under `profiles/`): see `profile-kit.ts` for what one holds. */
export const PROFILES: Record<string, Profile> = { digipix, shiphero, digikey, digit, stitchex }

/** The vendor routes of a simulator (its route table, without control routes). */
export function vendorRoutes(sim: Sim<any, any>): Array<{ method: string; path: string }> {
  const seen = new Set<string>()
  const out: Array<{ method: string; path: string }> = []
  for (const r of sim.app.routes) {
    if (r.method === 'ALL' || r.path.startsWith('/_sandbox') || r.path.includes('*')) continue
    const key = `${r.method} ${r.path}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ method: r.method, path: r.path })
  }
  return out
}

/** A path with its `:params` filled. */
export const fill = (path: string, value: (name: string) => string) =>
  path.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(value(name)))

export const newSim = (vendor: VendorDefinition<any, any>) =>
  createSim(vendor, { seed: 'robustness', webhooks: { mode: 'record' } })

/** A POST of a raw body (text, or a stream sent as it comes) with its content type. */
export const post = (
  headers: Record<string, string>,
  body: BodyInit,
  type = 'application/json',
) => ({
  method: 'POST',
  headers: { ...headers, 'content-type': type },
  body,
  duplex: 'half' as const,
})
