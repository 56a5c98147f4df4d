export {
  createClock,
  DEFAULT_EPOCH,
  type Clock,
  type ClockMode,
  type ClockOptions,
  type ScheduledTask,
  type TaskKind,
} from './clock.ts'
export {
  base64,
  createRng,
  createIdFactory,
  BASE62,
  HEX,
  DIGITS,
  type Rng,
  type IdFactory,
} from './ids.ts'
export { SimError, issuesToDetails } from './errors.ts'
export { bearerToken, tokenFromHeader, type AuthHeaderForm } from './auth-header.ts'
export { createTokenKit, hasPermission, requirePermission, type TokenKit } from './auth.ts'
export type { IssueOptions, Legs, TokenRecord, VerifyResult } from './token-record.ts'
export { registerTokenEndpoint, oauthError, oauthErrorBody, lifetimeOf } from './token-endpoint.ts'
export { basicCredentials } from './token-grants.ts'
export type {
  GrantRequest,
  GrantType,
  TokenClient,
  TokenEndpoint,
  TokenFailure,
  TokenUser,
} from './token-types.ts'
export { signHs256, verifyHs256 } from './jwt.ts'
export { createOutbox, type Outbox, type WebhookDelivery, type WebhookAttempt } from './webhooks.ts'
export { createJournal, type Journal, type JournalEntry } from './journal.ts'
export { createFaults, FaultInput, globMatch, type Fault, type Faults } from './faults.ts'
export { createTable, type Table, type TableIndexes, viewPerRow } from './store.ts'
export { redact } from './redact.ts'
export { readText, requestHeader, DEFAULT_MAX_BODY_BYTES } from './request.ts'
export {
  readBody,
  readJsonBody,
  jsonDepth,
  validate,
  send,
  sendText,
  authorityOf,
  parseControlBody,
  MAX_JSON_DEPTH,
} from './http.ts'
export {
  defineVendor,
  type VendorDefinition,
  type Tenant,
  type TenantBase,
  type SimEnv,
  type SimContext,
  type SnapshotList,
  type SnapshotRows,
} from './vendor.ts'
export {
  createSim,
  TENANT_HEADER,
  ADMIN_HEADER,
  DEFAULT_TENANT,
  type Sim,
  type SimOptions,
  type SimControl,
} from './sim.ts'
export { CONTROL_ROUTES, renderControlError, clockView, simBaseUrl } from './sandbox.ts'
export { createLock, type Lock } from './lock.ts'
export {
  addBusinessDays,
  isoTicks,
  isoInZone,
  isoSecondsZ,
  isoTime,
  SECOND,
  MINUTE,
  HOUR,
  DAY,
} from './time.ts'
export {
  createOAuthRegistry,
  type OAuthClient,
  type OAuthLifetimes,
  type OAuthRegistry,
  type OAuthServerConfig,
  type OAuthUser,
} from './oauth-config.ts'
export { registerOAuthRoutes } from './oauth.ts'
export { registerOAuthSandbox } from './oauth-sandbox.ts'
export { oauthTokenEndpoint } from './oauth-token.ts'
export {
  createRateWindows,
  takeQuota,
  QuotaSetting,
  type Quota,
  type RateWindows,
  type WindowLimit,
  type WindowState,
  type TakeResult,
} from './rate-window.ts'
export { createHost, type Host, type LazyVendor } from './host.ts'
export { createTimers, type StepKind, type Steps, type Timers } from './timers.ts'
export { pageOf, type Page } from './pages.ts'
export { createIdempotencyStore, type IdempotencyStore } from './idempotency.ts'
export {
  createSubscriptions,
  type Subscription,
  type SubscriptionInput,
  type Subscriptions,
  type Scope,
} from './subscriptions.ts'
export { registerSubscriptionRoutes, type SubscriptionRoutesConfig } from './subscription-routes.ts'
