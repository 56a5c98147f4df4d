import { readFileSync } from 'node:fs'

/**
 * The Digit schema the simulator serves, as SDL (names from the public integrations that call
 * the live API; the rest is a [proposal] listed in mocks/digit/LIMITATIONS.md). Read on first use.
 * @see https://api.digit-software.com/docs
 */
export const DIGIT_SDL_URL = new URL('./schema.graphql', import.meta.url)
let sdl: string | undefined
export const digitSdl = (): string =>
  (sdl ??= readFileSync(new URL('./schema.graphql', import.meta.url), 'utf8'))
