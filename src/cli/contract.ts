import { inspect } from 'node:util'
import { runSuite, simulatorTarget, type CaseResult } from '../../contracts/harness/index.ts'
import { SUITES } from '../../contracts/harness/registry.ts'
import { UsageError, type ContractArgs } from './args.ts'

/**
 * `vendorsim contract`: run a vendor's contract suite outside this repository,
 * against a running simulator (`--target http --base-url ...`) or the vendor's
 * live sandbox (`--target live`, credentials from the environment).
 * Prints one line per case and a closing `N passed, N failed, N skipped`;
 * exits 1 when a case failed.
 */
export async function runContract(args: ContractArgs, env: NodeJS.ProcessEnv): Promise<number> {
  const entry = SUITES[args.vendor]
  if (!entry)
    throw new UsageError(
      `no contract suite for "${args.vendor}"; available: ${Object.keys(SUITES).join(', ')}`,
    )
  const target =
    args.target === 'live'
      ? entry.live(env, { allowProduction: args.allowProduction })
      : simulatorTarget(args.target, args.baseUrl!, (i, init) => globalThis.fetch(i, init))
  if (typeof target === 'string') {
    console.log(target)
    console.log('0 passed, 0 failed, 0 skipped')
    return 0
  }
  console.log(
    `${args.vendor} contract suite → ${args.target} ${target.baseUrl}${target.name === 'live' && !target.writes ? ' (read-only)' : ''}`,
  )
  const print = (r: CaseResult) => {
    if (r.outcome === 'passed') console.log(`  ✓ ${r.name} (${Math.round(r.ms)} ms)`)
    else if (r.outcome === 'skipped') console.log(`  - ${r.name} (skipped: ${r.reason})`)
    else
      console.log(
        `  ✗ ${r.name}\n      ${(r.error instanceof Error ? r.error.message : inspect(r.error)).split('\n').join('\n      ')}`,
      )
  }
  const results = await runSuite(entry.suite, target, print)
  await target.close?.()
  const count = (o: CaseResult['outcome']) => results.filter((r) => r.outcome === o).length
  console.log(`\n${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`)
  return count('failed') > 0 ? 1 : 0
}
