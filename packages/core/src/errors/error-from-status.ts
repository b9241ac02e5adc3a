import {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PaymentRequiredError,
  PermissionError,
  ProviderError,
  RateLimitError,
  ValidationError,
} from './error-classes.js';
import type { RegistrarError, RegistrarErrorOptions, ValidationIssue } from './registrar-error.js';

/** Statuses whose answer may differ on a later attempt. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

export interface StatusErrorOptions extends RegistrarErrorOptions {
  status: number;
  issues?: ValidationIssue[];
  /** The provider said the credential itself is invalid (turns a 403 into AuthenticationError). */
  invalidCredential?: boolean;
}

/**
 * The error class for an HTTP status: 400/422 ValidationError, 401 AuthenticationError,
 * 402 PaymentRequiredError, 403 PermissionError (AuthenticationError when the credential is
 * invalid), 404 NotFoundError, 409 ConflictError, 429 RateLimitError, anything else ProviderError.
 */
export function errorFromStatus(message: string, options: StatusErrorOptions): RegistrarError {
  const { status, issues, invalidCredential, ...rest } = options;
  const base = { retryable: RETRYABLE_STATUSES.has(status), ...rest, status };
  switch (status) {
    case 400:
    case 422:
      return new ValidationError(message, { ...base, issues: issues ?? [] });
    case 401:
      return new AuthenticationError(message, base);
    case 402:
      return new PaymentRequiredError(message, base);
    case 403:
      return invalidCredential ? new AuthenticationError(message, base) : new PermissionError(message, base);
    case 404:
      return new NotFoundError(message, base);
    case 409:
      return new ConflictError(message, base);
    case 429:
      return new RateLimitError(message, base);
    default:
      return new ProviderError(message, base);
  }
}
