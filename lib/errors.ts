// Domain errors: what services throw. They know nothing of HTTP; `lib/api/errors.ts` alone maps
// them to statuses (see DOMAIN_STATUS there). Every layer may import this file: it imports nothing.

export type DomainErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'stale'
  | 'invalid'
  | 'invalid_transition'
  | 'too_large'
  | 'limit_exceeded'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field (dotted path) the error is about, when there is one. */
    readonly field?: string,
    /** Extra facts for the client, e.g. the allowed transitions or the current version. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The thing does not exist, or the caller may not know that it does (answered 404 alike). */
export class NotFoundError extends DomainError {
  constructor(message = 'Not found') {
    super('not_found', message);
  }
}

/** The caller may see the thing but not do this to it. */
export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message);
  }
}

/** A unique key or state clash (e.g. the email is taken). */
export class ConflictError extends DomainError {
  constructor(message: string, field?: string, details?: Record<string, unknown>) {
    super('conflict', message, field, details);
  }
}

/** An update based on a version that is no longer current (optimistic concurrency). */
export class StaleVersionError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('stale', message, 'version', details);
  }
}

/** Input that parses but breaks a rule of the domain. */
export class ValidationError extends DomainError {
  constructor(message: string, field?: string, details?: Record<string, unknown>) {
    super('invalid', message, field, details);
  }
}

/** A workflow step that is not allowed from the current state; `allowed` names the ones that are. */
export class InvalidTransitionError extends DomainError {
  constructor(message: string, allowed: readonly string[]) {
    super('invalid_transition', message, 'status', { allowed });
  }
}

/** Input over a size limit (body, upload, Markdown, decompressed bytes). */
export class TooLargeError extends DomainError {
  constructor(message: string, field?: string) {
    super('too_large', message, field);
  }
}

/** A rate or concurrency cap; `retryAfterSeconds` becomes Retry-After. */
export class LimitExceededError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super('limit_exceeded', message);
  }
}

/** A dependency (the database, a timestamp authority) is down; try again later. */
export class UnavailableError extends DomainError {
  constructor(message: string) {
    super('unavailable', message);
  }
}
