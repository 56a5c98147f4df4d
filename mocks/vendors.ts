import { loadVendors } from './registry.ts'

/** Every vendor definition, loaded (for the MSW face and tests, which need them all at once). */
export const VENDORS = await loadVendors()
