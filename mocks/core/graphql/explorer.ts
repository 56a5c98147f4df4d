/**
 * A GraphQL explorer page, self-contained (no CDN, no external script or style): a query and a
 * variables editor, the `Authorization` header, a Run button (Ctrl/Cmd+Enter), the answer with
 * its HTTP status, and a schema browser built from introspection (which may need the token).
 * Served by GraphQL vendors at their docs path.
 */
export interface ExplorerOptions {
  /** Page title: `Digit API explorer`. */
  title: string
  /** The endpoint the page posts to, relative to the page (`graphql`) or absolute. */
  endpoint: string
  /** Placeholder of the Authorization field: `Bearer da_…`. */
  authorizationHint: string
  /** The query the editor starts with. */
  query: string
  /** A warning shown above the editor (the vendor's own caution about real accounts). */
  note?: string
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  )

/** JSON for an inline script: `<`, `>` and `&` escaped, so no text can close the script element. */
const scriptJson = (v: unknown) =>
  JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')

const SCRIPT = `
const cfg = JSON.parse(document.getElementById('cfg').textContent)
const $ = (id) => document.getElementById(id)
const auth = $('auth'), query = $('query'), vars = $('vars'), out = $('out'), status = $('status'), types = $('types'), detail = $('detail')
auth.value = sessionStorage.getItem('vendorsim-auth') || ''
query.value = sessionStorage.getItem('vendorsim-query') || cfg.query
vars.value = sessionStorage.getItem('vendorsim-vars') || ''
async function post(body) {
  sessionStorage.setItem('vendorsim-auth', auth.value)
  const headers = { 'content-type': 'application/json' }
  if (auth.value.trim()) headers.authorization = auth.value.trim()
  const res = await fetch(cfg.endpoint, { method: 'POST', headers, body: JSON.stringify(body) })
  const text = await res.text()
  let json
  try { json = JSON.parse(text) } catch { json = undefined }
  return { res, text, json }
}
async function run() {
  sessionStorage.setItem('vendorsim-query', query.value)
  sessionStorage.setItem('vendorsim-vars', vars.value)
  let variables
  if (vars.value.trim()) {
    try { variables = JSON.parse(vars.value) } catch (e) { status.textContent = 'Variables are not valid JSON: ' + e.message; return }
  }
  status.textContent = 'Running…'
  try {
    const { res, text, json } = await post({ query: query.value, variables })
    status.textContent = 'HTTP ' + res.status + (res.headers.get('retry-after') ? ' · Retry-After ' + res.headers.get('retry-after') + ' s' : '')
    out.textContent = json === undefined ? text : JSON.stringify(json, null, 2)
  } catch (e) { status.textContent = 'Request failed: ' + e.message }
}
const INTROSPECT = '{ __schema { queryType { name } mutationType { name } types { name kind description fields { name description type { ...T } args { name type { ...T } } } inputFields { name type { ...T } } enumValues { name } } } } fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }'
const typeName = (t) => t.kind === 'NON_NULL' ? typeName(t.ofType) + '!' : t.kind === 'LIST' ? '[' + typeName(t.ofType) + ']' : t.name
const named = (t) => t.ofType ? named(t.ofType) : t.name
let schema
function show(name) {
  const t = schema.types.find((x) => x.name === name)
  if (!t) return
  detail.replaceChildren()
  const h = document.createElement('h3'); h.textContent = t.name + ' (' + t.kind.toLowerCase() + ')'; detail.append(h)
  if (t.description) { const p = document.createElement('p'); p.textContent = t.description; detail.append(p) }
  const rows = t.fields || t.inputFields || (t.enumValues || []).map((v) => ({ name: v.name }))
  for (const f of rows) {
    const div = document.createElement('div'); div.className = 'field'
    const args = f.args && f.args.length ? '(' + f.args.map((a) => a.name + ': ' + typeName(a.type)).join(', ') + ')' : ''
    div.append(f.name + args + (f.type ? ': ' : ''))
    if (f.type) { const a = document.createElement('a'); a.href = '#'; a.textContent = typeName(f.type); a.onclick = (e) => { e.preventDefault(); show(named(f.type)) }; div.append(a) }
    if (f.description) { const d = document.createElement('div'); d.className = 'desc'; d.textContent = f.description; div.append(d) }
    detail.append(div)
  }
}
async function load() {
  types.textContent = 'Loading…'
  const { res, json } = await post({ query: INTROSPECT })
  if (!json || !json.data) { types.textContent = 'HTTP ' + res.status + ': ' + ((json && json.errors && json.errors[0].message) || 'no schema') + ' (set the Authorization header first)'; return }
  schema = json.data.__schema
  types.replaceChildren()
  const roots = [schema.queryType && schema.queryType.name, schema.mutationType && schema.mutationType.name].filter(Boolean)
  const rest = schema.types.filter((t) => !t.name.startsWith('__') && !roots.includes(t.name)).map((t) => t.name).sort()
  for (const n of [...roots, ...rest]) { const a = document.createElement('a'); a.href = '#'; a.textContent = n; a.onclick = (e) => { e.preventDefault(); show(n) }; types.append(a) }
  show(roots[0])
}
$('run').onclick = run
$('load').onclick = load
document.addEventListener('keydown', (e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') run() })
`

