import { inspect } from 'node:util';
import { redactSecrets } from './redact.js';

/** Brand shared by every copy of this package (duplicate installs, ESM and CJS builds). */
const BRAND = Symbol.for('registrar-kit.error');

export type ErrorCode =
  | 'validation'
  | 'authentication'
  | 'permission'
  | 'not_found'
  | 'conflict'
  | 'payment_required'
  | 'rate_limited'
  | 'provider_error'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'response_format'
  | 'unsupported'
  | (string & {});

export interface ValidationIssue {
  /** Dotted path of the offending field (`ttl`, `records.2.content`), or '' for the whole input. */
  path: string;
  message: string;
}

export interface RegistrarErrorOptions {
  provider?: string;
  operation?: string;
  status?: number;
  code?: ErrorCode;
  retryable?: boolean;
  requestId?: string;
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * Base of every error this library throws. Safe to log: it never holds request headers, the raw
 * axios error, or a credential (the transport redacts known secrets before building it).
 */
export class RegistrarError extends Error {
  static readonly errorName: string = 'RegistrarError';
  static readonly defaultCode: ErrorCode = 'provider_error';

  declare readonly [BRAND]: readonly string[];
  readonly provider: string;
  readonly operation: string;
  readonly status: number | undefined;
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly requestId: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: RegistrarErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    const ctor = new.target as typeof RegistrarError;
    this.name = ctor.errorName;
    this.provider = options.provider ?? 'unknown';
    this.operation = options.operation ?? 'unknown';
    this.status = options.status;
    this.code = options.code ?? ctor.defaultCode;
    this.retryable = options.retryable ?? false;
    this.requestId = options.requestId;
    this.retryAfterMs = options.retryAfterMs;
    Object.defineProperty(this, BRAND, { value: brandChain(ctor), enumerable: false });
  }

  /**
   * `instanceof` works across duplicate installs and the ESM/CJS builds through the brand, and
   * the ordinary prototype check holds as well (`ValidationError.prototype instanceof RegistrarError`).
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` was called on.
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const brands = (value as { [BRAND]?: unknown } | null)?.[BRAND];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass `instanceof` was called on.
    return Array.isArray(brands) && brands.includes(this.errorName);
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      provider: this.provider,
      operation: this.operation,
      status: this.status,
      code: this.code,
      retryable: this.retryable,
      requestId: this.requestId,
      retryAfterMs: this.retryAfterMs,
      ...this.extraJSON(),
      cause: causeToJSON(this.cause),
    };
  }

  protected extraJSON(): Record<string, unknown> {
    return {};
  }

  [inspect.custom](): string {
    return `${this.stack ?? `${this.name}: ${this.message}`}\n${inspect(this.toJSON(), { depth: 4 })}`;
  }
}

function brandChain(ctor: typeof RegistrarError): string[] {
  const names: string[] = [];
  let current: unknown = ctor;
  while (typeof current === 'function' && 'errorName' in current) {
    const name = (current as typeof RegistrarError).errorName;
    if (!names.includes(name)) names.push(name);
    current = Object.getPrototypeOf(current);
  }
  return names;
}

function causeToJSON(cause: unknown): unknown {
  if (cause === undefined) return undefined;
  if (isRegistrarError(cause)) return cause.toJSON();
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return {
      name: cause.name,
      message: redactSecrets(cause.message),
      ...(typeof code === 'string' ? { code } : {}),
    };
  }
  if (cause !== null && typeof cause === 'object') {
    // A plain object (possibly without a prototype, as test runners make): its JSON, redacted.
    try {
      return JSON.parse(redactSecrets(JSON.stringify(cause)));
    } catch {
      return '[cause that cannot be serialised]';
    }
  }
  return redactSecrets(String(cause));
}

/** True for an error thrown by any copy of registrar-kit. */
export function isRegistrarError(value: unknown): value is RegistrarError {
  const brands = (value as { [BRAND]?: unknown } | null)?.[BRAND];
  return Array.isArray(brands) && brands.includes('RegistrarError');
}
