/**
 * Shared shapes of the loopback emulators. Every provider emulator (pocketdns, dnsimple, glauca,
 * domainr) is an `EmulatorApp` served by `startEmulatorServer` (emulator-server.ts), which owns the
 * HTTP server, routing, request log, rate limiting, fault injection and latency. A provider module
 * only declares routes, its auth check and its error body.
 */
import type { IncomingHttpHeaders } from 'node:http';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a route handler receives. */
export interface EmulatorRequest {
  method: HttpMethod;
  /** Path without query string, as received (still percent-encoded). */
  path: string;
  /** Route parameters, percent-decoded. */
  params: Record<string, string>;
  /** Query parameters (last value wins for repeated keys). */
  query: Record<string, string>;
  /** Every value of each query parameter, in order (`?a=1&a=2` → `{ a: ['1', '2'] }`). */
  queryAll?: Record<string, string[]>;
  headers: IncomingHttpHeaders;
  /**
   * Parsed JSON body, or undefined when there was none. An unparseable body answers 400 before the
   * handler. With `EmulatorApp.formBodies`, an `application/x-www-form-urlencoded` body is a
   * `Record<string, string>` instead (last value wins for repeated keys).
   */
  body: unknown;
  rawBody: string;
  /** The TCP peer address of the connection (`127.0.0.1` on loopback), for IP allow-lists. */
  remoteAddress?: string;
  /**
   * The request's sequence number in the emulator's request log (set by `startEmulatorServer`), for
   * `LedgerEntry.requestSeq`. Ledger entries a handler appends with a missing or 0 `requestSeq` are
   * filled in by the server with this number.
   */
  seq?: number;
}

/** What a route handler returns. `body` undefined with 204 sends no body. */
export interface EmulatorResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Thrown by handlers to answer with the provider's own error body. */
export class EmulatorHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(`emulated HTTP ${status}`);
  }
}

/** A documented rate-limit bucket: at most `limit` requests per `intervalMs` (scaled by timeScale). */
export interface RateLimitBucket {
  limit: number;
  intervalMs: number;
  /**
   * Optional: once the limit is exceeded every request of the bucket is refused for this long
   * (scaled by timeScale too), e.g. Cloudflare's five-minute block.
   */
  lockoutMs?: number;
}

