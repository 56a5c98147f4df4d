// Part of `npm run build`: the files the compiled modules read beside themselves
// (each vendor's LIMITATIONS.md, ShipHero's SDL) go to the same places under dist/.
import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const copy = (dir) => {
  for (const name of readdirSync(join(root, dir))) {
    const path = join(dir, name)
    if (statSync(join(root, path)).isDirectory()) copy(path)
    else if (/\.(md|graphql)$/.test(name)) {
      mkdirSync(dirname(join(root, 'dist', path)), { recursive: true })
      copyFileSync(join(root, path), join(root, 'dist', path))
    }
  }
}
for (const dir of ['mocks', 'contracts']) copy(dir)
