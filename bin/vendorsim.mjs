#!/usr/bin/env node
// The vendorsim command: runs server.ts through tsx (Node 20 cannot load TypeScript itself).
import { register } from 'tsx/esm/api'
register()
const { main } = await import('../server.ts')
process.exit(await main(process.argv.slice(2)))
