/**
 * A loopback emulator of Porkbun's API v3 (https://porkbun.com/api/json/v3/documentation), written
 * from Porkbun's OpenAPI spec and prose docs and from recorded responses, as summarised in
 * docs/providers/porkbun.md. Every path is under `/api/json/v3`. One account, one key pair.
 *
 * Per request: the edge burst gate (optional HTML 503), credentials (body first, then headers),
 * then the route: idempotency replay, per-account limits, the handler, the `{status: "SUCCESS"|
 * "ERROR"}` envelope with `requestId`.
 */
import { startEmulatorServer } from '../emulator/emulator-server.js';
import type {
  CommonEmulatorOptions,
  EmulatorApp,
  EmulatorRequest,
  EmulatorResponse,
  RunningEmulator,
} from '../emulator/emulator-types.js';
import { resolveSeed, seedInfoOf } from '../emulator/seed-data.js';
import { PORKBUN_API_PREFIX, type PorkbunContext, requestIdSource } from './porkbun-context.js';
import { EdgeGate, PORKBUN_EDGE_BURST } from './porkbun-edge.js';
import {
  PorkbunError,
  type PorkbunErrorCode,
  porkbunCodeForStatus,
  porkbunErrorBody,
} from './porkbun-errors.js';
import { porkbunHostile } from './porkbun-hostile.js';
import { IDEMPOTENCY_TTL_MS, IdempotencyStore } from './porkbun-idempotency.js';
import { type LimitSpec, PorkbunLimits } from './porkbun-limits.js';
import { bodyMissingOrInvalid, credentialsOf } from './porkbun-request.js';
import { catalogRoutes } from './porkbun-routes-catalog.js';
import { dnsRoutes } from './porkbun-routes-dns.js';
import { dnssecRoutes } from './porkbun-routes-dnssec.js';
import { domainRoutes } from './porkbun-routes-domains.js';
import { orderRoutes } from './porkbun-routes-orders.js';
import type { PorkbunResponseShapes } from './porkbun-shapes.js';
import { PORKBUN_CURRENCY, PorkbunState } from './porkbun-state.js';

export const PORKBUN_TEST_API_KEY = 'pk1_emulator0000000000000000000000000000000000000000000000000000000000';
export const PORKBUN_TEST_SECRET_API_KEY =
  'sk1_emulator0000000000000000000000000000000000000000000000000000000000';
/** The spec version the emulator follows (the `X-API-Version` header). */
export const PORKBUN_API_VERSION = '3.27';
/** Auth codes with which a transfer fails to start (`TRANSFER_INIT_FAILED`, nothing charged). */
export const PORKBUN_REJECTED_AUTH_CODES = ['invalid-auth-code'];

/** The documented per-account limits (before `timeScale`). */
export const PORKBUN_LIMITS: Readonly<Record<'checkDomain' | 'orderAttempts' | 'orderSuccesses', LimitSpec>> =
  {
    checkDomain: { limit: 1, intervalMs: 10_000 },
    orderAttempts: { limit: 1, intervalMs: 10_000 },
    orderSuccesses: { limit: 50, intervalMs: 86_400_000 },
  };

export interface PorkbunEmulatorOptions extends CommonEmulatorOptions {
  /** The accepted key pair (defaults `PORKBUN_TEST_API_KEY` / `PORKBUN_TEST_SECRET_API_KEY`). */
  apiKey?: string;
  secretApiKey?: string;
  /** `observed` (default): the types real responses were recorded with; `spec`: exactly the OpenAPI schemas. */
  responseShapes?: PorkbunResponseShapes;
  /** Account credit in cents (default 100 000 = $1000.00). */
  balanceCents?: number;
  /** Account email and phone verified (default true); false refuses orders with `VERIFICATION_REQUIRED`. */
  accountVerified?: boolean;
  /** The account registered a domain before (default true); false refuses `/domain/create`. */
  hasPriorRegistration?: boolean;
  /** Monthly API spend limit in cents (default none). */
  monthlySpendLimitCents?: number | null;
  /** Account minimum TTL (default 600): lower TTLs are stored raised to it. */
  minTtl?: number;
  /** Seeded domains that are not opted in to API access. */
  apiAccessDisabled?: string[];
  /** Days after creation or a renewal during which renew answers `RENEWAL_TOO_SOON` (default 30; 0 = never). */
  renewCooldownDays?: number;
  /** Domains per `/domain/listAll` page (default 1000). */
  pageSize?: number;
  /** Override the per-account limits (windows before `timeScale`). */
  limits?: Partial<typeof PORKBUN_LIMITS>;
  /** The edge's HTML 503 for bursts: `true` = about 2 requests per second; default off. */
  edgeBurst?: boolean | LimitSpec;
  /** Auth codes with which a transfer fails to start (default `['invalid-auth-code']`). */
  rejectedAuthCodes?: string[];
  /** `on-read` (default): each getTransfer read moves a transfer one step; `manual`: `state.setTransferStatus`. */
  transferAdvance?: 'on-read' | 'manual';
  /** Time a create/renew/transfer takes before it charges (to exercise `IDEMPOTENCY_KEY_IN_USE`). */
  processingDelayMs?: number;
  /** Clock for dates written by requests and for the renewal window. Default: the wall clock. */
  now?: () => Date;
}

