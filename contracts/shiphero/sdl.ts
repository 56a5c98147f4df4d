import { readFileSync } from 'node:fs'

/**
 * The ShipHero schema the simulator serves, as SDL: a strict subset of ShipHero's
 * public schema (every type, field, argument and enum value is ShipHero's own, with
 * the same types and nullability). Read on first use.
 * @see https://developer.shiphero.com/schema/
 */
export const SHIPHERO_SDL_URL = new URL('./schema.graphql', import.meta.url)
let sdl: string | undefined
export const shipHeroSdl = (): string =>
  (sdl ??= readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'))
