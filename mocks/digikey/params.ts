import { SimError, type SimContext, type SimEnv } from '../core/index.ts'
import type { DigiKeyCredentials, DigiKeyState } from './store.ts'

/** The Hono environment and context of DigiKey's routes. */
export type Env = SimEnv<DigiKeyState, DigiKeyCredentials>
export type Ctx = SimContext<DigiKeyState, DigiKeyCredentials>

/** A path id that must be a whole number (ASP.NET model binding's message when it is not). */
export function intParam(c: Ctx, name: string): number {
  const raw = c.req.param(name) ?? ''
  const n = Number(raw)
  if (!/^\d{1,10}$/.test(raw) || !Number.isSafeInteger(n))
    throw new SimError(400, '400', 'One or more validation errors occurred', {
      details: [{ field: name, message: `The value '${raw}' is not valid.` }],
    })
  return n
}