const LINK_HEADER = '<https://porkbun.com/api/json/v3/spec>; rel="describedby"';

export function createPorkbunApp(options: PorkbunEmulatorOptions = {}): EmulatorApp<PorkbunState> {
  const apiKey = options.apiKey ?? PORKBUN_TEST_API_KEY;
  const secretApiKey = options.secretApiKey ?? PORKBUN_TEST_SECRET_API_KEY;
  const timeScale = options.timeScale ?? 1;
  const seed = resolveSeed(options.seed);
  const state = new PorkbunState(seed, {
    balanceCents: options.balanceCents ?? 100_000,
    verified: options.accountVerified ?? true,
    hasPriorRegistration: options.hasPriorRegistration ?? true,
    monthlySpendLimitCents: options.monthlySpendLimitCents ?? null,
    minTtl: options.minTtl ?? 600,
    apiAccessDisabled: options.apiAccessDisabled ?? [],
    now: options.now ?? (() => new Date()),
  });
  const edgeSpec = options.edgeBurst === true ? PORKBUN_EDGE_BURST : options.edgeBurst || null;
  const ctx: PorkbunContext = {
    state,
    settings: {
      shapes: options.responseShapes ?? 'observed',
      pageSize: options.pageSize ?? 1000,
      renewCooldownDays: options.renewCooldownDays ?? 30,
      rejectedAuthCodes: options.rejectedAuthCodes ?? PORKBUN_REJECTED_AUTH_CODES,
      transferAdvance: options.transferAdvance ?? 'on-read',
      processingDelayMs: options.processingDelayMs ?? 0,
    },
    limits: new PorkbunLimits(
      { ...PORKBUN_LIMITS, ...options.limits },
      timeScale,
      options.rateLimits !== false,
    ),
    edge: new EdgeGate(edgeSpec, timeScale),
    idempotency: new IdempotencyStore(IDEMPOTENCY_TTL_MS * timeScale),
    requestId: requestIdSource(seed.seed),
  };

  /** Throws the auth error of a request whose credentials are not the account's pair. */
  const checkCredentials = (req: EmulatorRequest): void => {
    const presented = credentialsOf(req);
    let code: PorkbunErrorCode | null = null;
    if (presented.apiKey === undefined) code = presented.bearer ? 'INVALID_TOKEN' : 'API_KEY_REQUIRED';
    else if (presented.apiKey !== apiKey) code = 'INVALID_API_KEYS_001';
    else if (presented.secretApiKey === undefined) code = 'MISSING_SECRETAPIKEY';
    else if (presented.secretApiKey !== secretApiKey) code = 'INVALID_API_KEYS_002';
    if (code !== null) throw new PorkbunError(code);
  };

  const refusal = (req: EmulatorRequest, error: PorkbunError): EmulatorResponse => ({
    status: error.status,
    body: { ...(error.body as object), requestId: ctx.requestId(req) },
  });

  const seedInfo = seedInfoOf(seed, PORKBUN_CURRENCY, { apiKey, secretApiKey });

  return {
    name: 'porkbun',
    state,
    routes: [
      ...catalogRoutes(ctx, checkCredentials),
      ...orderRoutes(ctx),
      ...domainRoutes(ctx),
      ...dnsRoutes(ctx),
      ...dnssecRoutes(ctx),
    ],
    buckets: {},
    authenticate(req) {
      const rejected = ctx.edge.check(req);
      if (rejected) return rejected;
      if (bodyMissingOrInvalid(req)) return refusal(req, new PorkbunError('INVALID_OR_EMPTY_JSON'));
      try {
        checkCredentials(req);
        return null;
      } catch (error) {
        if (error instanceof PorkbunError) return refusal(req, error);
        throw error;
      }
    },
    errorBody: (status, message, req) => {
      const code = porkbunCodeForStatus(status);
      return porkbunErrorBody(
        code,
        req === undefined ? { message } : { message, requestId: ctx.requestId(req) },
      );
    },
    responseHeaders(req): Record<string, string> {
      if (ctx.edge.rejected(req)) return { server: 'openresty' };
      return {
        'X-Request-Id': ctx.requestId(req),
        'X-API-Version': PORKBUN_API_VERSION,
        Link: LINK_HEADER,
        Server: 'openresty',
        'Cache-Control': 'no-store, no-cache, must-revalidate',
      };
    },
    ledger: state.ledger,
    seedInfo,
    hostile: porkbunHostile(ctx.settings.pageSize),
  };
}

/** Starts the Porkbun emulator on 127.0.0.1 (a free port unless `port` is given). Base URL: `url + '/api/json/v3'`. */
export function startPorkbunEmulator(
  options: PorkbunEmulatorOptions = {},
): Promise<RunningEmulator<PorkbunState>> {
  return startEmulatorServer(createPorkbunApp(options), options);
}

export { PORKBUN_API_PREFIX };
