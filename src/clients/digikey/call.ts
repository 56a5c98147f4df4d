import type { z } from 'zod'
import type { RequestInput } from '../../core/index.ts'

/** One DigiKey call with a 2- or 3-legged token and the X-DIGIKEY-* headers; resolves to the parsed body. */
export type Call = <T extends z.ZodType>(
  legs: 2 | 3,
  method: RequestInput<T>['method'],
  path: string,
  schema: T,
  extra?: { query?: Record<string, string | number | boolean | undefined>; json?: unknown },
) => Promise<z.output<T>>

export const seg = (v: number | string) => encodeURIComponent(String(v))
