/**
 * Digit's API hosts. Primary and SANDBOX accounts both live on the production host (the token
 * decides which account a call reaches); staging is Digit's separate pre-release instance.
 * @see https://learn.digit-software.com/en/articles/11940553-digit-api-access
 */
export const DIGIT_HOSTS = {
  production: ['api.digit-software.com'],
  sandbox: ['api-staging.digit-software.com'],
} as const
