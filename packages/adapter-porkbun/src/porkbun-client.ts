/**
 * What every Porkbun method shares: the options, the key pair (option, else environment, read at
 * request time), two transports (the API, and the public pricing endpoint that needs no key), the
 * documented buckets, and `send`, which unwraps Porkbun's `{ status: "SUCCESS" | "ERROR" }` envelope
 * (an `ERROR` body is an error whatever the HTTP status, docs/providers/porkbun.md#errors).
 */
import { randomUUID } from 'node:crypto';
import {
  type BucketSpec,
  type CallOptions,
  createTransport,
  loadCredential,
  normalizeDomainName,
  ProviderBody,
  ResponseFormatError,
  requestOptions,
  type Transport,
  type TransportUserOptions,
  ValidationError,
  zodIssues,
} from '@registrar-kit/core';
import { z } from 'zod';
import { PorkbunErrorBodySchema, parsePorkbunError, porkbunTypedError } from './porkbun-errors.js';
import {
  PORKBUN_API_KEY_ENV,
  PORKBUN_SECRET_API_KEY_ENV,
  porkbunProviderInfo,
} from './porkbun-provider-info.js';

export const PROVIDER = porkbunProviderInfo.id;
/** Porkbun's API host with the v3 prefix (the old porkbun.com host is closed to API calls). */
export const PORKBUN_BASE_URL = 'https://api.porkbun.com/api/json/v3';

/**
 * The documented limits (docs/providers/porkbun.md#rate-limits): checkDomain 1 per 10 s per
 * account; create/renew/transfer 1 attempt per 10 s; everything else paced under the edge's burst
 * limit of about 2 requests per second per address (2 per 1.1 s: room for network jitter, since
 * the edge counts arrivals). The one-request buckets are `sliding`: the API counts a request
 * somewhere between its arrival and its answer, so the next one goes 10 s after the previous
 * answer, not 10 s after its send (a slow answer, or a send that left late, would have the next
 * one refused).
 */
export const PORKBUN_BUCKETS = {
  checkDomain: { limit: 1, intervalMs: 10_000, strategy: 'sliding' },
  orders: { limit: 1, intervalMs: 10_000, strategy: 'sliding' },
  edge: { limit: 2, intervalMs: 1_100 },
} as const satisfies Record<string, BucketSpec>;
export type PorkbunBucket = keyof typeof PORKBUN_BUCKETS;

const API_KEY = { option: 'apiKey', env: PORKBUN_API_KEY_ENV };
const SECRET_API_KEY = { option: 'secretApiKey', env: PORKBUN_SECRET_API_KEY_ENV };

export interface PorkbunOptions extends TransportUserOptions {
  /** API key (`pk1_…`); default: `PORKBUN_API_KEY`, read at request time. */
  apiKey?: string;
  /** Secret API key (`sk1_…`); default: `PORKBUN_SECRET_API_KEY`, read at request time. */
  secretApiKey?: string;
  /**
   * The API root including its `/api/json/v3` prefix (default `https://api.porkbun.com/api/json/v3`;
   * an emulator: `emulator.url + PORKBUN_API_PREFIX`).
   */
  baseURL?: string;
}

export interface PorkbunRequest<T> {
  /** Registrar method (or adapter operation) the request belongs to. */
  operation: string;
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Fields of a POST body (credentials are added). */
  body?: Record<string, unknown>;
  schema: z.ZodType<T>;
  bucket?: PorkbunBucket;
  /** A POST that only reads (retried like a GET). */
  readOnly?: boolean;
  /** Spends money: sent with an `Idempotency-Key` (the caller's, else a new one), never retried after it may have arrived. */
  spending?: boolean;
  /** The one write of its call: carries the caller's `idempotencyKey` when given (reads never do). */
  write?: boolean;
}

export interface PorkbunClient {
  readonly options: PorkbunOptions;
  /** Sends an authenticated request and returns the parsed `SUCCESS` body. */
  send<T>(request: PorkbunRequest<T>, opts?: CallOptions): Promise<T>;
  /** Sends a request without credentials (`/pricing/get`). */
  sendPublic<T>(request: PorkbunRequest<T>, opts?: CallOptions): Promise<T>;
  close(): Promise<void>;
}

