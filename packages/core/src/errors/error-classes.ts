import { RegistrarError, type RegistrarErrorOptions, type ValidationIssue } from './registrar-error.js';

/** Bad input, found locally before any request, or a provider's 400/422. `issues` lists every problem. */
export class ValidationError extends RegistrarError {
  static override readonly errorName: string = 'ValidationError';
  static override readonly defaultCode = 'validation';
  readonly issues: ValidationIssue[];

  constructor(message: string, options: RegistrarErrorOptions & { issues?: ValidationIssue[] } = {}) {
    super(message, options);
    this.issues = options.issues ?? [];
  }

  protected override extraJSON(): Record<string, unknown> {
    return { issues: this.issues };
  }
}

/** 401, or a 403 whose body says the credential itself is invalid; also a missing credential. */
export class AuthenticationError extends RegistrarError {
  static override readonly errorName: string = 'AuthenticationError';
  static override readonly defaultCode = 'authentication';
}

/** 403: the credential is valid but may not do this. */
export class PermissionError extends RegistrarError {
  static override readonly errorName: string = 'PermissionError';
  static override readonly defaultCode = 'permission';
}

export class NotFoundError extends RegistrarError {
  static override readonly errorName: string = 'NotFoundError';
  static override readonly defaultCode = 'not_found';
}

export class ConflictError extends RegistrarError {
  static override readonly errorName: string = 'ConflictError';
  static override readonly defaultCode = 'conflict';
}

export class PaymentRequiredError extends RegistrarError {
  static override readonly errorName: string = 'PaymentRequiredError';
  static override readonly defaultCode = 'payment_required';
}

/** 429. `retryAfterMs` says when the provider allows the next request, when it said so. */
export class RateLimitError extends RegistrarError {
  static override readonly errorName: string = 'RateLimitError';
  static override readonly defaultCode = 'rate_limited';
}

/** 5xx or an unexpected status. */
export class ProviderError extends RegistrarError {
  static override readonly errorName: string = 'ProviderError';
  static override readonly defaultCode = 'provider_error';
}

/** Connection failure, timeout (`code: 'timeout'`) or abort (`code: 'aborted'`). */
export class NetworkError extends RegistrarError {
  static override readonly errorName: string = 'NetworkError';
  static override readonly defaultCode = 'network';
}

/** The body is not what the provider documents (not JSON, or a field of the wrong shape). */
export class ResponseFormatError extends RegistrarError {
  static override readonly errorName: string = 'ResponseFormatError';
  static override readonly defaultCode = 'response_format';
  readonly issues: ValidationIssue[];

  constructor(message: string, options: RegistrarErrorOptions & { issues?: ValidationIssue[] } = {}) {
    super(message, options);
    this.issues = options.issues ?? [];
  }

  protected override extraJSON(): Record<string, unknown> {
    return { issues: this.issues };
  }
}

/** The provider (or this adapter) has no such operation. */
export class UnsupportedOperationError extends RegistrarError {
  static override readonly errorName: string = 'UnsupportedOperationError';
  static override readonly defaultCode = 'unsupported';

  constructor(provider: string, operation: string, detail?: string) {
    super(`${provider} does not support ${operation}${detail ? `: ${detail}` : ''}`, { provider, operation });
  }
}
