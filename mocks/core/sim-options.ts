import type { ClockOptions } from './clock.ts'

/** How a simulator runs: its seed, clock, webhooks, limits and control-plane token. */
export interface SimOptions {
  /** Seed for every id and every generated value. Default `vendorsim`. */
  seed?: string | number
  /** Clock mode and start for every tenant. Default frozen at 2026-01-05T09:00:00Z. */
  clock?: ClockOptions
  webhooks?: {
    /** `deliver` POSTs over HTTP (default); `record` only records. */
    mode?: 'deliver' | 'record'
    fetch?: typeof fetch
    timeoutMs?: number
  }
  /** Real-time sleep used by latency faults. */
  sleep?: (ms: number) => Promise<void>
  /**
   * A path prefix the simulator is mounted under (`/digipix` on the server): stripped
   * before routing, without rebuilding the request.
   */
  basePath?: string
  /**
   * When set, every `/_sandbox` route requires it (`Authorization: Bearer <token>` or
   * `x-vendorsim-admin: <token>`). Unset, the control plane is open (fine on loopback for one developer).
   */
  adminToken?: string
  /** Minted tenants kept at most (default 1,000); past it the least recently used is evicted. The default tenant is never evicted. */
  maxTenants?: number
  /** Largest request body accepted, in bytes (default 1 MiB); larger ones answer 413 in the vendor's envelope. */
  maxBodyBytes?: number
  /** Where unexpected errors are reported (they are also answered as the vendor's 500). */
  onUnexpectedError?: (err: unknown) => void
}
