/**
 * Loopback emulator of the DNSimple API v2 (https://api.dnsimple.com/v2), written from DNSimple's
 * docs, OpenAPI spec and official fixtures (shared/fixtures/dnsimple). Paths keep the `/v2` prefix,
 * so an adapter's `baseURL` is the emulator's `url`.
 */
import { randomUUID } from 'node:crypto';
import { startEmulatorServer } from '../emulator/emulator-server.js';
import type {
  CommonEmulatorOptions,
  EmulatorApp,
  EmulatorRequest,
  LedgerEntry,
  RunningEmulator,
  SeedInfo,
} from '../emulator/emulator-types.js';
import { resolveSeed } from '../emulator/seed-data.js';
import { DNSIMPLE_CURRENCY, type DnsimpleContext, errorBody, principalOf } from './dnsimple-context.js';
import { dnsimpleHostile } from './dnsimple-hostile.js';
import { dnssecRoutes } from './dnsimple-routes-dnssec.js';
import { domainRoutes } from './dnsimple-routes-domains.js';
import { identityRoutes } from './dnsimple-routes-identity.js';
import { registrarRoutes } from './dnsimple-routes-registrar.js';
import { tldRoutes } from './dnsimple-routes-tlds.js';
import { zoneRoutes } from './dnsimple-routes-zones.js';
import { DnsimpleState } from './dnsimple-state.js';

export const DNSIMPLE_DEFAULT_TOKEN = 'dnsimple-test-token';
export const DNSIMPLE_DEFAULT_ACCOUNT_ID = 1010;
/** Authenticated requests per hour (docs §Rate limits). */
export const DNSIMPLE_HOURLY_LIMIT = 2400;
const HOUR_MS = 3_600_000;

export interface DnsimpleEmulatorOptions extends CommonEmulatorOptions {
  /** Account token accepted as `Authorization: Bearer <token>` (default 'dnsimple-test-token'). */
  token?: string;
  /** The account the token belongs to, used in `/v2/{account}/…` paths (default 1010). */
  accountId?: number;
  /** A user token: `whoami` answers `{user, account: null}` and `/accounts` lists several accounts. */
  userToken?: string;
  /** Further (empty) accounts reachable with `userToken` (default `[accountId + 1]`). */
  userAccountIds?: number[];
  /** Id of the account's contact, the valid `registrant_id` (default 1). */
  registrantId?: number;
  /** Batch change endpoint available (Enterprise plan); false → 412 (default true). */
  batchChanges?: boolean;
  /** Record regions other than `global` allowed (Teams/Enterprise); false → 412 (default true). */
  recordRegions?: boolean;
  /** Requests per hour of the authenticated bucket (default 2400; lower it to reach the limit quickly). */
  hourlyLimit?: number;
}

export type DnsimpleEmulator = RunningEmulator<DnsimpleState>;

export function startDnsimpleEmulator(options: DnsimpleEmulatorOptions = {}): Promise<DnsimpleEmulator> {
  return startEmulatorServer(createDnsimpleApp(options), options);
}

export function createDnsimpleApp(options: DnsimpleEmulatorOptions = {}): EmulatorApp<DnsimpleState> {
  const token = options.token ?? DNSIMPLE_DEFAULT_TOKEN;
  const accountId = options.accountId ?? DNSIMPLE_DEFAULT_ACCOUNT_ID;
  const seed = resolveSeed(options.seed);
  const extraAccounts = options.userToken === undefined ? [] : (options.userAccountIds ?? [accountId + 1]);
  const state = new DnsimpleState(seed, {
    accountId,
    userAccountIds: [accountId, ...extraAccounts.filter((id) => id !== accountId)],
    registrantId: options.registrantId ?? 1,
    batchChanges: options.batchChanges ?? true,
    recordRegions: options.recordRegions ?? true,
  });
  const ledger: LedgerEntry[] = [];
  const ctx: DnsimpleContext = { state, ledger, token, userToken: options.userToken, accountId };
  const hourlyLimit = options.hourlyLimit ?? DNSIMPLE_HOURLY_LIMIT;

  const seedInfo: SeedInfo = {
    // listDomains sorts by name ascending by default.
    ownedDomains: [...seed.domainNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    idnDomain: seed.idnDomain,
    availableName: seed.availableName,
    registeredName: seed.registeredName,
    premiumName: seed.premiumName,
    premiumPrice: seed.premiumPrice,
    currency: DNSIMPLE_CURRENCY,
    tldPrices: seed.tldPrices,
    credentials: { token, accountId: String(accountId) },
  };

  // Rate-limit headers go on every response; for a request outside the bucket (unknown route) the
  // last known window is reported.
  let lastWindow = { limit: hourlyLimit, remaining: hourlyLimit, resetAt: new Date() };

  return {
    name: 'dnsimple',
    state,
    routes: [
      ...identityRoutes(ctx),
      ...domainRoutes(ctx),
      ...zoneRoutes(ctx),
      ...registrarRoutes(ctx),
      ...dnssecRoutes(ctx),
      ...tldRoutes(ctx),
    ],
    // Unauthenticated requests (30/hour) are answered 401 before any bucket; the stricter, unpublished
    // limit of the check endpoint is not emulated: every route counts against the hourly bucket.
    buckets: { hourly: { limit: hourlyLimit, intervalMs: HOUR_MS } },
    authenticate(req: EmulatorRequest) {
      return principalOf(ctx, req) ? null : { status: 401, body: errorBody('Authentication failed') };
    },
    errorBody(status: number, message: string) {
      if (status === 429) return errorBody('quota exceeded');
      if (status === 401) return errorBody('Authentication failed');
      return errorBody(message);
    },
    responseHeaders(_req, bucketState) {
      if (bucketState) lastWindow = bucketState;
      else if (lastWindow.resetAt.getTime() <= Date.now()) {
        lastWindow = { limit: hourlyLimit, remaining: hourlyLimit, resetAt: new Date() };
      }
      return {
        'X-RateLimit-Limit': String(lastWindow.limit),
        'X-RateLimit-Remaining': String(lastWindow.remaining),
        // Unix epoch seconds when the window frees up (already scaled by timeScale).
        'X-RateLimit-Reset': String(Math.ceil(lastWindow.resetAt.getTime() / 1000)),
        'X-Request-Id': randomUUID(),
        'Cache-Control': 'no-cache',
        // The API's JSON content type (dropped by the server when there is no body, as on a 204).
        'Content-Type': 'application/json; charset=utf-8',
      };
    },
    ledger,
    seedInfo,
    hostile: dnsimpleHostile,
  };
}
