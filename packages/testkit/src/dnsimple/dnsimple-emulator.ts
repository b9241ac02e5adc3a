/**
 * Loopback emulator of the DNSimple API v2 (https://api.dnsimple.com/v2), written from DNSimple's
 * docs, OpenAPI spec and official fixtures (https://github.com/dnsimple/dnsimple-developer, copied
 * to shared/fixtures/dnsimple; docs/providers/dnsimple.md). Paths keep the `/v2` prefix, so an
 * adapter's `baseURL` is the emulator's `url`.
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
import { DEFAULT_TLD_PRICES, resolveSeed } from '../emulator/seed-data.js';
import type { TransferRegistry } from '../emulator/transfer-registry.js';
import {
  DNSIMPLE_CURRENCY,
  DNSIMPLE_REGISTRAR_ID,
  type DnsimpleContext,
  errorBody,
  principalOf,
} from './dnsimple-context.js';
import { dnsimpleHostile } from './dnsimple-hostile.js';
import { contactRoutes } from './dnsimple-routes-contacts.js';
import { dnssecRoutes } from './dnsimple-routes-dnssec.js';
import { domainRoutes } from './dnsimple-routes-domains.js';
import { identityRoutes } from './dnsimple-routes-identity.js';
import { registrarRoutes } from './dnsimple-routes-registrar.js';
import { tldRoutes } from './dnsimple-routes-tlds.js';
import { zoneRoutes } from './dnsimple-routes-zones.js';
import { asciiName, DnsimpleState, type OperationCompletion } from './dnsimple-state.js';
import { EXTENDED_ATTRIBUTE_TLD_PRICES } from './dnsimple-tld-attributes.js';

export const DNSIMPLE_DEFAULT_TOKEN = 'dnsimple-test-token';
export const DNSIMPLE_DEFAULT_ACCOUNT_ID = 1010;
/**
 * Authenticated requests per hour (https://developer.dnsimple.com/v2/#rate-limiting;
 * docs/providers/dnsimple.md#rate-limits).
 */
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
  /**
   * Operations (creates + updates + deletes) one batch change may hold; above it the whole batch is
   * refused (400). DNSimple does not publish its limit; default 100. `null` = no limit.
   */
  batchOperationLimit?: number | null;
  /**
   * When registrations, renewals, transfers and restores complete: on the `polls`-th GET of the
   * operation (default 1), or with `afterMs` on the first GET at least that long after creation.
   */
  completion?: OperationCompletion;
  /** Auth codes the losing registrar expects for names registered elsewhere (without `registry`). */
  transferAuthCodes?: Record<string, string>;
  /** A registry shared with another emulator, so a domain can move between them (emulator/transfer-registry.ts). */
  registry?: TransferRegistry;
}

export type DnsimpleEmulator = RunningEmulator<DnsimpleState>;

export function startDnsimpleEmulator(options: DnsimpleEmulatorOptions = {}): Promise<DnsimpleEmulator> {
  return startEmulatorServer(createDnsimpleApp(options), options);
}

export function createDnsimpleApp(options: DnsimpleEmulatorOptions = {}): EmulatorApp<DnsimpleState> {
  const token = options.token ?? DNSIMPLE_DEFAULT_TOKEN;
  const accountId = options.accountId ?? DNSIMPLE_DEFAULT_ACCOUNT_ID;
  // .us, .ca and .eu (TLDs with extended attributes) join the standard TLDs unless the seed sets its own.
  const seed = resolveSeed(
    options.seed?.tldPrices === undefined
      ? { ...options.seed, tldPrices: { ...DEFAULT_TLD_PRICES, ...EXTENDED_ATTRIBUTE_TLD_PRICES } }
      : options.seed,
  );
  const extraAccounts = options.userToken === undefined ? [] : (options.userAccountIds ?? [accountId + 1]);
  const state = new DnsimpleState(seed, {
    accountId,
    userAccountIds: [accountId, ...extraAccounts.filter((id) => id !== accountId)],
    registrantId: options.registrantId ?? 1,
    batchChanges: options.batchChanges ?? true,
    recordRegions: options.recordRegions ?? true,
    batchOperationLimit: options.batchOperationLimit === undefined ? 100 : options.batchOperationLimit,
    completion: options.completion ?? {},
  });
  for (const [name, code] of Object.entries(options.transferAuthCodes ?? {})) {
    state.transferAuthCodes[asciiName(name)] = code;
  }
  const ledger: LedgerEntry[] = [];
  const registry = options.registry;
  const ctx: DnsimpleContext = { state, ledger, token, userToken: options.userToken, accountId, registry };
  registry?.attach(DNSIMPLE_REGISTRAR_ID, {
    lookup: (name) => {
      const domain = state.findDomainAnywhere(name);
      if (!domain || domain.state === 'hosted') return undefined;
      return {
        authCode: domain.authCode,
        clientTransferProhibited: domain.transferLock,
        pendingTransfer: false,
        createdAt: new Date(domain.created_at),
        lastTransferredAt: domain.lastTransferredAt === null ? null : new Date(domain.lastTransferredAt),
      };
    },
    // Transferred away: the domain stays in the account as DNS hosting only (its zone keeps serving).
    release: (name) => {
      const domain = state.findDomainAnywhere(name);
      if (!domain) return;
      domain.state = 'hosted';
      domain.registrant_id = null;
      domain.expires_at = null;
      domain.auto_renew = false;
      domain.transferLock = false;
      domain.authCode = null;
      state.touch(domain);
    },
  });
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
    // The account's contact: the `registrant_id` registrations and transfers need.
    contactId: String(options.registrantId ?? 1),
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
      ...contactRoutes(ctx),
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
