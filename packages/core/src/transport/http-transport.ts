import type { AxiosInstance, AxiosResponse } from 'axios';
import type { z } from 'zod';
import {
  AuthenticationError,
  NetworkError,
  ProviderError,
  RateLimitError,
  ResponseFormatError,
} from '../errors/error-classes.js';
import { errorFromStatus } from '../errors/error-from-status.js';
import { jsonDepthExceeds } from '../errors/json-depth.js';
import { redactSecrets, redactValue } from '../errors/redact.js';
import { isRegistrarError, type RegistrarError, type ValidationIssue } from '../errors/registrar-error.js';
import { abortableDelay } from './abortable-delay.js';
import { AttemptDeadline } from './attempt-deadline.js';
import { assertSafeBaseURL } from './base-url.js';
import { loadAxios, loadPRetry } from './lazy-http-stack.js';
import { type AcquiredSlot, BucketLimiters, type BucketSpec, type RateLimitOption } from './rate-limiter.js';
import { rateLimitLimit, rateLimitRemaining, rateLimitResetAt, retryAfterMs } from './retry-after.js';
import { DEFAULT_RETRY, type RetryOptions, shouldRetry } from './retry-policy.js';
import type { EventBase, EventListener } from './transport-events.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Credentials for one attempt: headers and/or query parameters. Every value is treated as a secret. */
export interface Credentials {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** Fields added to a form body (`RequestSpec.form`), for providers that take the key there (Namecheap). */
  form?: Record<string, string>;
}

/** How a provider's bodies are decoded when they are not JSON (Namecheap answers XML). */
export interface BodyDecoder {
  /** Name of the format, for the error when a body cannot be decoded (`XML`). */
  format: string;
  /** Text → the value the schemas parse; throws when the text is not in the format. */
  decode(text: string): unknown;
}

/** A response the transport is about to classify: its status, decoded body and headers. */
export interface ProviderAnswer {
  status: number;
  /** The decoded body (undefined when empty or not decodable). */
  body: unknown;
  headers: Record<string, string>;
}

/** What an adapter extracts from its provider's error body. */
export interface ProviderErrorDetails {
  message?: string;
  code?: string;
  issues?: ValidationIssue[];
  /** The provider says the credential itself is invalid (a 403 becomes AuthenticationError). */
  invalidCredential?: boolean;
}

/** Options every adapter factory accepts and hands to the transport. */
export interface TransportUserOptions {
  baseURL?: string;
  /** Allow a plain-http baseURL that is not a loopback host. */
  allowInsecureHttp?: boolean;
  /** Per-attempt timeout, body included (default 30 s). */
  timeoutMs?: number;
  /**
   * Largest response body read, in bytes (default 20 MB): a larger one is a ResponseFormatError
   * with code `response_too_large`, and reading stops at the cap.
   */
  maxResponseBytes?: number;
  retry?: false | RetryOptions;
  rateLimit?: RateLimitOption;
  /** An axios instance to send with (interceptors, proxies, adapters). */
  axios?: AxiosInstance;
  userAgent?: string;
  onEvent?: EventListener;
}

export interface TransportOptions extends TransportUserOptions {
  provider: string;
  baseURL: string;
  /** Called before every attempt (so a token refresh is picked up). */
  credentials: () => Credentials | Promise<Credentials>;
  /** Called once after a 401 (or invalid-credential 403); the request is then sent once more. */
  refreshCredentials?: () => void | Promise<void>;
  parseError?: (body: unknown, status: number) => ProviderErrorDetails;
  /** Documented buckets of the provider. */
  buckets?: Record<string, BucketSpec>;
  /** Pace requests from X-RateLimit-Remaining/Reset (DNSimple): slow down before the quota runs out. */
  adaptiveRateLimit?: boolean;
  /** Decoder of response bodies; default JSON. */
  bodyDecoder?: BodyDecoder;
  /**
   * Classifies an answer the HTTP status alone does not (an API error inside an HTTP 200, a
   * provider's own rate-limit status): return the error to throw, or undefined to go on as usual.
   * It runs inside the attempt, so the retry rules apply to what it returns; `redact` removes the
   * credentials from provider text.
   */
  classifyAnswer?: (
    answer: ProviderAnswer,
    context: { operation: string; redact: (text: string) => string },
  ) => RegistrarError | undefined;
}