const STYLE = `
body{font:14px system-ui,sans-serif;margin:0;display:grid;grid-template-columns:1fr 1fr 18rem;grid-template-rows:auto 1fr;height:100vh}
header{grid-column:1/4;padding:.5rem 1rem;border-bottom:1px solid #ccc;display:flex;gap:1rem;align-items:center;flex-wrap:wrap}
header h1{font-size:1rem;margin:0}.note{color:#8a4b00;font-size:.85rem}
input{font:inherit;width:24rem;padding:.25rem}button{font:inherit;padding:.25rem .75rem}
section{display:flex;flex-direction:column;min-height:0;border-right:1px solid #ccc}
textarea,pre{font:13px ui-monospace,monospace;flex:1;margin:0;padding:.5rem;border:0;resize:none;overflow:auto;white-space:pre}
#vars{flex:0 0 7rem;border-top:1px solid #ccc}label{font-size:.8rem;color:#555;padding:.25rem .5rem}
aside{overflow:auto;padding:.5rem}#types a{display:block}.field{margin:.25rem 0}.desc{color:#666;font-size:.8rem}
#status{padding:.25rem .5rem;font-size:.85rem;color:#333;border-bottom:1px solid #eee}
`

/**
 * The explorer's HTML.
 * @example
 * app.get('/docs', (c) => c.html(explorerPage({ title: 'Digit API', endpoint: 'graphql', authorizationHint: 'Bearer da_…', query: '{ organization { id } }' })))
 */
export function explorerPage(o: ExplorerOptions): string {
  const cfg = { endpoint: o.endpoint, query: o.query }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(o.title)}</title><style>${STYLE}</style></head>
<body>
<header><h1>${escapeHtml(o.title)}</h1>
<label for="auth">Authorization</label><input id="auth" autocomplete="off" placeholder="${escapeHtml(o.authorizationHint)}">
<button id="run" title="Ctrl+Enter">Run</button><button id="load">Load schema</button>
${o.note ? `<span class="note">${escapeHtml(o.note)}</span>` : ''}</header>
<section><label for="query">Query</label><textarea id="query" spellcheck="false"></textarea>
<label for="vars">Variables (JSON)</label><textarea id="vars" spellcheck="false"></textarea></section>
<section><div id="status">Press Run (Ctrl+Enter)</div><pre id="out"></pre></section>
<aside><div id="types">Load the schema to browse it.</div><div id="detail"></div></aside>
<script type="application/json" id="cfg">${scriptJson(cfg)}</script>
<script>${SCRIPT}</script>
</body></html>`
}
