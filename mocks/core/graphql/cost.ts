import {
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql'

/**
 * Query cost analysis from requested page sizes: every connection field costs
 * the rows it may return, multiplied by the rows of the connections it sits
 * in (100 orders × 100 line items = 10,000). Each root field also costs
 * `rootCost`. Vendors decide what a connection is and its default page size.
 */
export interface CostOptions {
  /** Is this field a paginated connection? Default: its type name ends in `Connection`. */
  isConnection?(field: GraphQLField<unknown, unknown>, type: GraphQLNamedType): boolean
  /** Rows assumed when neither `first` nor `last` is given. Default 100. */
  defaultPageSize?: number
  /**
   * Where a connection field's page size is: its own `first`/`last` arguments (Relay, the default
   * also looks here) or an input object argument (Digit's `connection: { first }`, found by default).
   */
  pageArgs?(args: Record<string, unknown>): { first?: unknown; last?: unknown }
  /** Credits of a root field on its own. Default 1. */
  rootCost?: number
}

export interface RootCost {
  /** The root field's name (`products`). */
  field: string
  /** Its response key (the alias, or the name). */
  key: string
  /** Upper bound of the credits it may cost. */
  cost: number
  /** Literal or variable arguments of the root field. */
  args: Record<string, unknown>
}

/** Read an argument's literal or variable value. */
export function argumentValue(
  node: ValueNode,
  variables: Record<string, unknown> | undefined,
): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables?.[node.name.value]
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value)
    case Kind.STRING:
    case Kind.ENUM:
      return node.value
    case Kind.BOOLEAN:
      return node.value
    case Kind.NULL:
      return null
    case Kind.LIST:
      return node.values.map((v) => argumentValue(v, variables))
    case Kind.OBJECT:
      return Object.fromEntries(
        node.fields.map((f) => [f.name.value, argumentValue(f.value, variables)]),
      )
  }
}

/**
 * Estimate each root field of an operation.
 * @example
 * estimateCost(schema, operation, fragments, variables) // [{ field: 'products', key: 'products', cost: 11, args: {} }]
 */
export function estimateCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Record<string, unknown> | undefined,
  options: CostOptions = {},
): RootCost[] {
  const defaultSize = options.defaultPageSize ?? 100
  const rootCost = options.rootCost ?? 1
  const isConnection = options.isConnection ?? ((_f, type) => type.name.endsWith('Connection'))
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType()
  if (!rootType) return []

  const pageArgs =
    options.pageArgs ??
    ((args: Record<string, unknown>) =>
      args.first !== undefined ||
      args.last !== undefined ||
      !args.connection ||
      typeof args.connection !== 'object'
        ? args
        : (args.connection as Record<string, unknown>))
  const pageSize = (all: Record<string, unknown>) => {
    const args = pageArgs(all)
    const first = typeof args.first === 'number' ? args.first : undefined
    const last = typeof args.last === 'number' ? args.last : undefined
    if (first === undefined && last === undefined) return defaultSize
    return Math.max(0, Math.min(first ?? Infinity, last ?? Infinity))
  }

  const argsOf = (node: {
    arguments?: ReadonlyArray<{ name: { value: string }; value: ValueNode }>
  }) => {
    const out: Record<string, unknown> = {}
    for (const a of node.arguments ?? []) out[a.name.value] = argumentValue(a.value, variables)
    return out
  }

  const skipped = (node: {
    directives?: ReadonlyArray<{
      name: { value: string }
      arguments?: ReadonlyArray<{ name: { value: string }; value: ValueNode }>
    }>
  }) => {
    for (const d of node.directives ?? []) {
      const ifArg = d.arguments?.find((a) => a.name.value === 'if')
      const value = ifArg ? argumentValue(ifArg.value, variables) : undefined
      if (d.name.value === 'skip' && value === true) return true
      if (d.name.value === 'include' && value === false) return true
    }
    return false
  }

  // Cost of a selection set under `multiplier` rows. Every term scales with the multiplier, so a
  // fragment's cost is computed once at one row and multiplied: linear in the document's size even
  // when fragments spread each other many times over. `open` guards cycles (validation forbids them).
  const fragmentCosts = new Map<string, number>()
  const open = new Set<string>()
  const fragmentCost = (name: string, type: GraphQLNamedType): number => {
    const known = fragmentCosts.get(name)
    if (known !== undefined) return known
    const fragment = fragments[name]
    if (!fragment || open.has(name)) return 0
    open.add(name)
    const cost = walk(
      fragment.selectionSet,
      schema.getType(fragment.typeCondition.name.value) ?? type,
      1,
    )
    open.delete(name)
    fragmentCosts.set(name, cost)
    return cost
  }
  const walk = (set: SelectionSetNode, type: GraphQLNamedType, multiplier: number): number => {
    let total = 0
    for (const sel of set.selections) {
      if (skipped(sel)) continue
      if (sel.kind === Kind.FIELD) {
        if (!sel.selectionSet || !(isObjectType(type) || isInterfaceType(type))) continue
        const field = type.getFields()[sel.name.value]
        if (!field) continue
        const named = getNamedType(field.type)
        let rows = multiplier
        if (isConnection(field as GraphQLField<unknown, unknown>, named)) {
          rows = multiplier * pageSize(argsOf(sel))
          total += rows
        }
        total += walk(sel.selectionSet, named, rows)
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const t = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) ?? type) : type
        total += walk(sel.selectionSet, t, multiplier)
      } else {
        total += multiplier * fragmentCost(sel.name.value, type)
      }
    }
    return total
  }

  const roots: RootCost[] = []
  const collect = (set: SelectionSetNode, seen: Set<string>) => {
    for (const sel of set.selections) {
      if (skipped(sel)) continue
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue
        const field = rootType.getFields()[sel.name.value]
        if (!field) continue
        const args = argsOf(sel)
        const named = getNamedType(field.type)
        let cost = rootCost
        let rows = 1
        if (isConnection(field as GraphQLField<unknown, unknown>, named)) {
          rows = pageSize(args)
          cost += rows
        }
        if (sel.selectionSet) cost += walk(sel.selectionSet, named, rows)
        roots.push({ field: sel.name.value, key: sel.alias?.value ?? sel.name.value, cost, args })
      } else if (sel.kind === Kind.INLINE_FRAGMENT) collect(sel.selectionSet, seen)
      else {
        const fragment = fragments[sel.name.value]
        if (fragment && !seen.has(sel.name.value))
          collect(fragment.selectionSet, new Set(seen).add(sel.name.value))
      }
    }
  }
  collect(operation.selectionSet, new Set())
  return roots
}

const costCache = new WeakMap<OperationDefinitionNode, Map<string, readonly RootCost[]>>()

/**
 * `estimateCost`, kept with the cached document: an operation that declares no variables costs
 * the same every time, so it is analysed once (per page-size setting) and reused. One that takes
 * variables is analysed on each request, since `first: $n` decides its cost.
 */
export function cachedCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
  variables: Record<string, unknown> | undefined,
  options: CostOptions = {},
): readonly RootCost[] {
  if (operation.variableDefinitions?.length)
    return estimateCost(schema, operation, fragments, variables, options)
  const key = `${options.defaultPageSize ?? ''}|${options.rootCost ?? ''}`
  let byOptions = costCache.get(operation)
  if (!byOptions) costCache.set(operation, (byOptions = new Map()))
  let costs = byOptions.get(key)
  if (!costs) {
    costs = Object.freeze(estimateCost(schema, operation, fragments, undefined, options))
    byOptions.set(key, costs)
  }
  return costs
}
