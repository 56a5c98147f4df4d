/** The Digit wire: the SDL the simulator serves, permissions, response, error and token-record schemas, hosts. Loads no client. */
export * from './schemas.ts'
export { DIGIT_HOSTS } from './hosts.ts'
export { digitSdl, DIGIT_SDL_URL } from './sdl.ts'
export {
  DIGIT_PERMISSIONS,
  DIGIT_PERMISSION_KEYS,
  permissionKey,
  type DigitPermission,
} from './permissions.ts'
