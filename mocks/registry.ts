import type { VendorDefinition } from './core/index.ts'
import { digikey } from './digikey/index.ts'
import { digipix } from './digipix/index.ts'
import { shiphero } from './shiphero/index.ts'

/** Every vendor vendorsim simulates. Adding a vendor is one line here. */
export const VENDORS: Record<string, VendorDefinition<any, any>> = {
  digipix,
  digikey,
  shiphero,
}
