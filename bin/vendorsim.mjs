#!/usr/bin/env node
// The vendorsim command: runs the compiled server bundle (dist/bundle/server.js, made by
// `npm run build`); in a checkout that has not been built (or with VENDORSIM_FROM_SOURCE=1), the
// TypeScript sources through tsx.
import { existsSync } from 'node:fs'

const bundle = new URL('../dist/bundle/server.js', import.meta.url)
let main
if (existsSync(bundle) && process.env.VENDORSIM_FROM_SOURCE !== '1')
  ({ main } = await import(bundle.href))
else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../server.ts'))
}
process.exit(await main(process.argv.slice(2)))
