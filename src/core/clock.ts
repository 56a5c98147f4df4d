/** What the clients need of time: now, and a way to wait. Inject a virtual one in tests. */
export interface ClientClock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: ClientClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}
