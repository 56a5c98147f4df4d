import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/** The source tree as the architecture test reads it: files, and what each loads. */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** The `.ts` files under `dir` (relative to the root), recursively. */
export function files(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name)
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...files(path))
    else if (path.endsWith('.ts')) out.push(path)
  }
  return out
}

/**
 * The modules a file loads when it is evaluated: its static imports and re-exports that bring
 * values (type-only ones are erased), followed through relative paths. Dynamic `import()` is
 * not followed: that is how a module loads something later.
 */
export function loadedWith(entry: string): { files: Set<string>; packages: Map<string, string> } {
  const seen = new Set<string>()
  /** Each package reached, with the chain of files that loads it. */
  const packages = new Map<string, string>()
  const visit = (file: string, chain: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = ts.createSourceFile(
      file,
      readFileSync(join(ROOT, file), 'utf8'),
      ts.ScriptTarget.Latest,
    )
    for (const st of source.statements) {
      let spec: string | undefined
      if (ts.isImportDeclaration(st)) {
        const clause = st.importClause
        const bindings = clause?.namedBindings
        const onlyTypes =
          clause?.isTypeOnly ||
          (clause &&
            !clause.name &&
            bindings &&
            ts.isNamedImports(bindings) &&
            bindings.elements.length > 0 &&
            bindings.elements.every((e) => e.isTypeOnly))
        if (!onlyTypes) spec = (st.moduleSpecifier as ts.StringLiteral).text
      } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && !st.isTypeOnly) {
        const clause = st.exportClause
        if (!(clause && ts.isNamedExports(clause) && clause.elements.every((e) => e.isTypeOnly)))
          spec = (st.moduleSpecifier as ts.StringLiteral).text
      }
      if (spec === undefined) continue
      if (spec.startsWith('.')) {
        const target = relative(ROOT, resolve(ROOT, dirname(file), spec))
        visit(target, `${chain} → ${target}`)
      } else if (!packages.has(spec)) packages.set(spec, chain)
    }
  }
  visit(entry, entry)
  return { files: seen, packages }
}

/**
 * The import circles of a graph (file → the files it imports): each strongly connected group of
 * more than one file, or a file importing itself (Tarjan's algorithm), members sorted.
 */
export function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const out: string[][] = []
  const visit = (v: string) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) !== index.get(v)) return
    const group: string[] = []
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w)
      group.push(w)
      if (w === v) break
    }
    if (group.length > 1 || graph.get(v)?.includes(v)) out.push(group.sort())
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return out
}

/** What a file imports, as written: static and type imports, re-exports and `import()`. */
export function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName)
}

/** Each of `sources` and the files among them it imports (type imports and `import()` included). */
export function importGraph(sources: readonly string[]): Map<string, string[]> {
  const known = new Set(sources)
  return new Map(
    sources.map((file) => [
      file,
      imports(file)
        .filter((spec) => spec.startsWith('.'))
        .map((spec) => relative(ROOT, resolve(ROOT, dirname(file), spec)))
        .filter((target) => known.has(target)),
    ]),
  )
}
