import { afterAll, beforeAll, describe, it } from 'vitest'
import { skipReason, type ContractTarget, type TargetName } from '../../contracts/harness/index.ts'
import { SUITES } from '../../contracts/harness/registry.ts'
import { createTarget } from './targets.ts'

/**
 * Register a vendor's contract suite on one target as vitest tests. The live
 * target is skipped, with its reason in the test name, when its environment
 * variables are absent.
 */
export function defineContractTests(vendorId: string, targetName: TargetName) {
  const { suite, live } = SUITES[vendorId]!
  if (targetName === 'live') {
    const probe = live(process.env, {})
    if (typeof probe === 'string') {
      console.log(probe)
      describe.skip(`${vendorId} contract on live — ${probe}`, () => {
        it('skipped', () => undefined)
      })
      return
    }
  }
  describe(`${vendorId} contract on ${targetName}`, () => {
    let target: ContractTarget<any>
    beforeAll(async () => {
      const t = await createTarget(vendorId, targetName)
      if (typeof t === 'string') throw new Error(t)
      target = t
    }, 30_000)
    afterAll(async () => {
      await target?.close?.()
    })
    for (const c of suite.cases) {
      it(c.name, async (ctx) => {
        const reason = skipReason(c, target)
        if (reason) return ctx.skip(reason)
        await c.run(await suite.context(target, await target.credentials()))
      })
    }
  })
}
