// Part of `npm run build`: the server as one ESM bundle (dist/bundle/server.js, each vendor and
// the contract suites in chunks loaded on first use). `npm start` and the `vendorsim` command run
// it: a server that reads one file per vendor instead of hundreds of modules starts in about half
// the time. Files the sources read beside themselves (LIMITATIONS.md, the SDLs) are inlined.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { build } from 'esbuild'

const root = new URL('..', import.meta.url).pathname
const ASSET =
  /readFileSync\(new URL\('\.\/([\w.-]+\.(?:md|graphql))', import\.meta\.url\), 'utf8'\)/g

/** `readFileSync(new URL('./X.md', import.meta.url), 'utf8')` → the text of X.md. */
const inlineAssets = {
  name: 'inline-assets',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes('node_modules')) return undefined
      const source = readFileSync(args.path, 'utf8')
      if (!ASSET.test(source)) return undefined
      ASSET.lastIndex = 0
      const contents = source.replace(ASSET, (_, file) =>
        JSON.stringify(readFileSync(join(dirname(args.path), file), 'utf8')),
      )
      return { contents, loader: 'ts' }
    })
  },
}

/**
 * graphql-jit imports fast-json-stringify (and with it ajv) for its `customJSONSerializer`
 * option, which vendorsim never sets: the bundle carries a stub instead of ~1 MB that every
 * start would compile for nothing.
 */
const withoutFastJson = {
  name: 'without-fast-json-stringify',
  setup(b) {
    b.onResolve({ filter: /^fast-json-stringify$/ }, () => ({
      path: 'fast-json-stringify',
      namespace: 'stub',
    }))
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents:
        "export default function fastJson() { throw new Error('fast-json-stringify is not in the vendorsim bundle (compileQuery runs without customJSONSerializer)') }",
      loader: 'js',
    }))
  },
}

/**
 * zod's `z.locales` re-exports every language's messages (~340 KB the server would compile at each
 * start); vendorsim answers in English only, so the bundle keeps `en` (zod's default) alone.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'zod')}`)
        ? { path: join(dirname(args.importer), '../locales/index.js'), namespace: 'zod-locales' }
        : undefined,
    )
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))}`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }))
  },
}

// Chunk names change with their contents: last build's would otherwise stay (and ship).
rmSync(join(root, 'dist/bundle'), { recursive: true, force: true })
await build({
  entryPoints: [join(root, 'server.ts')],
  outdir: join(root, 'dist/bundle'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // A few dependencies are CommonJS: give the bundle the `require` they expect.
  banner: {
    js: "import { createRequire as __vendorsimRequire } from 'node:module'; const require = __vendorsimRequire(import.meta.url);",
  },
  plugins: [inlineAssets, withoutFastJson, zodEnglishOnly],
})

// esbuild escapes non-ASCII in code (its default charset) but keeps comments as written: one
// character outside ASCII (a dash in a dependency's comment) makes Node decode a whole chunk the
// slow way and V8 hold its source as two bytes per character (the zod chunk: ~0.7 MiB, not ~0.35).
for (const name of readdirSync(join(root, 'dist/bundle'))) {
  const file = join(root, 'dist/bundle', name)
  const text = readFileSync(file, 'utf8')
  const ascii = text.replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  if (ascii !== text) writeFileSync(file, ascii)
}