export interface RequestSpec<T> {
  /** Registrar method or adapter operation name, for errors and events. */
  operation: string;
  method: HttpMethod;
  /** Path after the base URL, built with `urlPath` so every segment is encoded. */
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  body?: unknown;
  /**
   * A form body instead of `body`: a field record is sent `application/x-www-form-urlencoded`
   * (Namecheap), a `FormData` multipart with its boundary (a Cloudflare zone-file upload);
   * `Credentials.form` is added to either.
   */
  form?: FormData | Record<string, string | number | boolean | undefined | null>;
  /** zod schema of a successful body; omit when no body is expected (204). */
  schema?: z.ZodType<T>;
  /** The bucket the request counts against; several when the provider counts every request in several windows (Namecheap: minute, hour, day). */
  bucket?: string | readonly string[];
  /** Default: true for GET, PUT, PATCH, DELETE; false for POST. A read-only POST passes true. */
  idempotent?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
  idempotencyKey?: string;
  headers?: Record<string, string>;
  /** The success body is text (a zone file), returned as it came instead of parsed as JSON. */
  responseText?: boolean;
}

export interface TransportResponse<T> {
  data: T;
  status: number;
  headers: Record<string, string>;
}

export interface Transport {
  readonly provider: string;
  request<T>(spec: RequestSpec<T>): Promise<TransportResponse<T>>;
  /** Stops the limiters (and their Redis connections when shared). */
  close(): Promise<void>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;
/** Error bodies nested deeper than this are not parsed (a hostile body may nest 100,000 levels). */
const MAX_ERROR_BODY_DEPTH = 64;
export const CORE_VERSION = '0.1.0';
const DEFAULT_USER_AGENT = `registrar-kit/${CORE_VERSION} (+https://github.com/registrar-kit/registrar-kit)`;

/** The HTTP layer every adapter uses: auth, limits, retries, parsing and typed errors in one place. */
export function createTransport(options: TransportOptions): Transport {
  const baseURL = assertSafeBaseURL(options.baseURL, options.allowInsecureHttp ?? false, options.provider);
  // Created on the first request: axios is loaded then, not when core is imported.
  let client: Promise<AxiosInstance> | undefined;
  const httpClient = () =>
    (client ??= options.axios ? Promise.resolve(options.axios) : loadAxios().then((axios) => axios.create()));
  const limiters = new BucketLimiters(options.provider, options.buckets ?? {}, options.rateLimit);
  const retry = options.retry === false ? null : { ...DEFAULT_RETRY, ...options.retry };
  const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const maxRetryAfterMs = retry?.maxRetryAfterMs ?? DEFAULT_RETRY.maxRetryAfterMs;
  const timeoutOf = (spec: RequestSpec<unknown>) => spec.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const emit: EventListener = (event) => {
    try {
      options.onEvent?.(event);
    } catch {
      // A listener's failure never breaks a request.
    }
  };

  async function attemptOnce<T>(spec: RequestSpec<T>, attempt: number): Promise<TransportResponse<T>> {
    const base: EventBase = {
      provider: options.provider,
      operation: spec.operation,
      method: spec.method,
      path: spec.path,
      attempt,
    };
    const http = await httpClient();
    const timeoutMs = timeoutOf(spec);
    const buckets = bucketsOf(spec.bucket);
    // A pause asked for by rate-limit headers is waited only within the call's own deadline.
    const paused = Math.max(0, ...buckets.map((bucket) => limiters.pausedFor(bucket)));
    if (paused > Math.min(timeoutMs, maxRetryAfterMs)) throw pausedError(spec, paused);
    // Each place is held until the answer is in: a `sliding` bucket counts the window from then.
    const slots: AcquiredSlot[] = [];
    const answered = () => {
      for (const slot of slots) slot.done();
    };
    try {
      for (const bucket of buckets) slots.push(await limiters.acquireFor(bucket, spec.signal));
    } catch (error) {
      answered();
      throw error;
    }
    const waited = slots.reduce((sum, slot) => sum + slot.waitedMs, 0);
    if (waited >= 1) emit({ type: 'rate-limit', ...base, waitMs: Math.round(waited), reason: 'bucket' });
    let credentials: Credentials;
    try {
      credentials = await options.credentials();
    } catch (error) {
      answered();
      throw error;
    }
    const secrets = [
      ...Object.values(credentials.headers ?? {}),
      ...Object.values(credentials.query ?? {}),
      ...Object.values(credentials.form ?? {}),
    ].flatMap(secretForms);
    const errorOptions = { provider: options.provider, operation: spec.operation };
    const started = performance.now();
    emit({ type: 'request', ...base });
    let response: AxiosResponse<string>;
    const deadline = new AttemptDeadline(timeoutMs, spec.signal);
    try {
      response = await http.request<string>({
        method: spec.method,
        url: baseURL + spec.path,
        params: queryParams(spec.query, credentials.query),
        data: requestBody(spec, credentials),
        headers: {
          Accept: 'application/json',
          'User-Agent': userAgent,
          ...contentType(spec),
          ...(spec.idempotencyKey ? { 'Idempotency-Key': spec.idempotencyKey } : {}),
          ...spec.headers,
          ...credentials.headers,
        },
        timeout: timeoutMs,
        // Bounds the whole attempt, body included (axios's timeout stops at the headers).
        signal: deadline.signal,
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        maxRedirects: 0,
        // axios stops reading (and destroys the stream) once the body passes this size.
        maxContentLength: maxResponseBytes,
      });
    } catch (cause) {
      const error = networkError(cause, spec.signal, deadline.timedOut, secrets, errorOptions);
      emit({
        type: 'error',
        ...base,
        errorName: error.name,
        code: error.code,
        durationMs: performance.now() - started,
      });
      throw error;
    } finally {
      deadline.dispose();
      answered();
    }
    const durationMs = performance.now() - started;
    const headers = flatHeaders(response.headers);
    emit({ type: 'response', ...base, status: response.status, durationMs });
    paceFromHeaders(spec, headers, base);

    const unread = tooLarge(response.data) || (response.status >= 300 && response.status < 400);
    const classified = unread
      ? undefined
      : classify(response.status, response.data, headers, secrets, spec.operation);
    if (response.status >= 300 || classified || tooLarge(response.data)) {
      const error =
        classified ??
        (response.status >= 400
          ? errorFromResponse(response.status, response.data, headers, secrets, errorOptions)
          : response.status >= 300
            ? new ProviderError(
                `${options.provider} ${spec.operation}: unexpected redirect (HTTP ${response.status}), not followed`,
                {
                  ...errorOptions,
                  status: response.status,
                  code: 'unexpected_redirect',
                  requestId: requestIdOf(headers, secrets),
                },
              )
            : responseTooLarge(errorOptions, response.status));
      emit({
        type: 'error',
        ...base,
        errorName: error.name,
        code: error.code,
        status: error.status,
        durationMs,
      });
      throw error;
    }
    const data = parseBody(spec, response.status, response.data, secrets, errorOptions);
    return { data, status: response.status, headers };
  }

  /** A body past the cap that an axios adapter other than Node's http one handed over whole. */
  function tooLarge(text: unknown): boolean {
    return typeof text === 'string' && text.length > maxResponseBytes;
  }

  function pausedError(spec: RequestSpec<unknown>, waitMs: number): RateLimitError {
    return new RateLimitError(
      `${options.provider} ${spec.operation}: the provider's rate limit is used up for the next ${Math.ceil(waitMs / 1000)} s (longer than this call may wait)`,
      {
        provider: options.provider,
        operation: spec.operation,
        retryAfterMs: Math.ceil(waitMs),
      },
    );
  }

  function paceFromHeaders(
    spec: RequestSpec<unknown>,
    headers: Record<string, string>,
    base: EventBase,
  ): void {
    const remaining = rateLimitRemaining(headers);
    const resetAt = rateLimitResetAt(headers);
    if (remaining === undefined || resetAt === undefined) return;
    const left = resetAt - Date.now();
    if (left <= 0) return;
    const limit = rateLimitLimit(headers) || remaining + 1;
    if (remaining === 0) {
      // Every provider that sends these headers is held until the reset (a wait longer than a
      // call's deadline fails that call at once, see attemptOnce).
      limiters.pause(bucketsOf(spec.bucket)[0], resetAt);
      emit({ type: 'rate-limit', ...base, waitMs: left, reason: 'remaining-quota' });
    } else if (options.adaptiveRateLimit && remaining < limit * 0.1) {
      // Under 10% of the quota left: spread what is left over the time to the reset.
      const gap = left / remaining;
      limiters.pause(bucketsOf(spec.bucket)[0], Date.now() + gap);
      emit({ type: 'rate-limit', ...base, waitMs: gap, reason: 'remaining-quota' });
    }
  }

  function decode(text: string): unknown {
    if (text === '' || text === undefined) return undefined;
    return options.bodyDecoder ? options.bodyDecoder.decode(text) : JSON.parse(text);
  }

  function classify(
    status: number,
    text: string,
    headers: Record<string, string>,
    secrets: string[],
    operation: string,
  ): RegistrarError | undefined {
    if (!options.classifyAnswer) return undefined;
    let body: unknown;
    try {
      body = decode(text);
    } catch {
      body = undefined;
    }
    return options.classifyAnswer(
      { status, body, headers },
      { operation, redact: (value) => redactSecrets(value, secrets) },
    );
  }

  function parseBody<T>(
    spec: RequestSpec<T>,
    status: number,
    text: string,
    secrets: string[],
    errorOptions: { provider: string; operation: string },
  ): T {
    if (spec.responseText) return (text ?? '') as T;
    if (!spec.schema) return undefined as T;
    let json: unknown;
    try {
      json = decode(text);
    } catch {
      throw new ResponseFormatError(
        `${options.provider} ${spec.operation}: the response body (HTTP ${status}) is not valid ${options.bodyDecoder?.format ?? 'JSON'}`,
        {
          ...errorOptions,
          status,
        },
      );
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: redactSecrets(issue.path.map(String).join('.'), secrets),
        message: redactSecrets(issue.message, secrets),
      }));
      const first = issues[0];
      throw new ResponseFormatError(
        `${options.provider} ${spec.operation}: unexpected response body: ${first?.path || '(root)'}: ${first?.message}`,
        { ...errorOptions, status, issues },
      );
    }
    return parsed.data;
  }

  function errorFromResponse(
    status: number,
    text: string,
    headers: Record<string, string>,
    secrets: string[],
    errorOptions: { provider: string; operation: string },
  ): RegistrarError {
    let body: unknown;
    const tooDeep = typeof text === 'string' && jsonDepthExceeds(text, MAX_ERROR_BODY_DEPTH);
    try {
      body = text && !tooDeep ? decode(text) : undefined;
    } catch {
      body = undefined;
    }
    const details = body === undefined ? {} : safeParseError(options.parseError, body, status);
    const providerMessage = details.message
      ? redactSecrets(details.message, secrets)
      : tooDeep
        ? `body nested deeper than ${MAX_ERROR_BODY_DEPTH} levels, not read`
        : body === undefined && text
          ? `non-${options.bodyDecoder?.format ?? 'JSON'} body`
          : undefined;
    const message = `${options.provider} ${errorOptions.operation} failed with HTTP ${status}${providerMessage ? `: ${providerMessage}` : ''}`;
    const issues = details.issues?.map((issue) => ({
      path: redactSecrets(String(issue.path), secrets),
      message: redactSecrets(String(issue.message), secrets),
    }));
    return errorFromStatus(message, {
      ...errorOptions,
      status,
      ...(details.code ? { code: redactSecrets(String(details.code), secrets) } : {}),
      ...(issues ? { issues } : {}),
      invalidCredential: details.invalidCredential ?? false,
      requestId: requestIdOf(headers, secrets),
      // X-RateLimit-Reset is a quota window's end: it times a 429, never a 503's retry.
      retryAfterMs:
        status === 429 || status === 503 ? retryAfterMs(headers, Date.now(), status === 429) : undefined,
      cause: body === undefined ? undefined : new ProviderBody(redactValue(body, secrets)),
    });
  }

  async function withRetries<T>(spec: RequestSpec<T>): Promise<TransportResponse<T>> {
    const idempotent = spec.idempotent ?? spec.method !== 'POST';
    if (!retry) return attemptOnce(spec, 1);
    const pRetry = await loadPRetry();
    return pRetry((attempt) => attemptOnce(spec, attempt), {
      retries: retry.retries,
      minTimeout: retry.minDelayMs,
      maxTimeout: retry.maxDelayMs,
      factor: 2,
      randomize: true,
      signal: spec.signal,
      shouldRetry: async ({ error, attemptNumber }) => {
        if (!shouldRetry(error, idempotent)) return false;
        const wait = isRegistrarError(error) ? error.retryAfterMs : undefined;
        if (wait !== undefined) {
          // Never wait past the call's own deadline or maxRetryAfterMs: the error is thrown instead.
          if (wait > Math.min(retry.maxRetryAfterMs, timeoutOf(spec))) return false;
          emit({
            type: 'rate-limit',
            ...eventBase(spec, attemptNumber),
            waitMs: wait,
            reason: 'retry-after',
          });
          await abortableDelay(wait, spec.signal);
        }
        emit({
          type: 'retry',
          ...eventBase(spec, attemptNumber),
          delayMs: wait ?? 0,
          reason: isRegistrarError(error) ? error.code : 'unknown',
        });
        return true;
      },
    });
  }

  function eventBase(spec: RequestSpec<unknown>, attempt: number): EventBase {
    return {
      provider: options.provider,
      operation: spec.operation,
      method: spec.method,
      path: spec.path,
      attempt,
    };
  }

  async function request<T>(spec: RequestSpec<T>): Promise<TransportResponse<T>> {
    try {
      if (spec.signal?.aborted)
        throw new NetworkError(`${options.provider} ${spec.operation} was aborted`, {
          provider: options.provider,
          operation: spec.operation,
          code: 'aborted',
        });
      try {
        return await withRetries(spec);
      } catch (error) {
        if (
          options.refreshCredentials &&
          error instanceof AuthenticationError &&
          error.status !== undefined
        ) {
          await options.refreshCredentials();
          return await withRetries(spec);
        }
        throw error;
      }
    } catch (error) {
      throw finalError(error, spec);
    }
  }

  function finalError(error: unknown, spec: RequestSpec<unknown>): RegistrarError {
    if (isRegistrarError(error)) {
      if (error.code === 'aborted' && error.operation === 'unknown') {
        return new NetworkError(`${options.provider} ${spec.operation} was aborted`, {
          provider: options.provider,
          operation: spec.operation,
          code: 'aborted',
        });
      }
      return error;
    }
    if (spec.signal?.aborted) {
      return new NetworkError(`${options.provider} ${spec.operation} was aborted`, {
        provider: options.provider,
        operation: spec.operation,
        code: 'aborted',
      });
    }
    return new NetworkError(
      `${options.provider} ${spec.operation} failed: ${redactSecrets(String((error as Error)?.message ?? error))}`,
      {
        provider: options.provider,
        operation: spec.operation,
      },
    );
  }

  return {
    provider: options.provider,
    request,
    close: () => limiters.disconnect(),
  };
}

