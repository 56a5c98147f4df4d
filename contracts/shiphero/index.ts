/** The ShipHero wire: the SDL the simulator serves, token, envelope, entity, error and webhook schemas, hosts. Loads no client. */
export * from './schemas.ts'
export { SHIPHERO_HOSTS } from './hosts.ts'
export { shipHeroSdl, SHIPHERO_SDL_URL } from './sdl.ts'
