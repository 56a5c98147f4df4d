// Part of `npm run build`: tsc rewrites `./x.ts` to `./x.js` in the JavaScript it emits
// (rewriteRelativeImportExtensions) but not in declaration files, where a consumer's tsc then
// refuses `.ts` paths (TS5097). Give the .d.ts files the same specifiers as the .js beside them.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dist = new URL('../dist', import.meta.url).pathname
const SPECIFIER = /((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]+?)\.ts(['"])/g
let changed = 0
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      if (name !== 'bundle') walk(path)
    } else if (name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8')
      const fixed = text.replace(SPECIFIER, '$1$2.js$3')
      if (fixed !== text) {
        writeFileSync(path, fixed)
        changed++
      }
    }
  }
}
walk(dist)
if (!changed) console.warn('declarations: no .ts specifier found (already rewritten?)')