/** The parsed success body, or the typed error of an `ERROR` envelope (also when sent with HTTP 200). */
function unwrap<T>(request: PorkbunRequest<T>, data: unknown, status: number): T {
  const context = { provider: PROVIDER, operation: request.operation, status };
  const refused = PorkbunErrorBodySchema.safeParse(data);
  if (refused.success) {
    const details = parsePorkbunError(data);
    throw porkbunTypedError(
      new ValidationError(
        `${PROVIDER} ${request.operation} failed with HTTP ${status}${details.message ? `: ${details.message}` : ''}`,
        { ...context, ...(details.code ? { code: details.code } : {}), cause: new ProviderBody(data) },
      ),
    );
  }
  const parsed = request.schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  const first = issues[0];
  throw new ResponseFormatError(
    `${PROVIDER} ${request.operation}: unexpected response body: ${first?.path || '(root)'}: ${first?.message}`,
    { ...context, issues },
  );
}

/** Runs a local check; its `ValidationError` names Porkbun and the method (not the core helper). */
export function validated<T>(operation: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    throw new ValidationError(`${PROVIDER} ${operation}: ${error.message}`, {
      provider: PROVIDER,
      operation,
      issues: error.issues,
    });
  }
}

/** A domain argument (any case, Unicode or ASCII, one trailing dot) as Porkbun's ASCII name; Porkbun ids are names. */
export function domainName(value: string, operation: string): string {
  return validated(operation, () => normalizeDomainName(value));
}

export function createPorkbunClient(options: PorkbunOptions): PorkbunClient {
  const keys = (operation: string) => {
    const context = { provider: PROVIDER, operation };
    return {
      apikey: loadCredential(options.apiKey, API_KEY, context),
      secretapikey: loadCredential(options.secretApiKey, SECRET_API_KEY, context),
    };
  };
  const common = {
    ...options,
    provider: PROVIDER,
    baseURL: options.baseURL ?? PORKBUN_BASE_URL,
    parseError: parsePorkbunError,
    buckets: PORKBUN_BUCKETS,
  };
  // Header credentials on every request (GETs need them); the transport redacts them everywhere.
  const transport: Transport = createTransport({
    ...common,
    credentials: () => {
      const { apikey, secretapikey } = keys('request');
      return { headers: { 'X-API-Key': apikey, 'X-Secret-API-Key': secretapikey } };
    },
  });
  const publicTransport: Transport = createTransport({ ...common, credentials: () => ({}) });

  async function dispatch<T>(
    via: Transport,
    request: PorkbunRequest<T>,
    opts: CallOptions | undefined,
    credentials: Record<string, string>,
  ): Promise<T> {
    // A POST needs a JSON body ({} at least); the spec's primary form carries the key pair in it
    // (https://porkbun.com/api/json/v3/documentation, "Authentication").
    const body = request.method === 'POST' ? { ...credentials, ...request.body } : undefined;
    const idempotencyKey = request.spending
      ? (opts?.idempotencyKey ?? randomUUID())
      : request.write
        ? opts?.idempotencyKey
        : undefined;
    try {
      const response = await via.request({
        operation: request.operation,
        method: request.method,
        path: request.path,
        ...(request.query ? { query: request.query } : {}),
        ...(body ? { body } : {}),
        schema: z.unknown(),
        bucket: request.bucket ?? 'edge',
        idempotent: request.method === 'GET' || request.readOnly === true,
        ...requestOptions(opts),
        idempotencyKey,
      });
      return unwrap(request, response.data, response.status);
    } catch (error) {
      throw porkbunTypedError(error);
    }
  }

  return {
    options,
    send: (request, opts) => dispatch(transport, request, opts, keys(request.operation)),
    sendPublic: (request, opts) => dispatch(publicTransport, request, opts, {}),
    close: async () => {
      await Promise.all([transport.close(), publicTransport.close()]);
    },
  };
}
