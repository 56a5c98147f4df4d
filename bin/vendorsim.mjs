#!/usr/bin/env node
// The vendorsim command: runs the compiled server bundle (dist/bundle/server.js, made by
// `npm run build`); in a checkout that has not been built, the TypeScript sources through tsx.
import { existsSync } from 'node:fs'

const bundle = new URL('../dist/bundle/server.js', import.meta.url)
let main
if (existsSync(bundle)) ({ main } = await import(bundle.href))
else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../server.ts'))
}
process.exit(await main(process.argv.slice(2)))