export interface EmulatorRoute {
  method: HttpMethod;
  /** find-my-way pattern, e.g. `/api/v1/domains/:domainId`. */
  path: string;
  /**
   * Name of the rate-limit bucket (a key of `EmulatorApp.buckets`), if the route is limited. A list
   * names several buckets (per minute, hour and day): the request needs room in every one of them
   * and counts against all of them.
   */
  bucket?: string | readonly string[];
  /**
   * Tells apart routes that share a method and path (an API with one endpoint that dispatches on a
   * parameter, such as Namecheap's `Command`): the first route in declaration order whose `match`
   * returns true (or that has no `match`) serves the request; none → 404. Runs before auth.
   */
  match?: (req: EmulatorRequest) => boolean;
  /**
   * Operation name used in fault rules and in the request log. Where a route plays the role of a
   * `Registrar` method, use that method's name (`listDomains`, `getDomain`, `updateDomain`,
   * `checkAvailability`, `getPrice`, `listTldPrices`, `registerDomain`, `renewDomain`,
   * `transferDomain`, `getTransfer`, `listRecords`, `createRecord`, `createRecords`, `updateRecord`,
   * `deleteRecord`, `getDsRecords`, `setDsRecords`, `suggestDomains`) so that generic tests can
   * target it; other routes use their own camelCase name (`whoami`, `enableDnssec`, `applyTemplate`).
   */
  operation: string;
  /** When true the route needs no credentials. */
  public?: boolean;
  /**
   * When true the body is not parsed as JSON (`body` stays undefined; read `rawBody`), for routes
   * that take another format, such as a multipart/form-data upload.
   */
  rawBody?: boolean;
  handler: (req: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;
}

export type FaultKind =
  | { type: 'status'; status: 500 | 502 | 503 | 504 }
  /** Socket destroyed before the handler runs: nothing was processed. */
  | { type: 'reset-before' }
  /** Handler runs (state changes, money charged), then the socket is destroyed without a response. */
  | { type: 'reset-after' }
  | { type: 'latency'; ms: number }
  /** 200 with a truncated JSON body. */
  | { type: 'malformed-json' }
  /** The status with an HTML error page body (as a proxy in front of the API would send). */
  | { type: 'html-error'; status: 502 | 503 }
  /** The status with the provider's own error body (`EmulatorApp.errorBody`); nothing is processed. */
  | {
      type: 'error';
      status: 400 | 401 | 402 | 403 | 404 | 409 | 422 | 429 | 500;
      message?: string;
      retryAfterSeconds?: number;
    }
  // Hostile answers (hostile-responses.ts): what a broken proxy or a malicious server sends.
  /** The handler runs, the headers and the first half of its body are sent, then one byte per `intervalMs` (default 200) for ever. */
  | { type: 'drip-body'; intervalMs?: number }
  /** A 3xx (default 302) with `Location` on another host (default `http://127.0.0.2:<port><path>`); nothing is processed. */
  | { type: 'redirect'; status?: 301 | 302 | 303 | 307 | 308; location?: string }
  /**
   * 200 with a valid JSON body of `bytes` bytes, streamed in 64 KiB chunks as the client reads
   * (never held in memory); chunked unless `contentLength`. Nothing is processed.
   */
  | { type: 'oversized-body'; bytes: number; contentLength?: boolean }
  /** The status with the provider's error body plus a value nested `depth` (default 100,000) arrays deep. */
  | { type: 'nested-body'; status: number; depth?: number }
  /**
   * The handler's normal answer with `X-RateLimit-Limit`, `X-RateLimit-Remaining` (default 0) and
   * `X-RateLimit-Reset` `resetInSeconds` (default 10 days) from now (epoch seconds, as DNSimple sends).
   */
  | { type: 'rate-limit-headers'; remaining?: number; resetInSeconds?: number }
  /**
   * The status (default 401) with the provider's error body in which every credential the request
   * carried (a header, a query parameter or the body) is a JSON key, and inside `X-Request-Id`.
   */
  | { type: 'echo-credentials'; status?: number }
  /** The first request after the rules were set is answered normally; every later one gets that same answer again. */
  | { type: 'repeat-first-page' }
  /** The handler runs; its body is replaced by `transform(body, req)` (a provider's lying pages). */
  | { type: 'transform'; transform: (body: unknown, req: EmulatorRequest) => unknown };

export interface FaultRule {
  /** Operation name or `METHOD /pattern`; omitted = every route. */
  route?: string;
  /** Probability 0..1 per matching request (drawn from the seeded PRNG). */
  rate?: number;
  /** Faults applied to the next matching requests in order (`null` = no fault for that request). */
  sequence?: (FaultKind | null)[];
  /** The fault used with `rate`. A list picks one per hit with the seeded PRNG. */
  fault?: FaultKind | FaultKind[];
  /**
   * The rule applies only once the ledger has grown since the rules were set (a spending request
   * succeeded and charged): "the read that follows a charge fails".
   */
  afterCharge?: boolean;
}

export interface LedgerEntry {
  operation: 'register' | 'renew' | 'transfer' | 'restore';
  domain: string;
  amount: string;
  currency: string;
  at: Date;
  /** The emulator's request sequence number that caused the charge. */
  requestSeq: number;
}

export interface RecordedRequest {
  seq: number;
  method: HttpMethod;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  operation: string | null;
  /** Status sent, or null when the connection was reset. */
  status: number | null;
  at: number;
  /** Body bytes written by a streaming fault (`drip-body`, `oversized-body`) until the client stopped reading. */
  bytesSent?: number;
}

/** A listing that lies about its length, as fault rules; the lie is certain to be met by any client. */
export interface LyingPagesScenario {
  /** What the lie is, e.g. `total_pages 1e6, empty pages after the first`. */
  name: string;
  rules: FaultRule[];
}

/**
 * Optional provider-specific hostile behaviour an emulator offers to the conformance suite's
 * attacks, where a generic fault cannot do it (a lie in the provider's own pagination fields).
 */
export interface HostileSupport {
  /**
   * Listings that lie (a stated total never reached, a next page or cursor that repeats), for the
   * requests a `Registrar` listing method makes (`listRecords` may first page through zones).
   * Empty when the provider's listing has nothing to lie with.
   */
  lyingPages?(operation: 'listDomains' | 'listRecords'): LyingPagesScenario[];
  /**
   * From now on spending requests complete at once (an order answered `completed`, not
   * `pending`), so a client meets the reads it makes after a completed charge.
   */
  completeOrdersAtOnce?(): void;
}

export interface SeedOptions {
  /** PRNG seed for all generated data and for fault rates. */
  seed?: number;
  /** Number of domains owned by the account/user (default 3). */
  domains?: number;
  /** Records per domain (default 3). */
  recordsPerDomain?: number;
  /** Names (full domain names) that answer as registered by somebody else. */
  registeredNames?: string[];
  /** Names that answer as available. Any other unknown name in a known TLD is available too. */
  availableNames?: string[];
  /** Names that are premium: `{ 'name.com': '1200.00' }`. */
  premiumNames?: Record<string, string>;
  /** TLD prices: `{ com: { register: '12.99', renew: '12.99', transfer: '12.99', restore: '80.00' } }`. */
  tldPrices?: Record<string, { register: string; renew: string; transfer: string; restore?: string }>;
  /** Include one IDN domain (`bücher.com`, i.e. `xn--bcher-kva.com`) in the portfolio (default true). */
  idnDomain?: boolean;
}

export interface CommonEmulatorOptions {
  seed?: SeedOptions;
  /** Multiplies every rate-limit interval (0.01 makes a per-minute bucket a 600 ms bucket). Default 1. */
  timeScale?: number;
  /** Disable rate limiting entirely. Default: enforced. */
  rateLimits?: boolean;
  /** Fault injection rules, applied in order (first matching rule that fires wins). */
  faults?: FaultRule[];
  /** Added latency for every request, in ms. */
  latencyMs?: number;
  /** Port to listen on (default 0 = a free port). Always 127.0.0.1. */
  port?: number;
}

/**
 * What the seeded data holds, in provider-neutral terms, so a generic test (the conformance suite)
 * knows which names to use. Names are ASCII (punycode), lower-case.
 */
export interface SeedInfo {
  /** Domains in the portfolio, in the order the provider lists them. */
  ownedDomains: string[];
  /** The IDN domain in the portfolio (ASCII form), or null when `idnDomain: false`. */
  idnDomain: string | null;
  /** A name that is available at the standard price. */
  availableName: string;
  /** A name registered by somebody else. */
  registeredName: string;
  /** A premium name and its one-year price. */
  premiumName: string;
  premiumPrice: string;
  /** Currency of every price this emulator quotes. */
  currency: string;
  /** TLD prices as seeded. */
  tldPrices: Record<string, { register: string; renew: string; transfer: string; restore?: string }>;
  /** Credentials the emulator accepts (option names of the provider's factory → value). */
  credentials: Record<string, string>;
  /** A contact id of the account, for registrations and transfers where the provider has contact objects. */
  contactId?: string;
}

export interface RunningEmulator<TState> {
  /** `http://127.0.0.1:PORT` (no trailing slash). Pass as the adapter's baseURL. */
  url: string;
  close(): Promise<void>;
  state: TState;
  requests: RecordedRequest[];
  ledger: LedgerEntry[];
  /** How many 429 answers (and `rateLimitResponse` answers) were sent. */
  rateLimited(): number;
  /** Replace the fault rules at run time. */
  setFaults(rules: FaultRule[]): void;
  /** Provider-neutral description of the seeded data. */
  seedInfo: SeedInfo;
  /** Provider-specific hostile behaviour for the conformance attacks, when the emulator has any. */
  hostile?: HostileSupport;
}

/** What a provider module hands to `startEmulatorServer`. */
export interface EmulatorApp<TState> {
  name: string;
  state: TState;
  routes: EmulatorRoute[];
  buckets: Record<string, RateLimitBucket>;
  /** Returns null when authorised, else the error response (401 with the provider's body). */
  authenticate(req: EmulatorRequest): EmulatorResponse | null;
  /** The provider's error body for a status and message (used for 404 of unknown routes, 429, bad JSON). */
  errorBody(status: number, message: string, req?: EmulatorRequest): unknown;
  /** Extra headers on every response (DNSimple's X-RateLimit-*). Called after the handler. */
  responseHeaders?(
    req: EmulatorRequest,
    bucketState: { limit: number; remaining: number; resetAt: Date } | null,
  ): Record<string, string>;
  /**
   * When true, a body sent as `application/x-www-form-urlencoded` is parsed into
   * `Record<string, string>` (Namecheap's form POSTs); every other body is still JSON.
   */
  formBodies?: boolean;
  /**
   * The answer to a request over a rate limit, when the provider's is not the default (429 with
   * `errorBody` and `Retry-After`), e.g. Namecheap's bare HTTP 405. Counted by `rateLimited()`.
   */
  rateLimitResponse?(req: EmulatorRequest, retryAfterMs: number): EmulatorResponse;
  /** The ledger the handlers write charges into (the server exposes it). */
  ledger: LedgerEntry[];
  seedInfo: SeedInfo;
  /** Provider-specific hostile behaviour, exposed as `RunningEmulator.hostile`. */
  hostile?: HostileSupport;
}