/** A provider's error body, kept as the `cause` of the error (credentials redacted). */
export class ProviderBody extends Error {
  constructor(readonly body: unknown) {
    super(JSON.stringify(body)?.slice(0, 2000) ?? 'undefined');
    this.name = 'ProviderBody';
  }
}

function safeParseError(
  parse: TransportOptions['parseError'],
  body: unknown,
  status: number,
): ProviderErrorDetails {
  if (!parse) return {};
  try {
    return parse(body, status);
  } catch {
    return {};
  }
}

/** A credential value and the forms it takes on the wire (a Bearer token without its scheme too). */
function secretForms(value: string): string[] {
  const parts = value.split(/\s+/);
  return parts.length > 1 ? [value, parts.slice(1).join(' ')] : [value];
}

/** The buckets a request counts against; `[undefined]` (the unnamed bucket) when it names none. */
function bucketsOf(bucket: RequestSpec<unknown>['bucket']): readonly (string | undefined)[] {
  if (bucket === undefined) return [undefined];
  return typeof bucket === 'string' ? [bucket] : bucket;
}

/**
 * The request body: a multipart `FormData` as it is (axios sets the boundary), a field record
 * URL-encoded, else `body` as JSON; `Credentials.form` is added to either form.
 */
function requestBody(spec: RequestSpec<unknown>, credentials: Credentials): FormData | string | undefined {
  const { form } = spec;
  if (form instanceof FormData) {
    for (const [key, value] of Object.entries(credentials.form ?? {})) form.set(key, value);
    return form;
  }
  if (form !== undefined) {
    return new URLSearchParams({ ...cleanQuery(form), ...credentials.form }).toString();
  }
  return spec.body === undefined ? undefined : JSON.stringify(spec.body);
}

