/**
 * The authorization server's HTML pages and redirect addresses, shared by its routes (the consent
 * page) and its control routes (the callback page).
 */
import type { SimContext } from './context.ts'

/** Text made safe inside HTML. */
export const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  )

/** A small self-contained HTML page. */
export const page = (title: string, body: string) =>
  `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#222}
button{font:inherit;padding:.5rem 1.25rem;margin-right:.5rem;border-radius:.3rem;border:1px solid #888;cursor:pointer}
button[value=approve]{background:#c00;color:#fff;border-color:#c00}code{background:#f3f3f3;padding:0 .25rem}</style></head>
<body>${body}</body></html>`

/** The simulator's callback page at the address this request came to (the path before `marker` is the sim's base). */
export function selfCallbackOf(c: SimContext<any, any>, marker: string): string {
  const url = new URL(c.req.url)
  const at = url.pathname.indexOf(marker)
  return `${url.origin}${at === -1 ? '' : url.pathname.slice(0, at)}/_sandbox/oauth/callback`
}

/** Append query parameters to a redirect URI that may already carry some. */
export function withParams(uri: string, params: Record<string, string | undefined>) {
  const url = new URL(uri)
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
  return url.toString()
}
