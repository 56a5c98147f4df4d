import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql'

/**
 * How deep and how wide a GraphQL request is: a bound on the text before parsing, and the
 * measures of a parsed document the document cache checks against its limits.
 */

/** The deepest `{` nesting of a query text, outside strings and comments (a cheap guard before the recursive parser). */
export function braceDepth(text: string): number {
  let depth = 0
  let max = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '#') {
      while (i < text.length && text[i] !== '\n') i++
    } else if (ch === '"') {
      const block = text.startsWith('"""', i)
      const end = block ? text.indexOf('"""', i + 3) : -1
      if (block) i = end === -1 ? text.length : end + 2
      else
        for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++)
          if (text[i] === '\\') i++
    } else if (ch === '{') max = Math.max(max, ++depth)
    else if (ch === '}') depth--
  }
  return max
}

/**
 * Selection depth and the number of field selections of every operation, fragments
 * expanded (each fragment measured once: linear in the document however often it is spread).
 */
export function measure(document: DocumentNode, fragments: Record<string, FragmentDefinitionNode>) {
  const memo = new Map<string, { depth: number; fields: number }>()
  const open = new Set<string>()
  const walk = (set: SelectionSetNode | undefined): { depth: number; fields: number } => {
    let depth = 0
    let fields = 0
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) {
        const inner = walk(sel.selectionSet)
        fields += 1 + inner.fields
        depth = Math.max(depth, 1 + inner.depth)
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const inner = walk(sel.selectionSet)
        fields += inner.fields
        depth = Math.max(depth, inner.depth)
      } else {
        const name = sel.name.value
        let inner = memo.get(name)
        if (!inner) {
          if (open.has(name) || !fragments[name]) continue
          open.add(name)
          inner = walk(fragments[name].selectionSet)
          open.delete(name)
          memo.set(name, inner)
        }
        fields += inner.fields
        depth = Math.max(depth, inner.depth)
      }
    }
    return { depth, fields }
  }
  let depth = 0
  let fields = 0
  for (const d of document.definitions) {
    if (d.kind !== Kind.OPERATION_DEFINITION) continue
    const m = walk(d.selectionSet)
    depth = Math.max(depth, m.depth)
    fields = Math.max(fields, m.fields)
  }
  return { depth, fields }
}
