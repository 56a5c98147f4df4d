/**
 * The client side's errors: one base class and one status-to-class mapper
 * (the stripe-node model). Every error carries what the vendor answered.
 */
export class VendorError extends Error {
  override name = 'VendorError'
  /** HTTP status (0 when no response was received). */
  readonly status: number
  /** The vendor's machine code (`invalid_token`, `30`, ...), when it gave one. */
  readonly code: string | undefined
  readonly vendor: string
  /** The parsed response body, as received. */
  readonly body: unknown
  /** The vendor's request id, when it sends one. */
  readonly requestId: string | undefined
  /** Seconds to wait before retrying, from `Retry-After`. */
  readonly retryAfter: number | undefined
  /** GraphQL vendors: every error of the answer, with its `path` and `extensions`, as received. */
  readonly errors: ReadonlyArray<{
    message: string
    path?: ReadonlyArray<string | number>
    extensions?: Record<string, unknown>
  }>

  constructor(init: {
    message: string
    status: number
    vendor: string
    code?: string
    body?: unknown
    requestId?: string
    retryAfter?: number
    errors?: VendorError['errors']
    cause?: unknown
  }) {
    super(init.message, init.cause !== undefined ? { cause: init.cause } : undefined)
    this.status = init.status
    this.vendor = init.vendor
    this.code = init.code
    this.body = init.body
    this.requestId = init.requestId
    this.retryAfter = init.retryAfter
    this.errors = init.errors ?? []
  }
}
/** 400 / 422: the request was refused as invalid. */
export class InvalidRequestError extends VendorError {
  override name = 'InvalidRequestError'
}
/** 401: missing, invalid or expired credentials. */
export class AuthenticationError extends VendorError {
  override name = 'AuthenticationError'
}
/** 403: authenticated but not allowed (scope, legged-ness). */
export class PermissionError extends VendorError {
  override name = 'PermissionError'
}
/** 404. */
export class NotFoundError extends VendorError {
  override name = 'NotFoundError'
}
/** 409: the resource's state forbids the change. */
export class ConflictError extends VendorError {
  override name = 'ConflictError'
}
/** 429 or a vendor's throttling error. */
export class RateLimitError extends VendorError {
  override name = 'RateLimitError'
}
/** 5xx. */
export class ServerError extends VendorError {
  override name = 'ServerError'
}
/** No response: DNS, connection, timeout. */
export class ConnectionError extends VendorError {
  override name = 'ConnectionError'
}
/** The vendor answered 2xx with a body that does not match the contract. */
export class ContractViolationError extends VendorError {
  override name = 'ContractViolationError'
  readonly issues: ReadonlyArray<{ path: string; message: string }>
  constructor(
    init: ConstructorParameters<typeof VendorError>[0] & {
      issues: ReadonlyArray<{ path: string; message: string }>
    },
  ) {
    super(init)
    this.issues = init.issues
  }
}

/** Pick the error class for a status. */
export function errorClassFor(status: number): typeof VendorError {
  if (status === 400 || status === 422) return InvalidRequestError
  if (status === 401) return AuthenticationError
  if (status === 403) return PermissionError
  if (status === 404) return NotFoundError
  if (status === 409) return ConflictError
  if (status === 429) return RateLimitError
  if (status >= 500) return ServerError
  return VendorError
}
