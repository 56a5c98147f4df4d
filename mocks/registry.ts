import type { VendorDefinition } from './core/index.ts'

/** A vendor as the server lists it before loading it: what `GET /` shows, and how to load the definition. */
export interface VendorEntry {
  title: string
  protocol: 'rest' | 'graphql'
  load(): Promise<VendorDefinition<any, any>>
}

/**
 * Every vendor vendorsim simulates. Adding a vendor is one line here. Definitions load on
 * first use, so a server answers before every vendor's schemas, fixtures and libraries are in.
 */
export const REGISTRY: Record<string, VendorEntry> = {
  digit: {
    title: 'Digit',
    protocol: 'graphql',
    load: async () => (await import('./digit/index.ts')).digit,
  },
  digipix: {
    title: 'Digipix',
    protocol: 'rest',
    load: async () => (await import('./digipix/index.ts')).digipix,
  },
  digikey: {
    title: 'DigiKey',
    protocol: 'rest',
    load: async () => (await import('./digikey/index.ts')).digikey,
  },
  stitchex: {
    title: 'Stitchex',
    protocol: 'rest',
    load: async () => (await import('./stitchex/index.ts')).stitchex,
  },
  shiphero: {
    title: 'ShipHero',
    protocol: 'graphql',
    load: async () => (await import('./shiphero/index.ts')).shiphero,
  },
}

/** Load the definitions of `ids` (default: every vendor). */
export async function loadVendors(
  ids: readonly string[] = Object.keys(REGISTRY),
): Promise<Record<string, VendorDefinition<any, any>>> {
  return Object.fromEntries(
    await Promise.all(ids.map(async (id) => [id, await REGISTRY[id]!.load()] as const)),
  )
}
