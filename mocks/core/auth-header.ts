/*
 * The token an `Authorization` header carries, in the forms vendors accept it. A leaf: the
 * request path reads it before anything of the token kit.
 */

/** Parse `Authorization: Bearer <token>`; `undefined` when absent or malformed. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (!header) return undefined
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1]
}

/** How a vendor accepts a token in `Authorization`: `Bearer <t>`, and/or the bare `<t>` some vendors' docs show. */
export type AuthHeaderForm = 'bearer' | 'bare'

/**
 * The token an `Authorization` header carries in one of the vendor's accepted forms;
 * `undefined` when absent or in another form (`Basic …` is never a token).
 * @example
 * tokenFromHeader('Bearer abc', ['bearer', 'bare']) // 'abc'
 * tokenFromHeader('abc', ['bearer', 'bare'])        // 'abc'
 */
export function tokenFromHeader(
  header: string | undefined | null,
  forms: readonly AuthHeaderForm[] = ['bearer'],
): string | undefined {
  if (!header) return undefined
  const bearer = bearerToken(header)
  if (bearer !== undefined) return forms.includes('bearer') ? bearer : undefined
  const text = header.trim()
  return forms.includes('bare') && /^[A-Za-z0-9._~+/=-]+$/.test(text) ? text : undefined
}
