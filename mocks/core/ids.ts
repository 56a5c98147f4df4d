/**
 * Seeded randomness and vendor id formats. Nothing in a simulator reads the
 * global random source: every id and every generated value comes from a generator
 * derived from the sim seed and a stable label (tenant id, collection name), so
 * the same seed gives the same data whatever else ran before.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  /** A string of `length` characters drawn from `alphabet`. */
  string(length: number, alphabet: string): string
  /** Derive an independent generator for a sub-purpose. */
  fork(label: string): Rng
  /** A 32-bit seed for libraries that take one (faker). */
  seed(): number
}

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
export const HEX = '0123456789abcdef'
export const DIGITS = '0123456789'

/**
 * Base64 of a text's UTF-8 bytes. Relay ids and cursors are ASCII, which `btoa` encodes without
 * a Buffer (several times cheaper, and they are made per field per row); other text goes
 * through Buffer (`btoa` would take its Latin-1 letters as single bytes).
 */
export function base64(text: string): string {
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) > 127) return Buffer.from(text, 'utf8').toString('base64')
  return btoa(text)
}

/** cyrb128: a small, well-distributed string hash giving four 32-bit words. */
function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703,
    h2 = 3144134277,
    h3 = 1013904242,
    h4 = 2773480762
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i)
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
  h1 ^= h2 ^ h3 ^ h4
  h2 ^= h1
  h3 ^= h1
  h4 ^= h1
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0]
}

/**
 * Create a seeded generator (sfc32 over a cyrb128 hash of the seed text).
 * @example
 * const rng = createRng('42:default')
 * rng.string(20, BASE62) // the same 20 characters for the same seed, every run
 */
export function createRng(seed: string | number): Rng {
  const key = String(seed)
  let [a, b, c, d] = hash128(key)
  const next = () => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list')
      return items[Math.floor(next() * items.length)]!
    },
    string: (length, alphabet) => {
      let out = ''
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)]
      return out
    },
    fork: (label) => createRng(`${key}/${label}`),
    seed: () => Math.floor(next() * 2 ** 31),
  }
  return rng
}

/** Common id shapes, drawn from a generator. */
export function createIdFactory(rng: Rng) {
  return {
    /** 20-character base62, like Firestore auto-ids (Digipix). */
    autoId: () => rng.string(20, BASE62),
    hex: (length: number) => rng.string(length, HEX),
    digits: (length: number) => rng.string(1, '123456789') + rng.string(length - 1, DIGITS),
    uuid: () => {
      const h = rng.string(32, HEX)
      const variant = HEX[8 + Math.floor(rng.next() * 4)]
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`
    },
    /**
     * A UUIDv7 (RFC 9562): the 48-bit millisecond time comes from the caller (the tenant
     * clock), the 74 random bits from the seed, so ids sort by creation time and repeat per seed.
     * @see https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-7
     */
    uuidv7: (ms: number) => {
      const time = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12)
      const h = rng.string(19, HEX)
      const variant = HEX[8 + Math.floor(rng.next() * 4)]
      return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${h.slice(0, 3)}-${variant}${h.slice(3, 6)}-${h.slice(6, 18)}`
    },
    /** A Clerk-style id: `prefix` + 27 base62 characters (`org_2q7ijyFawxyztIITFUnD8l2bjkp`). */
    clerkId: (prefix = 'org_') => prefix + rng.string(27, BASE62),
    /** An opaque 64-hex-character token (Doorkeeper's access and refresh tokens). */
    token64: () => rng.string(64, HEX),
  }
}
export type IdFactory = ReturnType<typeof createIdFactory>
