import { writeFileSync } from 'node:fs'
import { inspect } from 'node:util'
import { networkErrorText } from '../../contracts/shared/network.ts'
import { runSuite, simulatorTarget, type CaseResult } from '../../contracts/harness/index.ts'
import { SUITES } from '../../contracts/harness/registry.ts'
import { UsageError, type ContractArgs } from './args.ts'

/**
 * `vendorsim contract`: run a vendor's contract suite outside this repository,
 * against a running simulator (`--target http --base-url ...`) or the vendor's
 * live sandbox (`--target live`, credentials from the environment).
 * Prints one line per case and a closing `N passed, N failed, N skipped`;
 * exits 1 when a case failed, or when no case could run (unless `--allow-empty`).
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
    report(args, [])
    if (args.allowEmpty) return 0
    console.error('vendorsim: no case ran (pass --allow-empty to accept that)')
    return 1
  }
  if (target.name !== 'live') {
    const problem = await checkSimulator(target.baseUrl, args.vendor, env)
    if (problem) {
      console.error(`vendorsim: ${problem}`)
      return 1
    }
  }
  console.log(
    `${args.vendor} contract suite → ${args.target} ${target.baseUrl}${target.name === 'live' && !target.writes ? ' (read-only)' : ''}`,
  )
  const print = (r: CaseResult) => {
    if (r.outcome === 'passed') console.log(`  ✓ ${r.name} (${Math.round(r.ms)} ms)`)
    else if (r.outcome === 'skipped') console.log(`  - ${r.name} (skipped: ${r.reason})`)
    else console.log(`  ✗ ${r.name}\n      ${errorText(r.error).split('\n').join('\n      ')}`)
  }
  const results = await runSuite(entry.suite, target, print)
  await target.close?.()
  const count = (o: CaseResult['outcome']) => results.filter((r) => r.outcome === o).length
  console.log(`\n${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`)
  report(args, results)
  if (count('failed') > 0) return 1
  if (count('passed') === 0 && !args.allowEmpty) {
    console.error('vendorsim: no case ran (pass --allow-empty to accept that)')
    return 1
  }
  return 0
}

const errorText = (err: unknown) =>
  err instanceof Error
    ? `${err.message}${err.cause instanceof Error ? `\n(cause: ${networkErrorText(err.cause)})` : ''}`
    : inspect(err)

/** Before 20 identical failures: does a simulator of this vendor answer at the base URL? */
async function checkSimulator(
  baseUrl: string,
  vendor: string,
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  const url = `${baseUrl.replace(/\/+$/, '')}/_sandbox`
  let res: Response
  try {
    res = await fetch(url, {
      headers: env.VENDORSIM_ADMIN_TOKEN ? { 'x-vendorsim-admin': env.VENDORSIM_ADMIN_TOKEN } : {},
      signal: AbortSignal.timeout(5000),
    })
  } catch (err) {
    return `nothing answers at ${baseUrl}: ${networkErrorText(err)} (start one with: vendorsim serve)`
  }
  if (res.status === 401)
    return `${baseUrl} requires its admin token on /_sandbox routes: set VENDORSIM_ADMIN_TOKEN`
  const body = (await res.json().catch(() => undefined)) as { vendor?: unknown } | undefined
  if (!res.ok || typeof body?.vendor !== 'string')
    return `${baseUrl} does not look like a vendorsim simulator (GET ${url} answered ${res.status}); --base-url is the vendor's base, e.g. http://127.0.0.1:4010/${vendor}`
  if (body.vendor !== vendor)
    return `${baseUrl} is the ${body.vendor} simulator, not ${vendor}: use --base-url …/${vendor} or --vendor ${body.vendor}`
  return undefined
}

const xml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  )

/** `--reporter junit|json`: a report file CI systems read (JUnit XML, or the results as JSON). */
function report(args: ContractArgs, results: CaseResult[]) {
  if (!args.reporter) return
  const file =
    args.output ?? `contract-${args.vendor}.${args.reporter === 'junit' ? 'xml' : 'json'}`
  const count = (o: CaseResult['outcome']) => results.filter((r) => r.outcome === o).length
  if (args.reporter === 'json') {
    const cases = results.map((r) => ({
      name: r.name,
      outcome: r.outcome,
      ms: Math.round(r.ms),
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.outcome === 'failed' ? { error: errorText(r.error) } : {}),
    }))
    const summary = { passed: count('passed'), failed: count('failed'), skipped: count('skipped') }
    writeFileSync(
      file,
      `${JSON.stringify({ vendor: args.vendor, target: args.target, ...summary, cases }, null, 2)}\n`,
    )
  } else {
    const seconds = results.reduce((s, r) => s + r.ms, 0) / 1000
    const cases = results.map((r) => {
      const head = `    <testcase classname="vendorsim.${xml(args.vendor)}.${args.target}" name="${xml(r.name)}" time="${(r.ms / 1000).toFixed(3)}"`
      if (r.outcome === 'passed') return `${head}/>`
      if (r.outcome === 'skipped')
        return `${head}><skipped message="${xml(r.reason ?? '')}"/></testcase>`
      const text = errorText(r.error)
      return `${head}><failure message="${xml(text.split('\n')[0]!)}">${xml(text)}</failure></testcase>`
    })
    writeFileSync(
      file,
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites tests="${results.length}" failures="${count('failed')}" skipped="${count('skipped')}" time="${seconds.toFixed(3)}">`,
        `  <testsuite name="vendorsim ${xml(args.vendor)} contract (${args.target})" tests="${results.length}" failures="${count('failed')}" skipped="${count('skipped')}" time="${seconds.toFixed(3)}">`,
        ...cases,
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    )
  }
  console.log(`report: ${file}`)
}