function contentType(spec: RequestSpec<unknown>): Record<string, string> {
  if (spec.form instanceof FormData) return {};
  if (spec.form !== undefined) return { 'Content-Type': 'application/x-www-form-urlencoded' };
  return spec.body === undefined ? {} : { 'Content-Type': 'application/json' };
}

function cleanQuery(query: RequestSpec<unknown>['query']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null) out[key] = String(value);
  return out;
}

/**
 * The query string's fields, or undefined when there are none: axios then skips building a query
 * string, which it otherwise does on every request (bench/RESULTS.md, "Overhead per call").
 */
function queryParams(
  query: RequestSpec<unknown>['query'],
  credentials: Record<string, string> | undefined,
): Record<string, string> | undefined {
  const params = { ...cleanQuery(query), ...credentials };
  for (const _ in params) return params;
  return undefined;
}

function flatHeaders(headers: AxiosResponse['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

/** The provider's `X-Request-Id`, redacted (a provider may echo a credential into it). */
function requestIdOf(headers: Record<string, string>, secrets: string[]): string | undefined {
  const id = headers['x-request-id'];
  return id === undefined ? undefined : redactSecrets(id, secrets);
}

function responseTooLarge(
  errorOptions: { provider: string; operation: string },
  status: number | undefined,
): ResponseFormatError {
  return new ResponseFormatError(
    `${errorOptions.provider} ${errorOptions.operation}: the response body is larger than maxResponseBytes; reading stopped`,
    { ...errorOptions, ...(status === undefined ? {} : { status }), code: 'response_too_large' },
  );
}

const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);

/**
 * A NetworkError from an axios failure without a response: no config, no headers, no URL kept.
 * `timedOut`: the attempt's deadline stopped it; a body past maxResponseBytes is a ResponseFormatError.
 */
function networkError(
  cause: unknown,
  signal: AbortSignal | undefined,
  timedOut: boolean,
  secrets: string[],
  errorOptions: { provider: string; operation: string },
): RegistrarError {
  const code =
    typeof (cause as { code?: unknown })?.code === 'string' ? (cause as { code: string }).code : 'UNKNOWN';
  const text = redactSecrets(String((cause as Error)?.message ?? cause), secrets);
  const plain = Object.assign(new Error(text), { code });
  plain.name = 'NetworkCause';
  plain.stack = `${plain.name}: ${text}`;
  if (code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(text))
    return responseTooLarge(errorOptions, undefined);
  if (timedOut) {
    return new NetworkError(
      `${errorOptions.provider} ${errorOptions.operation} timed out (the whole attempt, body included)`,
      {
        ...errorOptions,
        code: 'timeout',
        retryable: true,
        cause: plain,
      },
    );
  }
  if (signal?.aborted || code === 'ERR_CANCELED') {
    return new NetworkError(`${errorOptions.provider} ${errorOptions.operation} was aborted`, {
      ...errorOptions,
      code: 'aborted',
      cause: plain,
    });
  }
  if (TIMEOUT_CODES.has(code) || /timeout/i.test(text)) {
    return new NetworkError(`${errorOptions.provider} ${errorOptions.operation} timed out (${text})`, {
      ...errorOptions,
      code: 'timeout',
      retryable: true,
      cause: plain,
    });
  }
  return new NetworkError(
    `${errorOptions.provider} ${errorOptions.operation} failed: network error ${code} (${text})`,
    {
      ...errorOptions,
      code: 'network',
      retryable: true,
      cause: plain,
    },
  );
}
