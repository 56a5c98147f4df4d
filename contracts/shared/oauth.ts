import { z } from 'zod'

/** The RFC 6749 error body of a token endpoint: `{ "error", "error_description"? }`. @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2 */
export const OAuthError = z.looseObject({
  error: z.string(),
  error_description: z.string().optional(),
})
export type OAuthError = z.output<typeof OAuthError>
